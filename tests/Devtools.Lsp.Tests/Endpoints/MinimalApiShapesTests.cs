using Devtools.Lsp.Analysis;
using Devtools.Lsp.Tests.Infrastructure;

namespace Devtools.Lsp.Tests.Endpoints;

/// <summary>Ways of writing minimal APIs that real code uses, as editor buffers.</summary>
public class MinimalApiShapesTests
{
    [Fact]
    public async Task Constants_named_arguments_method_lists_and_group_fields_resolve()
    {
        const string program = """
            using Shop;

            var app = WebApplication.Create(args);
            const string Version = "v2";
            var root = app.MapGroup($"/api/{Version}");
            var admin = root.MapGroup(Routes.Admin).RequireAuthorization();

            admin.MapGet(pattern: "/users/{id:int}", handler: (int id) => id);
            root.MapMethods("/sync", new[] { HttpMethods.Put, HttpMethods.Patch }, () => 1);
            app.Map("/ping", () => "pong");
            app.MapGet("/" + Routes.Admin + "/stats", () => 0);
            Register(app);
            app.Run();

            static void Register(IEndpointRouteBuilder endpoints)
            {
                var reports = endpoints.MapGroup("/reports");
                reports.MapGet("{year:int}/{**path}", (int year, string path) => year);
            }
            """;
        const string routes = """
            namespace Shop;

            static class Routes
            {
                public const string Admin = "admin";
            }
            """;
        WorkspaceSnapshot snapshot = await TestWorkspace.FromSourcesAsync(("/ws/Program.cs", program), ("/ws/Routes.cs", routes));

        Assert.Equal(
        [
            ("GET", "/api/v2/admin/users/{id:int}", 7),
            ("PUT, PATCH", "/api/v2/sync", 8),
            ("ANY", "/ping", 9),
            ("GET", "/admin/stats", 10),
            ("GET", "/reports/{year:int}/{**path}", 17),
        ], snapshot.Endpoints.Select(e => (e.MethodsText, e.RouteTemplate, e.Range.Start.Line)));
    }

    [Fact]
    public async Task A_route_module_called_from_several_groups_gets_each_prefix()
    {
        const string program = """
            var app = WebApplication.Create(args);
            var v1 = app.MapGroup("/v1");
            var v2 = app.MapGroup("/v2");
            CatalogRoutes.Map(v1);
            v2.MapCatalog();
            app.Run();
            """;
        const string catalog = """
            static class CatalogRoutes
            {
                public static void Map(RouteGroupBuilder group) => group.MapGet("/items", () => 1);

                public static RouteGroupBuilder MapCatalog(this RouteGroupBuilder group)
                {
                    Map(group);
                    return group;
                }
            }
            """;
        WorkspaceSnapshot snapshot = await TestWorkspace.FromSourcesAsync(("/ws/Program.cs", program), ("/ws/Catalog.cs", catalog));

        Assert.Equal(["/v1/items", "/v2/items"], snapshot.Endpoints.Select(e => e.RouteTemplate).Order(StringComparer.Ordinal));
        Assert.All(snapshot.Endpoints, e => Assert.Equal(new SourceRange(2, 61, 2, 86), e.Range));
        Assert.Equal("/v2/items", snapshot.Routes.Match("GET", "/v2/items").Route?.RouteTemplate);
    }

    [Fact]
    public async Task Half_written_code_yields_what_it_can_and_nothing_wrong()
    {
        const string program = """
            var app = WebApplication.Create(args);
            app.MapGet("/done", () => 1);
            app.MapGet("/typing", () =>
            app.MapPost(
            """;
        WorkspaceSnapshot snapshot = await TestWorkspace.FromSourcesAsync(("/ws/Program.cs", program));

        Assert.Contains(snapshot.Endpoints, e => e.RouteKey == "GET /done");
        Assert.DoesNotContain(snapshot.Endpoints, e => e.HttpMethods.Contains("POST"));
    }

    [Fact]
    public async Task Controller_routes_use_constants_from_other_files_and_an_unknown_constant_drops_the_route()
    {
        const string controller = """
            using Microsoft.AspNetCore.Mvc;

            [ApiController]
            [Route(ApiRoutes.Prefix + "/[controller]")]
            public class InvoicesController : ControllerBase
            {
                [HttpGet(ApiRoutes.ById)]
                public IActionResult Get(int id) => Ok();

                [HttpGet(Missing.Route)]
                public IActionResult Lost() => Ok();
            }
            """;
        const string routes = """
            public static class ApiRoutes
            {
                public const string Prefix = "api/v3";
                public static readonly string ById = "{id:int}";
            }
            """;
        WorkspaceSnapshot snapshot = await TestWorkspace.FromSourcesAsync(("/ws/InvoicesController.cs", controller), ("/ws/ApiRoutes.cs", routes));

        Assert.Equal(["GET /api/v3/Invoices/{id:int}"], snapshot.Endpoints.Select(e => e.RouteKey));
        Assert.Equal(new SourceRange(7, 25, 7, 28), snapshot.Endpoints[0].Range);
    }
}
