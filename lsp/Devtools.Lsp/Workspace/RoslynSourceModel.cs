using System.Collections.Immutable;
using Devtools.Lsp.Analysis;
using Devtools.Lsp.Analysis.Endpoints;
using Devtools.Lsp.Analysis.Methods;
using Devtools.Lsp.Analysis.Routing;
using Devtools.Lsp.Analysis.Workspace;
using Devtools.Lsp.Protocol;
using AnalysisIndex = Devtools.Lsp.Analysis.WorkspaceIndex;

namespace Devtools.Lsp.Workspace;

/// <summary>
/// The <see cref="ISourceModel"/> over the Roslyn analysis (lsp/Devtools.Lsp.Analysis): minimal
/// APIs with groups across files, controllers and their tokens, ASP.NET Core's route precedence,
/// profiler frame names (lambdas, async state machines, local functions) to methods.
/// </summary>
public sealed class RoslynSourceModel : ISourceModel
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, string> _editor = new(StringComparer.Ordinal);
    private AnalysisIndex _index = new([]);
    private (WorkspaceSnapshot Snapshot, Dictionary<string, IReadOnlyList<SourceEndpoint>> Endpoints, Dictionary<string, IReadOnlyList<SourceMethodInfo>> Methods)? _cache;

    public long Version => _index.Current.Version;

    public void SetRoots(IReadOnlyList<string> roots)
    {
        AnalysisIndex index;
        lock (_gate)
        {
            AnalysisIndex old = _index;
            _index = index = new AnalysisIndex(roots);
            old.Dispose();
            foreach ((string path, string text) in _editor)
                index.Update(path, text);
        }
        _ = index.LoadAsync();
    }

    public void Update(string path, string text)
    {
        lock (_gate)
        {
            _editor[path] = text;
            _index.Update(path, text);
        }
    }

    public void Close(string path)
    {
        lock (_gate)
        {
            _editor.Remove(path);
            _index.Close(path);
        }
    }

    public void FileChanged(string path, bool deleted)
    {
        lock (_gate)
        {
            if (deleted)
                _index.Remove(path);
            else
                _index.Refresh(path);
        }
    }

    public Task IdleAsync(CancellationToken ct) => _index.WhenIdleAsync(ct);

    public IReadOnlyList<SourceEndpoint> EndpointsIn(string path)
    {
        var cache = Cache();
        if (!cache.Endpoints.TryGetValue(path, out IReadOnlyList<SourceEndpoint>? list))
        {
            list = [.. cache.Snapshot.EndpointsIn(path).Select(Convert)];
            lock (cache.Endpoints)
                cache.Endpoints[path] = list;
        }
        return list;
    }

    public IReadOnlyList<SourceMethodInfo> MethodsIn(string path)
    {
        var cache = Cache();
        if (!cache.Methods.TryGetValue(path, out IReadOnlyList<SourceMethodInfo>? list))
        {
            list = [.. cache.Snapshot.MethodsIn(path).Where(m => m.Kind != SourceMethodKind.TopLevelStatements).Select(Convert)];
            lock (cache.Methods)
                cache.Methods[path] = list;
        }
        return list;
    }

    public SourceEndpoint? Match(string httpMethod, string path) =>
        _index.Current.Routes.Match(httpMethod, path).Route is { } route ? Convert(route.Declarations[0]) : null;

    public IReadOnlyList<SourceMethodInfo> MethodsForFrame(string frame) =>
        [.. _index.Current.FindMethodsByFrame(frame).Where(m => m.Kind != SourceMethodKind.TopLevelStatements).Select(Convert)];

    public IReadOnlyList<SourceSqlSite> SqlSitesFor(string normalizedQuery)
    {
        SqlMatch match = _index.Current.Sql.Match(normalizedQuery);
        return match.Kind == SqlMatchKind.None
            ? []
            : [.. match.Sites.Select(s => new SourceSqlSite(s.File, LensRange(s.Range), match.Kind == SqlMatchKind.Exact))];
    }

    /// <summary>The literal's range when on one line, else its start: a lens belongs to one line.</summary>
    private static LspRange LensRange(SourceRange r) =>
        r.End.Line == r.Start.Line ? Convert(r) : LspRange.Of(r.Start.Line, r.Start.Character, r.Start.Line, r.Start.Character);

    public string? ResolvePath(string recordedPath) => _index.Current.ResolvePath(recordedPath);

    public void Dispose() => _index.Dispose();

    private (WorkspaceSnapshot Snapshot, Dictionary<string, IReadOnlyList<SourceEndpoint>> Endpoints, Dictionary<string, IReadOnlyList<SourceMethodInfo>> Methods) Cache()
    {
        WorkspaceSnapshot current = _index.Current;
        var cache = _cache;
        if (cache is { } c && ReferenceEquals(c.Snapshot, current))
            return c;
        var fresh = (current, new Dictionary<string, IReadOnlyList<SourceEndpoint>>(StringComparer.Ordinal), new Dictionary<string, IReadOnlyList<SourceMethodInfo>>(StringComparer.Ordinal));
        _cache = fresh;
        return fresh;
    }

    private static SourceEndpoint Convert(EndpointDeclaration d) =>
        new SourceEndpoint(d.HttpMethods.IsDefaultOrEmpty ? [] : [.. d.HttpMethods], RouteTemplate.Parse(d.RouteTemplate), Convert(d.Range), d.Range.End.Line, d.HandlerName)
        {
            File = d.File,
        };

    private static SourceMethodInfo Convert(SourceMethod m) =>
        new SourceMethodInfo(m.QualifiedName, Convert(m.NameRange), m.StartLine, m.EndLine) { File = m.File };

    private static LspRange Convert(SourceRange r) => LspRange.Of(r.Start.Line, r.Start.Character, r.End.Line, r.End.Character);
}
