using System.Collections.Concurrent;

namespace Devtools.Lsp.Workspace;

/// <summary>The <see cref="ISourceModel"/> over <see cref="SimpleSourceAnalyzer"/>: line-based, per file, no Roslyn.</summary>
public sealed class SimpleSourceModel : ISourceModel
{
    private static readonly string[] SkippedDirectories = ["bin", "obj", "node_modules", ".git", ".vs", "artifacts"];

    private readonly SimpleSourceAnalyzer _analyzer = new();
    private readonly ConcurrentDictionary<string, SourceFileFacts> _facts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _editor = new(StringComparer.Ordinal);
    private PathMapper _paths = new([]);
    private Task _scan = Task.CompletedTask;
    private long _version;

    public long Version => Interlocked.Read(ref _version);

    public void SetRoots(IReadOnlyList<string> roots)
    {
        var mapper = new PathMapper(_editor.Keys);
        _paths = mapper;
        _scan = Task.Run(() =>
        {
            foreach (string file in roots.SelectMany(EnumerateSources))
            {
                mapper.AddFile(file);
                if (_editor.ContainsKey(file))
                    continue;
                try
                {
                    Analyze(file, File.ReadAllText(file));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                }
            }
        });
    }

    public void Update(string path, string text)
    {
        _editor[path] = true;
        _paths.AddFile(path);
        Analyze(path, text);
    }

    public void Close(string path)
    {
        _editor.TryRemove(path, out _);
        try
        {
            if (File.Exists(path))
                Analyze(path, File.ReadAllText(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    public void FileChanged(string path, bool deleted)
    {
        if (_editor.ContainsKey(path))
            return;
        if (deleted)
        {
            _facts.TryRemove(path, out _);
            Interlocked.Increment(ref _version);
            return;
        }
        Close(path);
    }

    public Task IdleAsync(CancellationToken ct) => _scan.WaitAsync(ct);

    public IReadOnlyList<SourceEndpoint> EndpointsIn(string path) => _facts.TryGetValue(path, out SourceFileFacts? f) ? f.Endpoints : [];

    public IReadOnlyList<SourceMethodInfo> MethodsIn(string path) => _facts.TryGetValue(path, out SourceFileFacts? f) ? f.Methods : [];

    public SourceEndpoint? Match(string httpMethod, string path) =>
        _facts.Values.SelectMany(f => f.Endpoints)
            .Where(e => e.Accepts(httpMethod) && e.Template.Matches(path))
            .OrderByDescending(e => e.Template.Specificity).ThenByDescending(e => e.HttpMethods.Count > 0)
            .FirstOrDefault();

    public IReadOnlyList<SourceMethodInfo> MethodsForFrame(string frame) =>
        [.. _facts.Values.SelectMany(f => f.Methods).Where(m => SameMethod(frame, m.QualifiedName))];

    /// <summary>The line-based fallback does not find SQL literals.</summary>
    public IReadOnlyList<SourceSqlSite> SqlSitesFor(string normalizedQuery) => [];

    public string? ResolvePath(string recordedPath) => _paths.Map(recordedPath);

    public void Dispose()
    {
    }

    /// <summary>"Ns.Type.Method" against "Type.Method" or the other way round, at a '.' boundary; arguments ignored.</summary>
    public static bool SameMethod(string profilerName, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(profilerName);
        ArgumentNullException.ThrowIfNull(sourceName);
        string a = Strip(profilerName);
        string b = Strip(sourceName);
        return a == b || a.EndsWith("." + b, StringComparison.Ordinal) || b.EndsWith("." + a, StringComparison.Ordinal);

        static string Strip(string s)
        {
            int paren = s.IndexOf('(', StringComparison.Ordinal);
            if (paren >= 0)
                s = s[..paren];
            int bracket = s.IndexOf('[', StringComparison.Ordinal);
            if (bracket >= 0)
                s = s[..bracket];
            return s;
        }
    }

    private void Analyze(string path, string text)
    {
        SourceFileFacts facts;
        try
        {
            facts = _analyzer.Analyze(path, text);
            facts = new SourceFileFacts([.. facts.Endpoints.Select(e => e with { File = path })], [.. facts.Methods.Select(m => m with { File = path })]);
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
        if (File.Exists(root) && root.EndsWith(".cs", StringComparison.OrdinalIgnoreCase))
        {
            yield return root;
            yield break;
        }
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
