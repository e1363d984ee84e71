using Devtools.Lsp.Workspace;

namespace Devtools.Lsp.Server.Tests;

/// <summary>Route matching, path mapping and the fallback analyzer on their hard cases.</summary>
public sealed class RouteAndPathTests
{
    [Theory]
    [InlineData("/orders/{id:int}", "/orders/42", true)]
    [InlineData("/orders/{id:int}", "/orders/abc", false)]
    [InlineData("/orders/{id:int}", "/orders/42?x=1", true)]
    [InlineData("/orders/{id:int}", "/orders", false)]
    [InlineData("/orders/{id:int}", "/orders/42/items", false)]
    [InlineData("/orders/{id?}", "/orders", true)]
    [InlineData("/orders/{id?}", "/orders/7", true)]
    [InlineData("/files/{*path}", "/files/a/b/c.txt", true)]
    [InlineData("/files/{**path}", "/files", true)]
    [InlineData("/items/{id:guid}", "/items/6f9619ff-8b86-d011-b42d-00cf4fc964ff", true)]
    [InlineData("/items/{id:guid}", "/items/12", false)]
    [InlineData("/page/{n:int:min(1)}", "/page/0", false)]
    [InlineData("/page/{n:range(1,10)}", "/page/10", true)]
    [InlineData("/Health", "/health", true)]
    [InlineData("/", "/", true)]
    [InlineData("/list/{page=1}", "/list", true)]
    [InlineData("/code/{c:length(3)}", "/code/abcd", false)]
    public void Templates_match_paths(string template, string path, bool matches) =>
        Assert.Equal(matches, RouteTemplate.Parse(template).Matches(path));

    [Theory]
    [InlineData("/orders/{id:int}", "/orders/{id}")]
    [InlineData("api/{**rest}", "/api/{*rest}")]
    [InlineData("/list/{page=1}", "/list/{page}")]
    [InlineData("/x/{id:int?}", "/x/{id?}")]
    public void Templates_display_without_constraints(string template, string display) =>
        Assert.Equal(display, RouteTemplate.Parse(template).Display);

    [Fact]
    public void A_literal_segment_is_more_specific_than_a_parameter() =>
        Assert.True(RouteTemplate.Parse("/orders/recent").Specificity > RouteTemplate.Parse("/orders/{id}").Specificity);

    [Fact]
    public void Build_paths_map_to_workspace_files_by_longest_suffix_and_ambiguity_maps_to_nothing()
    {
        var mapper = new PathMapper(["/home/me/shop/src/Api/Program.cs", "/home/me/shop/src/Worker/Program.cs", "/home/me/shop/src/Api/Orders.cs"],
            [("/build/agent/_work/1/s", "/home/me/shop")]);
        Assert.Equal("/home/me/shop/src/Api/Orders.cs", mapper.Map("/src/app/src/Api/Orders.cs"));
        Assert.Equal("/home/me/shop/src/Worker/Program.cs", mapper.Map("/app/src/Worker/Program.cs"));
        Assert.Equal("/home/me/shop/src/Api/Program.cs", mapper.Map(@"C:\agent\src\Api\Program.cs"));
        Assert.Null(mapper.Map("/elsewhere/Program.cs")); // two Program.cs, no longer suffix: ambiguous
        Assert.Null(mapper.Map("/app/Missing.cs"));
        Assert.Equal("/home/me/shop/src/Api/Program.cs", mapper.Map("/build/agent/_work/1/s/src/Api/Program.cs"));
    }

    [Fact]
    public void The_fallback_analyzer_finds_minimal_api_endpoints_groups_and_methods()
    {
        const string source = """
            var app = WebApplication.Create();
            var api = app.MapGroup("/api");
            var v1 = api.MapGroup("v1/");
            v1.MapGet("/orders/{id:int}", (int id) => id);
            app.MapMethods("/health", ["GET", "HEAD"], () => Results.Text("ok"));
            // app.MapGet("/commented", () => 1);
            app.MapPost("/orders", async (HttpContext ctx) =>
            {
                await Task.Yield();
            });

            namespace Shop
            {
                static class Work
                {
                    public static ulong Spin(int n)
                    {
                        return 0;
                    }
                }
            }
            """;
        SourceFileFacts facts = new SimpleSourceAnalyzer().Analyze("/x/Program.cs", source);
        Assert.Equal(["GET /api/v1/orders/{id:int}@3", "GET, HEAD /health@4", "POST /orders@6"], facts.Endpoints.Select(e => $"{e.MethodsText} {e.Template.Text}@{e.Range.Start.Line}"));
        Assert.Equal(9, facts.Endpoints[2].LastLine);
        SourceMethodInfo spin = Assert.Single(facts.Methods);
        Assert.Equal("Shop.Work.Spin", spin.QualifiedName);
        Assert.Equal((15, 18), (spin.StartLine, spin.EndLine));
    }
}
