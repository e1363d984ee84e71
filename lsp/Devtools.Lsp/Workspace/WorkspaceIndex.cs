using System.Collections.Concurrent;

namespace Devtools.Lsp.Workspace;

/// <summary>
/// The C# files of the workspace and what the analyzer found in them. Files on disk are
/// scanned once in the background at initialize; open documents are re-analyzed on each
/// change (their unsaved text wins). Readers get immutable facts; nothing here blocks a request
/// for longer than one file's analysis.
/// </summary>
public sealed class WorkspaceIndex
{
    private static readonly string[] SkippedDirectories = ["bin", "obj", "node_modules", ".git", ".vs", "artifacts"];

    private readonly ISourceAnalyzer _analyzer;
    private readonly ConcurrentDictionary<string, SourceFileFacts> _facts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _openText = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _uris = new(StringComparer.Ordinal);
    private long _version;

    public WorkspaceIndex(ISourceAnalyzer analyzer)
    {
        _analyzer = analyzer;
        Paths = new PathMapper([]);
    }

    public PathMapper Paths { get; private set; }

    public IReadOnlyList<string> Roots { get; private set; } = [];

    /// <summary>Changes whenever any file's facts change.</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>Completes when the initial scan is done.</summary>
    public Task Scanned { get; private set; } = Task.CompletedTask;

    public void SetRoots(IReadOnlyList<string> roots, IReadOnlyList<string> extraRoots, IReadOnlyList<(string From, string To)> prefixes)
    {
        Roots = roots;
        var mapper = new PathMapper([], prefixes);
        Paths = mapper;
        foreach (string path in _openText.Keys)
            mapper.AddFile(path);
        IReadOnlyList<string> all = [.. roots, .. extraRoots];
        Scanned = Task.Run(() =>
        {
            foreach (string file in all.SelectMany(EnumerateSources))
            {
                mapper.AddFile(file);
                if (_openText.ContainsKey(file))
                    continue;
                try
                {
                    Update(file, File.ReadAllText(file));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                }
            }
        });
    }

    public void Open(string uri, string text)
    {
        string path = UriToPath(uri);
        _uris[path] = uri;
        _openText[path] = text;
        Paths.AddFile(path);
        Update(path, text);
    }

    public void Close(string uri)
    {
        string path = UriToPath(uri);
        _openText.TryRemove(path, out _);
        _uris.TryRemove(path, out _);
        try
        {
            if (File.Exists(path))
                Update(path, File.ReadAllText(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    public string? OpenText(string path) => _openText.TryGetValue(path, out string? t) ? t : null;

    public IEnumerable<string> OpenPaths => _openText.Keys;

    public SourceFileFacts Facts(string path) => _facts.TryGetValue(path, out SourceFileFacts? f) ? f : SourceFileFacts.Empty;

    public IEnumerable<(string Path, SourceFileFacts Facts)> AllFacts => _facts.Select(kv => (kv.Key, kv.Value));

    /// <summary>The URI to send for a file: the client's own when it has the file open.</summary>
    public string UriOf(string path) => _uris.TryGetValue(path, out string? uri) ? uri : new Uri(path).AbsoluteUri;

    public static string UriToPath(string uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return Uri.TryCreate(uri, UriKind.Absolute, out Uri? u) && u.IsFile ? u.LocalPath : uri;
    }

    private void Update(string path, string text)
    {
        SourceFileFacts facts;
        try
        {
            facts = _analyzer.Analyze(path, text);
        }
#pragma warning disable CA1031 // One file the analyzer cannot read must not stop the others.
        catch (Exception)
#pragma warning restore CA1031
        {
            facts = SourceFileFacts.Empty;
        }
        _facts[path] = facts;
        Interlocked.Increment(ref _version);
    }

    private static IEnumerable<string> EnumerateSources(string root)
    {
        if (!Directory.Exists(root))
            yield break;
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            string dir = pending.Pop();
            string[] files;
            string[] dirs;
            try
            {
                files = Directory.GetFiles(dir, "*.cs");
                dirs = Directory.GetDirectories(dir);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }
            foreach (string f in files)
                yield return f;
            foreach (string d in dirs)
            {
                if (!SkippedDirectories.Contains(Path.GetFileName(d), StringComparer.OrdinalIgnoreCase))
                    pending.Push(d);
            }
        }
    }
}
