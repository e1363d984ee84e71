using Devtools.Lsp.Analysis;

namespace Devtools.Lsp.Tests.Routing;

/// <summary>Route matching on the cases where ASP.NET Core's precedence and constraints decide.</summary>
public class RouteMatcherTests
{
    private static RouteMatcher Matcher(params string[] routes) => RouteMatcher.FromDeclarations(routes.Select((r, i) => Declaration(r, i)));

    /// <summary>"GET /a/{b}" or "* /a" (any method) → a declaration on its own line of a fake file.</summary>
    private static EndpointDeclaration Declaration(string route, int line)
    {
        int space = route.IndexOf(' ', StringComparison.Ordinal);
        string methods = route[..space];
        ImmutableArray<string> httpMethods = methods == "*" ? [] : [.. methods.Split(',')];
        return new EndpointDeclaration(httpMethods, route[(space + 1)..], "/ws/Program.cs", new SourceRange(line, 0, line, 10), null, EndpointSite.MapCall);
    }

    private static string? Winner(RouteMatcher matcher, string method, string path) => matcher.Match(method, path).Route?.RouteKey;

    [Fact]
    public void A_literal_beats_a_constrained_parameter_which_beats_a_parameter_which_beats_a_catch_all()
    {
        RouteMatcher matcher = Matcher("GET /orders/{*rest}", "GET /orders/{id}", "GET /orders/{id:int}", "GET /orders/recent");

        Assert.Equal("GET /orders/recent", Winner(matcher, "GET", "/orders/recent"));
        Assert.Equal("GET /orders/{id:int}", Winner(matcher, "GET", "/orders/42"));
        Assert.Equal("GET /orders/{id}", Winner(matcher, "GET", "/orders/abc"));
        Assert.Equal("GET /orders/{*rest}", Winner(matcher, "GET", "/orders/abc/lines/1"));
        // A catch-all also matches nothing after its prefix.
        Assert.Equal("GET /orders/{*rest}", Winner(matcher, "GET", "/orders"));
    }

    [Fact]
    public void Precedence_is_decided_segment_by_segment_from_the_left()
    {
        RouteMatcher matcher = Matcher("GET /{tenant}/orders", "GET /shop/{section}");

        // "/shop/{section}" has the literal first: it wins though the other has a literal too.
        Assert.Equal("GET /shop/{section}", Winner(matcher, "GET", "/shop/orders"));
        Assert.Equal("GET /{tenant}/orders", Winner(matcher, "GET", "/acme/orders"));
    }

    [Fact]
    public void Optional_and_default_parameters_may_be_absent_but_a_shorter_literal_route_wins()
    {
        RouteMatcher matcher = Matcher("GET /items/{page=1}", "GET /reports/{year:int}/{month:int?}", "GET /items");

        Assert.Equal("GET /items", Winner(matcher, "GET", "/items"));
        Assert.Equal("GET /items/{page=1}", Winner(matcher, "GET", "/items/3"));
        Assert.Equal("GET /reports/{year:int}/{month:int?}", Winner(matcher, "GET", "/reports/2024"));
        Assert.Equal("GET /reports/{year:int}/{month:int?}", Winner(matcher, "GET", "/reports/2024/02"));
        Assert.Null(Winner(matcher, "GET", "/reports"));
        Assert.Null(Winner(matcher, "GET", "/reports/2024/feb"));
        Assert.Null(Winner(matcher, "GET", "/reports/2024/2/extra"));
    }

    [Theory]
    [InlineData("{id:int}", "42", true)]
    [InlineData("{id:int}", "-7", true)]
    [InlineData("{id:int}", "99999999999", false)]
    [InlineData("{id:long}", "99999999999", true)]
    [InlineData("{id:guid}", "936DA01F-9ABD-4d9d-80C7-02AF85C822A8", true)]
    [InlineData("{id:guid}", "936DA01F", false)]
    [InlineData("{on:bool}", "TRUE", true)]
    [InlineData("{on:bool}", "yes", false)]
    [InlineData("{name:alpha}", "Shoes", true)]
    [InlineData("{name:alpha}", "shoes42", false)]
    [InlineData("{n:min(10)}", "10", true)]
    [InlineData("{n:min(10)}", "9", false)]
    [InlineData("{n:max(10)}", "11", false)]
    [InlineData("{n:range(1,5)}", "5", true)]
    [InlineData("{n:range(1,5)}", "6", false)]
    [InlineData("{n:int:range(1,5)}", "x", false)]
    [InlineData("{code:length(3)}", "abc", true)]
    [InlineData("{code:length(3)}", "abcd", false)]
    [InlineData("{code:length(2,4)}", "abcd", true)]
    [InlineData("{code:minlength(2)}", "a", false)]
    [InlineData("{code:maxlength(2)}", "abc", false)]
    [InlineData(@"{ssn:regex(^\d{{3}}-\d{{2}}-\d{{4}}$)}", "123-45-6789", true)]
    [InlineData(@"{ssn:regex(^\d{{3}}-\d{{2}}-\d{{4}}$)}", "123-456-789", false)]
    [InlineData("{sku:regex(^[a-z]+(-[a-z]+)*$)}", "red-shoe", true)]
    [InlineData("{sku:regex(^[a-z]+(-[a-z]+)*$)}", "red_shoe", false)]
    [InlineData("{id:custom}", "anything", true)]
    [InlineData("{price:decimal}", "9.99", true)]
    [InlineData("{when:datetime}", "2024-02-29", true)]
    [InlineData("{when:datetime}", "2024-02-30", false)]
    public void Constraints_are_checked_like_ASP_NET_Core(string parameter, string value, bool matches)
    {
        RouteMatcher matcher = Matcher("GET /x/" + parameter);

        Assert.Equal(matches, matcher.Match("GET", "/x/" + value).Route is not null);
    }

    [Fact]
    public void Explicit_methods_beat_any_method_and_a_wrong_method_is_a_405()
    {
        RouteMatcher matcher = Matcher("* /health", "GET /health", "POST /orders");

        Assert.Equal("GET /health", Winner(matcher, "GET", "/health"));
        Assert.Equal("* /health", Winner(matcher, "DELETE", "/health"));
        RouteMatch wrongMethod = matcher.Match("GET", "/orders");
        Assert.True(wrongMethod.MethodNotAllowed);
        Assert.Null(wrongMethod.Route);
    }

    [Fact]
    public void Equally_specific_routes_are_reported_as_ambiguous_with_every_candidate()
    {
        RouteMatcher matcher = Matcher("GET /a/{x}", "GET /a/{y}");

        RouteMatch match = matcher.Match("GET", "/a/1");
        Assert.True(match.IsAmbiguous);
        Assert.Equal(["GET /a/{x}", "GET /a/{y}"], match.Routes.Select(r => r.RouteKey));
    }

    [Fact]
    public void Paths_are_read_like_Kestrel_hands_them_to_routing()
    {
        RouteMatcher matcher = Matcher("GET /files/{name}", "GET /api/Orders", "GET /");

        // Query strings, fragments, trailing and doubled slashes, case, percent-encoding, absolute-form targets.
        Assert.Equal("GET /api/Orders", Winner(matcher, "GET", "/API/orders/?page=2#top"));
        Assert.Equal("GET /api/Orders", Winner(matcher, "GET", "http://shop.local:8080/api//orders"));
        Assert.Equal("GET /files/{name}", Winner(matcher, "GET", "/files/my%20report.pdf"));
        Assert.Equal("GET /", Winner(matcher, "GET", "/"));
        Assert.Equal("GET /", Winner(matcher, "GET", "/?q=1"));
    }

    [Fact]
    public void Complex_segments_split_on_their_literals_with_earlier_parameters_taking_the_most()
    {
        RouteMatcher matcher = Matcher("GET /assets/{name}.{ext:alpha}", "GET /assets/{file}");

        Assert.Equal("GET /assets/{name}.{ext:alpha}", Winner(matcher, "GET", "/assets/site.min.css"));
        // "gz2" fails :alpha, so the complex segment fails and the plain parameter takes it.
        Assert.Equal("GET /assets/{file}", Winner(matcher, "GET", "/assets/site.gz2"));
        Assert.Equal("GET /assets/{file}", Winner(matcher, "GET", "/assets/readme"));
    }

    [Fact]
    public void Group_parameters_and_catch_all_constraints_take_part()
    {
        RouteMatcher matcher = Matcher("GET /tenants/{tenant:alpha}/docs/{**path:nonfile}", "GET /tenants/{tenant:alpha}/docs/{**file}");

        Assert.Equal("GET /tenants/{tenant:alpha}/docs/{**path:nonfile}", Winner(matcher, "GET", "/tenants/acme/docs/guides/setup"));
        Assert.Equal("GET /tenants/{tenant:alpha}/docs/{**file}", Winner(matcher, "GET", "/tenants/acme/docs/guides/setup.pdf"));
        Assert.Null(Winner(matcher, "GET", "/tenants/acme1/docs/x"));
    }

    [Fact]
    public void Every_declaration_of_a_route_is_kept_on_the_matched_route()
    {
        RouteMatcher matcher = RouteMatcher.FromDeclarations([Declaration("GET /a", 1), Declaration("GET /a", 7)]);

        EndpointRoute route = Assert.Single(matcher.Routes);
        Assert.Equal([1, 7], route.Declarations.Select(d => d.Range.Start.Line));
        Assert.Same(route, matcher.Match("GET", "/a").Route);
    }
}
