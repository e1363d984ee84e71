using Devtools.Lsp.Analysis;
using Devtools.Lsp.Tests.Infrastructure;

namespace Devtools.Lsp.Tests.Endpoints;

/// <summary>Endpoints of TestData/Shop: minimal APIs across files and groups, controllers with inherited routes and areas.</summary>
public class ShopEndpointTests
{
    private static readonly string s_root = TestPaths.TestData("Shop");

    [Fact]
    public async Task Every_route_of_the_shop_is_found_with_its_prefixes_and_tokens()
    {
        WorkspaceSnapshot snapshot = await TestWorkspace.LoadAsync(s_root);

        string[] routes = [.. snapshot.Routes.Routes.Select(r => r.MethodsText + " " + r.RouteTemplate).Order(StringComparer.Ordinal)];

        Assert.Equal(
        [
            "DELETE /carts/{id:guid}",
            "GET /",
            "GET /Admin/Reports/Index",
            "GET /Admin/Reports/Monthly/{year:int:range(2000,2100)}/{month:int?}",
            "GET /api/Customers",
            "GET /api/Customers/Search/{page=1}",
            "GET /api/Customers/{id:long}",
            "GET /api/orders",
            "GET /api/orders/{id:int}",
            "GET /api/v1/products/featured",
            "GET /api/v1/products/{id:int}",
            "GET /api/v1/products/{slug}",
            "GET /customers-by-email/{email}",
            "GET /files/{**path}",
            "GET, HEAD /health",
            "PATCH /api/orders/{orderId:int}/lines/{line:int:min(1)}",
            "POST /api/Customers",
            "POST /checkout",
            "PUT /api/Customers/{id:long}",
            "PUT /api/orders/{id:int}",
        ], routes);
    }

    [Fact]
    public async Task Map_calls_in_nested_groups_have_exact_ranges()
    {
        WorkspaceSnapshot snapshot = await TestWorkspace.LoadAsync(s_root);
        string program = Path.Combine(s_root, "Program.cs");

        EndpointDeclaration byId = Single(snapshot.EndpointsIn(program), "/api/v1/products/{id:int}");
        Assert.Equal(new SourceRange(10, 3, 10, 59), byId.Range);
        Assert.Equal(EndpointSite.MapCall, byId.Site);
        Assert.Null(byId.HandlerName);

        // A fluent call spanning lines: the range covers the Map call only, not .WithName(...).
        EndpointDeclaration featured = Single(snapshot.EndpointsIn(program), "/api/v1/products/featured");
        Assert.Equal(new SourceRange(12, 3, 12, 51), featured.Range);

        EndpointDeclaration health = Single(snapshot.EndpointsIn(program), "/health");
        Assert.Equal(new SourceRange(6, 4, 6, 70), health.Range);
        Assert.Equal(["GET", "HEAD"], health.HttpMethods.ToArray());
    }

    [Fact]
    public async Task An_extension_method_mapping_on_a_group_gets_the_callers_prefix_across_files()
    {
        WorkspaceSnapshot snapshot = await TestWorkspace.LoadAsync(s_root);
        string file = Path.Combine(s_root, "Api", "OrderEndpoints.cs");

        EndpointDeclaration[] lines = [.. snapshot.EndpointsIn(file).Where(e => e.HttpMethods.Contains("PATCH"))];
        Assert.Equal("/api/orders/{orderId:int}/lines/{line:int:min(1)}", Assert.Single(lines).RouteTemplate);
        Assert.Equal(new SourceRange(10, 14, 10, 85), lines[0].Range);

        // A method-group handler gets a second lens on its own declaration.
        EndpointDeclaration[] list = [.. snapshot.EndpointsIn(file).Where(e => e.RouteTemplate == "/api/orders")];
        Assert.Equal([EndpointSite.MapCall, EndpointSite.HandlerMethod], list.Select(e => e.Site));
        Assert.Equal(new SourceRange(6, 14, 6, 37), list[0].Range);
        Assert.Equal(new SourceRange(14, 27, 14, 37), list[1].Range);
        Assert.All(list, e => Assert.Equal("ListOrders", e.HandlerName));
    }

    [Fact]
    public async Task A_qualified_method_group_handler_is_found_in_its_type_and_a_static_local_function_in_the_program()
    {
        WorkspaceSnapshot snapshot = await TestWorkspace.LoadAsync(s_root);

        EndpointDeclaration run = Assert.Single(snapshot.EndpointsIn(Path.Combine(s_root, "Api", "Checkout.cs")));
        Assert.Equal(("POST /checkout", new SourceRange(4, 26, 4, 29), "Checkout.Run"), (run.MethodsText + " " + run.RouteTemplate, run.Range, run.HandlerName));

        EndpointDeclaration[] delete = [.. snapshot.EndpointsIn(Path.Combine(s_root, "Program.cs")).Where(e => e.RouteTemplate == "/carts/{id:guid}")];
        Assert.Equal([new SourceRange(20, 4, 20, 45), new SourceRange(24, 15, 24, 25)], delete.Select(e => e.Range));
    }

    [Fact]
    public async Task Controller_actions_combine_inherited_class_routes_verbs_and_overrides()
    {
        WorkspaceSnapshot snapshot = await TestWorkspace.LoadAsync(s_root);
        ImmutableArray<EndpointDeclaration> actions = snapshot.EndpointsIn(Path.Combine(s_root, "Controllers", "CustomersController.cs"));

        Assert.Equal(
        [
            ("GET /api/Customers", new SourceRange(7, 25, 7, 29)),
            ("GET /api/Customers/{id:long}", new SourceRange(10, 25, 10, 28)),
            // [HttpPut("{id:long}")] is a selector of its own; the template-less [HttpPost] takes the controller's route.
            ("PUT /api/Customers/{id:long}", new SourceRange(14, 25, 14, 29)),
            ("POST /api/Customers", new SourceRange(14, 25, 14, 29)),
            // "~/" ignores the controller's route; "Async" is trimmed from the action name.
            ("GET /customers-by-email/{email}", new SourceRange(17, 37, 17, 53)),
            // [Route] on the action takes the verbs of [HttpGet]; [action] is the method name.
            ("GET /api/Customers/Search/{page=1}", new SourceRange(25, 25, 25, 31)),
        ], actions.Select(a => (a.MethodsText + " " + a.RouteTemplate, a.Range)));
        Assert.All(actions, a => Assert.Equal(EndpointSite.ControllerAction, a.Site));
    }

    [Fact]
    public async Task An_area_fills_both_the_area_token_and_the_area_parameter()
    {
        WorkspaceSnapshot snapshot = await TestWorkspace.LoadAsync(s_root);
        ImmutableArray<EndpointDeclaration> actions = snapshot.EndpointsIn(Path.Combine(s_root, "Areas", "Admin", "ReportsController.cs"));

        Assert.Equal(
        [
            ("GET /Admin/Reports/Monthly/{year:int:range(2000,2100)}/{month:int?}", new SourceRange(9, 25, 9, 32), "ReportsController.Monthly"),
            ("GET /Admin/Reports/Index", new SourceRange(12, 25, 12, 30), "ReportsController.Index"),
        ], actions.Select(a => (a.MethodsText + " " + a.RouteTemplate, a.Range, a.HandlerName)));
    }

    [Theory]
    [InlineData("GET", "/api/v1/products/42", "GET /api/v1/products/{id:int}")]
    [InlineData("GET", "/api/v1/products/featured", "GET /api/v1/products/featured")]
    [InlineData("GET", "/api/v1/products/red-shoes", "GET /api/v1/products/{slug}")]
    [InlineData("GET", "/api/orders/", "GET /api/orders")]
    [InlineData("PATCH", "/api/orders/7/lines/2", "PATCH /api/orders/{orderId:int}/lines/{line:int:min(1)}")]
    [InlineData("GET", "/Admin/Reports/Monthly/2024", "GET /Admin/Reports/Monthly/{year:int:range(2000,2100)}/{month:int?}")]
    [InlineData("GET", "/admin/reports/monthly/2024/3", "GET /Admin/Reports/Monthly/{year:int:range(2000,2100)}/{month:int?}")]
    [InlineData("GET", "/api/Customers/Search", "GET /api/Customers/Search/{page=1}")]
    [InlineData("GET", "/files/a/b/c.txt", "GET /files/{**path}")]
    [InlineData("DELETE", "/carts/6f9619ff-8b86-d011-b42d-00cf4fc964ff", "DELETE /carts/{id:guid}")]
    public async Task Observed_requests_match_the_shops_routes(string method, string path, string expected)
    {
        WorkspaceSnapshot snapshot = await TestWorkspace.LoadAsync(s_root);

        EndpointRoute? route = snapshot.Routes.Match(method, path).Route;
        Assert.Equal(expected, route is null ? null : route.MethodsText + " " + route.RouteTemplate);
    }

    [Theory]
    [InlineData("PATCH", "/api/orders/7/lines/0")]
    [InlineData("GET", "/Admin/Reports/Monthly/1999")]
    [InlineData("DELETE", "/carts/not-a-guid")]
    public async Task Requests_failing_a_constraint_match_nothing(string method, string path)
    {
        WorkspaceSnapshot snapshot = await TestWorkspace.LoadAsync(s_root);

        Assert.Empty(snapshot.Routes.Match(method, path).Routes);
    }

    private static EndpointDeclaration Single(ImmutableArray<EndpointDeclaration> endpoints, string route) =>
        Assert.Single(endpoints, e => e.RouteTemplate == route);
}
