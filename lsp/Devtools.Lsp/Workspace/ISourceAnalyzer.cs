using Devtools.Lsp.Protocol;

namespace Devtools.Lsp.Workspace;

/// <summary>An ASP.NET Core endpoint declared in a file: where its lens goes.</summary>
/// <param name="HttpMethods">Upper-case methods; empty means any.</param>
/// <param name="Template">The full route template (group prefixes applied).</param>
/// <param name="Range">Where the lens goes (0-based).</param>
/// <param name="LastLine">The last 0-based line of the declaration (its handler): hovers anywhere on it answer.</param>
public sealed record SourceEndpoint(IReadOnlyList<string> HttpMethods, RouteTemplate Template, LspRange Range, int LastLine, string? Handler)
{
    /// <summary>The file declaring it (set by the source model).</summary>
    public string File { get; init; } = "";

    public string MethodsText => HttpMethods.Count == 0 ? "ANY" : string.Join(", ", HttpMethods);

    public string Key => MethodsText + " " + Template.Text;

    public bool Accepts(string method) => HttpMethods.Count == 0 || HttpMethods.Contains(method, StringComparer.OrdinalIgnoreCase);
}

/// <summary>A method declared in a file, with the name a profiler knows it by.</summary>
/// <param name="QualifiedName">Namespace.Type.Method as the runtime names it.</param>
/// <param name="NameRange">The identifier: where a CPU lens goes.</param>
/// <param name="StartLine">First 0-based line of the declaration.</param>
/// <param name="EndLine">Last 0-based line of the declaration.</param>
public sealed record SourceMethodInfo(string QualifiedName, LspRange NameRange, int StartLine, int EndLine)
{
    /// <summary>The file declaring it (set by the source model).</summary>
    public string File { get; init; } = "";
}

/// <summary>A SQL literal in source that a captured statement matched: where its lens goes.</summary>
/// <param name="File">The file holding the literal.</param>
/// <param name="Range">The lens range: on the literal's first line.</param>
/// <param name="Exact">True for an exact match of the normalised form, false for a tolerant one (placeholder style, whitespace, case).</param>
public sealed record SourceSqlSite(string File, LspRange Range, bool Exact);

/// <summary>What the bridge needs to know about a C# file. Implementations must be pure functions of the text.</summary>
public interface ISourceAnalyzer
{
    SourceFileFacts Analyze(string path, string text);
}

public sealed record SourceFileFacts(IReadOnlyList<SourceEndpoint> Endpoints, IReadOnlyList<SourceMethodInfo> Methods)
{
    public static SourceFileFacts Empty { get; } = new([], []);
}

/// <summary>
/// What the bridge knows of the workspace's C#: endpoints and methods per file, route matching,
/// profiler frames to methods, recorded paths to files. Kept current off the request path;
/// every query answers from the latest analysed state without waiting.
/// </summary>
public interface ISourceModel : IDisposable
{
    /// <summary>Changes whenever the analysed state changes.</summary>
    long Version { get; }

    /// <summary>Analyse these folders (the workspace and extra source roots), replacing the previous ones.</summary>
    void SetRoots(IReadOnlyList<string> roots);

    /// <summary>The editor's text of a file (wins over the disk until <see cref="Close"/>).</summary>
    void Update(string path, string text);

    void Close(string path);

    /// <summary>A file changed on disk outside the editor (or was deleted).</summary>
    void FileChanged(string path, bool deleted);

    /// <summary>Completes when queued analysis is done (for tests and the first lenses).</summary>
    Task IdleAsync(CancellationToken ct);

    IReadOnlyList<SourceEndpoint> EndpointsIn(string path);

    IReadOnlyList<SourceMethodInfo> MethodsIn(string path);

    /// <summary>The endpoint serving a request, or null (none, or ambiguous).</summary>
    SourceEndpoint? Match(string httpMethod, string path);

    /// <summary>The source methods a profiler frame (<c>Ns.Type.Method</c>) runs.</summary>
    IReadOnlyList<SourceMethodInfo> MethodsForFrame(string frame);

    /// <summary>The SQL literals a captured statement (normalised by the capture's SqlNormalizer) matches, or none.</summary>
    IReadOnlyList<SourceSqlSite> SqlSitesFor(string normalizedQuery);

    /// <summary>The workspace file a recorded path stands for (longest common suffix), or null.</summary>
    string? ResolvePath(string recordedPath);
}
