using System.Collections.Immutable;
using Devtools.Lsp.Analysis.Routing;

namespace Devtools.Lsp.Analysis;

/// <summary>
/// A route the application serves (HTTP methods and full template) with every place in source
/// that declares it: the Map call and a method-group handler, or a controller action.
/// </summary>
public sealed class EndpointRoute
{
    internal EndpointRoute(ImmutableArray<string> httpMethods, string routeTemplate, ImmutableArray<EndpointDeclaration> declarations)
    {
        HttpMethods = httpMethods;
        RouteTemplate = routeTemplate;
        Declarations = declarations;
        Pattern = RoutePatternParser.Parse(routeTemplate);
    }

    /// <summary>Upper-case methods it accepts; empty means any.</summary>
    public ImmutableArray<string> HttpMethods { get; }

    /// <summary>The full template, as in <see cref="EndpointDeclaration.RouteTemplate"/>.</summary>
    public string RouteTemplate { get; }

    /// <summary>Where it is declared (at least one).</summary>
    public ImmutableArray<EndpointDeclaration> Declarations { get; }

    /// <summary>The methods as a lens shows them: <c>GET</c>, <c>GET, HEAD</c>, or <c>ANY</c>.</summary>
    public string MethodsText => Declarations[0].MethodsText;

    /// <summary>Identifies the route: <c>GET /orders/{id:int}</c>, <c>* /health</c>.</summary>
    public string RouteKey => Declarations[0].RouteKey;

    internal RoutePattern Pattern { get; }

    public bool Accepts(string httpMethod) =>
        HttpMethods.IsDefaultOrEmpty || HttpMethods.Contains(httpMethod, StringComparer.OrdinalIgnoreCase);

    public override string ToString() => RouteKey;
}

/// <summary>What an observed request matched.</summary>
/// <param name="Routes">
/// The route ASP.NET Core would pick; several when it would report an ambiguous match
/// (then each is a candidate); empty when nothing matched.
/// </param>
/// <param name="MethodNotAllowed">The path matched some routes, but none accepts the method (a 405).</param>
public sealed record RouteMatch(ImmutableArray<EndpointRoute> Routes, bool MethodNotAllowed)
{
    public static readonly RouteMatch None = new([], false);

    /// <summary>The single matched route, or null when none or ambiguous.</summary>
    public EndpointRoute? Route => Routes.Length == 1 ? Routes[0] : null;

    public bool IsAmbiguous => Routes.Length > 1;
}
