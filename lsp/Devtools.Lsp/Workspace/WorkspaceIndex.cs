using System.Collections.Concurrent;

namespace Devtools.Lsp.Workspace;

/// <summary>
/// The bridge's view of the workspace: open documents (their URIs and unsaved text), the
/// settings that map recorded paths (prefix mappings, extra source roots), and the
/// <see cref="ISourceModel"/> that analyses the C# off the request path.
/// </summary>
public sealed class WorkspaceIndex : IDisposable
{
    private readonly ISourceModel _model;
    private readonly ConcurrentDictionary<string, string> _openText = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _uris = new(StringComparer.Ordinal);
    private IReadOnlyList<(string From, string To)> _prefixes = [];

    public WorkspaceIndex(ISourceModel model)
    {
        _model = model;
    }

    public ISourceModel Model => _model;

    public IReadOnlyList<string> Roots { get; private set; } = [];

    public void SetRoots(IReadOnlyList<string> roots, IReadOnlyList<string> extraRoots, IReadOnlyList<(string From, string To)> prefixes)
    {
        Roots = roots;
        _prefixes = prefixes;
        _model.SetRoots([.. roots, .. extraRoots, .. prefixes.Select(p => p.To).Where(Directory.Exists)]);
    }

    public void Open(string uri, string text)
    {
        string path = UriToPath(uri);
        _uris[path] = uri;
        _openText[path] = text;
        _model.Update(path, text);
    }

    public void Close(string uri)
    {
        string path = UriToPath(uri);
        _openText.TryRemove(path, out _);
        _uris.TryRemove(path, out _);
        _model.Close(path);
    }

    public void FileChanged(string uri, bool deleted) => _model.FileChanged(UriToPath(uri), deleted);

    public string? OpenText(string path) => _openText.TryGetValue(path, out string? t) ? t : null;

    public IEnumerable<string> OpenPaths => _openText.Keys;

    public SourceFileFacts Facts(string path) => new(_model.EndpointsIn(path), _model.MethodsIn(path));

    /// <summary>The workspace file for a path recorded at build time: prefix mappings first, then the longest common suffix.</summary>
    public string? MapPath(string recordedPath)
    {
        ArgumentNullException.ThrowIfNull(recordedPath);
        string normalized = recordedPath.Replace('\\', '/');
        foreach ((string from, string to) in _prefixes)
        {
            string f = from.Replace('\\', '/').TrimEnd('/');
            if (normalized.StartsWith(f + "/", StringComparison.Ordinal))
            {
                string candidate = to.TrimEnd('/') + normalized[f.Length..];
                if (File.Exists(candidate))
                    return candidate;
            }
        }
        return _model.ResolvePath(recordedPath);
    }

    /// <summary>The URI to send for a file: the client's own when it has the file open.</summary>
    public string UriOf(string path) => _uris.TryGetValue(path, out string? uri) ? uri : new Uri(path).AbsoluteUri;

    public static string UriToPath(string uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return Uri.TryCreate(uri, UriKind.Absolute, out Uri? u) && u.IsFile ? u.LocalPath : uri;
    }

    public void Dispose() => _model.Dispose();
}
