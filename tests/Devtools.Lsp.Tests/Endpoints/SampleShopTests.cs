using System.Text.RegularExpressions;
using Devtools.Lsp.Analysis;
using Devtools.Lsp.Tests.Infrastructure;

namespace Devtools.Lsp.Tests.Endpoints;

/// <summary>The repository's samples/SampleShop, the app the editor tests attach to, analysed from its real source.</summary>
public partial class SampleShopTests
{
    private static readonly string s_root = Path.Combine(TestPaths.Repository, "samples", "SampleShop");
    private static readonly string s_program = Path.Combine(s_root, "Program.cs");

    [Fact]
    public async Task Every_endpoint_of_SampleShop_is_found_on_its_Map_call()
    {
        WorkspaceSnapshot snapshot = await TestWorkspace.LoadAsync(s_root);
        string text = await File.ReadAllTextAsync(s_program);

        // The sample grows (other branches add endpoints), so the expected list is read from its
        // text with a plain pattern, independent of Roslyn: each lens starts at the Map call's name.
        var expected = MapCall().Matches(text).Select(m =>
        {
            string methods = m.Groups["verb"].Value == "Methods" ? "GET, HEAD" : m.Groups["verb"].Value.ToUpperInvariant();
            int offset = m.Groups["call"].Index;
            return (methods + " " + m.Groups["route"].Value, TestWorkspace.PositionAt(text, offset));
        }).ToList();
        Assert.Equal(expected, snapshot.Endpoints.Where(e => e.File == s_program).Select(e => (e.MethodsText + " " + e.RouteTemplate, (e.Range.Start.Line, e.Range.Start.Character))));

        // Its controller action, on the action's declaration.
        string controller = Path.Combine(s_root, "Controllers", "InventoryController.cs");
        EndpointDeclaration action = Assert.Single(snapshot.Endpoints, e => e.File != s_program);
        Assert.Equal((controller, "GET /api/inventory/{sku}"), (action.File, action.MethodsText + " " + action.RouteTemplate));

        // And the endpoints the capture tests rely on are all there.
        string[] known = ["GET, HEAD /health", "GET /orders/{id:int}", "GET /orders", "POST /orders", "DELETE /orders/{id:int}",
            "GET /slow", "GET /error", "GET /big", "GET /static/logo"];
        Assert.Subset(snapshot.Endpoints.Select(e => e.MethodsText + " " + e.RouteTemplate).ToHashSet(), known.ToHashSet());
    }

    [Fact]
    public async Task Lambda_handlers_belong_to_the_top_level_statements()
    {
        WorkspaceSnapshot snapshot = await TestWorkspace.LoadAsync(s_root);
        EndpointDeclaration big = Assert.Single(snapshot.Endpoints, e => e.RouteKey == "GET /big");

        // A sampled line inside the handler's lambda, and the lambda's frame name.
        Assert.Equal(SourceMethodKind.TopLevelStatements, snapshot.FindMethodAt(s_program, big.Range.Start.Line + 3)?.Kind);
        SourceMethod main = Assert.Single(snapshot.FindMethodsByFrame("Program+<>c.<<Main>$>b__0_7"));
        Assert.Equal("Program.<Main>$", main.QualifiedName);
    }

    [Fact]
    public async Task A_multi_line_handler_range_ends_at_the_calls_closing_parenthesis()
    {
        WorkspaceSnapshot snapshot = await TestWorkspace.LoadAsync(s_root);
        string[] lines = await File.ReadAllLinesAsync(s_program);

        EndpointDeclaration post = Assert.Single(snapshot.Endpoints, e => e.RouteKey == "POST /orders");
        // "});" closes the lambda and the call: the range ends before the ';'.
        Assert.Equal("});", lines[post.Range.End.Line].Trim());
        Assert.Equal(lines[post.Range.End.Line].IndexOf(';', StringComparison.Ordinal), post.Range.End.Character);
    }

    [Theory]
    [InlineData("GET", "/health", "GET, HEAD /health")]
    [InlineData("HEAD", "/health", "GET, HEAD /health")]
    [InlineData("GET", "/orders/17", "GET /orders/{id:int}")]
    [InlineData("GET", "/orders?count=3", "GET /orders")]
    [InlineData("POST", "/orders", "POST /orders")]
    [InlineData("DELETE", "/orders/5", "DELETE /orders/{id:int}")]
    [InlineData("GET", "/slow?ms=20", "GET /slow")]
    [InlineData("GET", "/static/logo", "GET /static/logo")]
    public async Task Requests_the_tests_send_to_SampleShop_match_its_handlers(string method, string path, string expected)
    {
        WorkspaceSnapshot snapshot = await TestWorkspace.LoadAsync(s_root);

        EndpointRoute? route = snapshot.Routes.Match(method, path).Route;
        Assert.NotNull(route);
        Assert.Equal(expected, route.MethodsText + " " + route.RouteTemplate);
    }

    [Fact]
    public async Task Unknown_paths_and_methods_do_not_match()
    {
        WorkspaceSnapshot snapshot = await TestWorkspace.LoadAsync(s_root);

        Assert.Equal(RouteMatch.None, snapshot.Routes.Match("GET", "/orders/abc"));
        RouteMatch put = snapshot.Routes.Match("PUT", "/orders/5");
        Assert.True(put.MethodNotAllowed);
        Assert.Empty(put.Routes);
    }

    [GeneratedRegex(@"app\.(?<call>Map(?<verb>Get|Post|Put|Delete|Patch|Methods))\(""(?<route>[^""]+)""")]
    private static partial Regex MapCall();
}
