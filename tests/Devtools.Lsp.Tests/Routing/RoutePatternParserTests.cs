using Devtools.Lsp.Analysis.Routing;

namespace Devtools.Lsp.Tests.Routing;

public class RoutePatternParserTests
{
    [Fact]
    public void Parameters_carry_constraints_with_arguments_defaults_optional_and_catch_all()
    {
        RoutePattern pattern = RoutePatternParser.Parse("/api/{id:int:range(1,10)}/{page=2}/{slug?}/{**rest}");

        Assert.Equal(5, pattern.Segments.Length);
        Assert.Equal("api", Assert.IsType<RouteLiteral>(Assert.Single(pattern.Segments[0].Parts)).Text);
        var id = Assert.IsType<RouteParameter>(Assert.Single(pattern.Segments[1].Parts));
        Assert.Equal(("id", 2), (id.Name, id.Constraints.Length));
        Assert.Equal(new RouteConstraint("range", "1,10"), id.Constraints[1]);
        var page = Assert.IsType<RouteParameter>(Assert.Single(pattern.Segments[2].Parts));
        Assert.Equal(("page", "2", false), (page.Name, page.Default, page.IsOptional));
        var slug = Assert.IsType<RouteParameter>(Assert.Single(pattern.Segments[3].Parts));
        Assert.True(slug.IsOptional);
        Assert.True(pattern.EndsWithCatchAll);
    }

    [Fact]
    public void Regex_constraints_keep_their_slashes_colons_and_escaped_braces()
    {
        RoutePattern pattern = RoutePatternParser.Parse(@"/x/{v:regex(^a/b:c\d{{2}}$)}/y");

        Assert.Equal(3, pattern.Segments.Length);
        var v = Assert.IsType<RouteParameter>(Assert.Single(pattern.Segments[1].Parts));
        Assert.Equal(new RouteConstraint("regex", @"^a/b:c\d{2}$"), Assert.Single(v.Constraints));
    }

    [Fact]
    public void Complex_segments_and_escaped_braces_in_literals()
    {
        RoutePattern pattern = RoutePatternParser.Parse("/files/{name}.{ext}/{{literal}}");

        Assert.Equal(3, pattern.Segments[1].Parts.Length);
        Assert.Equal("{literal}", Assert.IsType<RouteLiteral>(Assert.Single(pattern.Segments[2].Parts)).Text);
    }

    [Theory]
    [InlineData("/orders/recent", "/orders/{id:int}")]
    [InlineData("/orders/{id:int}", "/orders/{id}")]
    [InlineData("/orders/{id}", "/orders/{*rest}")]
    [InlineData("/orders/{*rest:nonfile}", "/orders/{*rest}")]
    [InlineData("/a/{b}", "/{a}/b")]
    [InlineData("/files/{name}.{ext}", "/files/{file}")]
    public void Inbound_precedence_orders_the_more_specific_first(string more, string less) =>
        Assert.True(RoutePatternParser.Parse(more).Precedence < RoutePatternParser.Parse(less).Precedence);

    [Fact]
    public void Half_written_templates_do_not_throw()
    {
        foreach (string template in new[] { "/a/{", "/a/{id:", "/a/{id:regex(}", "/{}", "~/", "" })
            Assert.NotNull(RoutePatternParser.Parse(template));
    }
}
