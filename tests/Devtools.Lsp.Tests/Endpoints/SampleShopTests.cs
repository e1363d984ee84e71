using Devtools.Lsp.Analysis;
using Devtools.Lsp.Tests.Infrastructure;

namespace Devtools.Lsp.Tests.Endpoints;

/// <summary>The repository's samples/SampleShop, the app the editor tests attach to, analysed from its real source.</summary>
public class SampleShopTests
{
    private static readonly string s_root = Path.Combine(TestPaths.Repository, "samples", "SampleShop");
    private static readonly string s_program = Path.Combine(s_root, "Program.cs");

    [Fact]
    public async Task Every_endpoint_of_SampleShop_is_found_on_its_Map_call()
    {
        WorkspaceSnapshot snapshot = await TestWorkspace.LoadAsync(s_root);
        string text = await File.ReadAllTextAsync(s_program);

        // Each lens starts at the Map call's name; the expected positions are read from the source
        // so the test follows edits to the sample, and the list is exact.
        (string Route, string Marker)[] expected =
        [
            ("GET, HEAD /health", "MapMethods(\"/health\""),
            ("GET /orders/{id:int}", "MapGet(\"/orders/{id:int}\""),
            ("GET /orders", "MapGet(\"/orders\","),
            ("POST /orders", "MapPost(\"/orders\""),
            ("DELETE /orders/{id:int}", "MapDelete(\"/orders/{id:int}\""),
            ("GET /slow", "MapGet(\"/slow\""),
            ("GET /error", "MapGet(\"/error\""),
            ("GET /big", "MapGet(\"/big\""),
            ("GET /work", "MapGet(\"/work\""),
            ("GET /static/logo", "MapGet(\"/static/logo\""),
        ];
        Assert.Equal(
            expected.Select(e => (e.Route, TestWorkspace.PositionOf(text, e.Marker))),
            snapshot.Endpoints.Select(e => (e.MethodsText + " " + e.RouteTemplate, (e.Range.Start.Line, e.Range.Start.Character))));
        Assert.All(snapshot.Endpoints, e => Assert.Equal(s_program, e.File));
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
}
