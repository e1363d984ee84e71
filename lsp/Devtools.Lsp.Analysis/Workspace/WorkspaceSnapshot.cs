using System.Collections.Immutable;
using Devtools.Lsp.Analysis.Endpoints;
using Devtools.Lsp.Analysis.Frames;
using Devtools.Lsp.Analysis.Workspace;

namespace Devtools.Lsp.Analysis;

/// <summary>
/// The analysed workspace at one moment: immutable, so any thread may read it while the index
/// works on the next one. Everything (endpoints across files, the route, SQL and frame indexes)
/// is computed before a snapshot is published, so no read computes anything expensive.
/// </summary>
public sealed class WorkspaceSnapshot
{
    private static readonly ImmutableArray<EndpointDeclaration> s_noEndpoints = [];

    private readonly ImmutableDictionary<string, DocumentAnalysis> _documents;
    private readonly Dictionary<string, ImmutableArray<EndpointDeclaration>> _endpointsByFile;
    private readonly MethodIndex _methods;
    private readonly SourcePathResolver _paths;

    internal WorkspaceSnapshot(ImmutableDictionary<string, DocumentAnalysis> documents, long version)
    {
        _documents = documents;
        Version = version;
        DocumentAnalysis[] ordered = [.. documents.Values.OrderBy(d => d.Path, StringComparer.Ordinal)];
        Endpoints = BuildEndpoints(ordered);
        _endpointsByFile = Endpoints.GroupBy(e => e.File, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToImmutableArray(), StringComparer.Ordinal);
        Routes = RouteMatcher.FromDeclarations(Endpoints);
        SqlLiterals = [.. ordered.SelectMany(d => d.SqlLiterals)];
        Sql = new SqlMatcher(SqlLiterals);
        _methods = new MethodIndex(ordered.SelectMany(d => d.Methods));
        _paths = new SourcePathResolver(documents.Keys);
    }

    internal static WorkspaceSnapshot Empty { get; } = new(ImmutableDictionary.Create<string, DocumentAnalysis>(StringComparer.Ordinal), 0);

    /// <summary>Grows by one with every published snapshot.</summary>
    public long Version { get; }

    /// <summary>Full paths of the analysed files.</summary>
    public IEnumerable<string> Files => _documents.Keys;

    public int FileCount => _documents.Count;

    /// <summary>Every endpoint declaration (one per lens site), ordered by file.</summary>
    public ImmutableArray<EndpointDeclaration> Endpoints { get; }

    /// <summary>The routes the declarations make, for matching observed requests.</summary>
    public RouteMatcher Routes { get; }

    /// <summary>Every SQL statement written in source.</summary>
    public ImmutableArray<SqlLiteral> SqlLiterals { get; }

    /// <summary>Matches captured <c>normalized_query</c> keys to <see cref="SqlLiterals"/>.</summary>
    public SqlMatcher Sql { get; }

    public bool Contains(string path) => _documents.ContainsKey(path);

    /// <summary>The endpoint lenses of one file.</summary>
    public ImmutableArray<EndpointDeclaration> EndpointsIn(string path) =>
        _endpointsByFile.TryGetValue(path, out ImmutableArray<EndpointDeclaration> endpoints) ? endpoints : s_noEndpoints;

    /// <summary>The SQL sites of one file.</summary>
    public ImmutableArray<SqlLiteral> SqlLiteralsIn(string path) =>
        _documents.TryGetValue(path, out DocumentAnalysis? document) ? document.SqlLiterals : [];

    /// <summary>The methods (and other code that runs as a method) of one file.</summary>
    public ImmutableArray<SourceMethod> MethodsIn(string path) =>
        _documents.TryGetValue(path, out DocumentAnalysis? document) ? document.Methods : [];

    /// <summary>
    /// The innermost method (declarations nest, so the one starting last) whose declaration covers the 0-based <paramref name="line"/> of
    /// <paramref name="path"/> (a local function inside a method wins over the method), or null.
    /// A profiler's <c>File.cs:42</c> is 1-based: pass 41.
    /// </summary>
    public SourceMethod? FindMethodAt(string path, int line)
    {
        SourceMethod? best = null;
        foreach (SourceMethod method in MethodsIn(path))
        {
            if (method.Range.ContainsLine(line) && (best is null || method.Range.Start > best.Range.Start))
                best = method;
        }
        return best;
    }

    /// <summary>
    /// The source methods a profiler frame name runs (<c>Shop.OrderService.GetAsync</c>,
    /// <c>Shop.OrderService+&lt;GetAsync&gt;d__3.MoveNext</c>, <c>Program.&lt;Main&gt;$</c> …):
    /// compiler-generated state machines, lambdas and local functions fold back to the method
    /// that declares them. Several when overloads cannot be told apart; empty when unknown.
    /// </summary>
    public ImmutableArray<SourceMethod> FindMethodsByFrame(string frameName) => _methods.Find(frameName);

    /// <summary>
    /// The workspace file a recorded path (<c>/src/app/Controllers/OrdersController.cs</c>,
    /// <c>C:\build\App\Program.cs</c>) stands for: the file sharing the longest path suffix with
    /// it; null when none shares its file name or when two share the longest suffix.
    /// </summary>
    public string? ResolvePath(string recordedPath) => _paths.Resolve(recordedPath);

    private static ImmutableArray<EndpointDeclaration> BuildEndpoints(DocumentAnalysis[] documents)
    {
        var calls = new List<RouteBuilderCallFact>();
        var controllers = new List<(string File, ControllerFact Fact)>();
        foreach (DocumentAnalysis document in documents)
        {
            calls.AddRange(document.BuilderCalls);
            foreach (ControllerFact controller in document.Controllers)
                controllers.Add((document.Path, controller));
        }

        var endpoints = ImmutableArray.CreateBuilder<EndpointDeclaration>();
        var minimal = new MinimalApiEndpointBuilder(calls, documents.SelectMany(d => d.Methods));
        foreach (DocumentAnalysis document in documents)
        {
            foreach (MapCallFact map in document.MapCalls)
                minimal.Build(document.Path, map, endpoints);
        }
        ControllerEndpointBuilder.Build(controllers, endpoints);
        return endpoints.ToImmutable();
    }
}
