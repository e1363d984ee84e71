using System.Collections.Immutable;

namespace Devtools.Lsp.Analysis;

/// <summary>Where an endpoint's lens sits.</summary>
public enum EndpointSite
{
    /// <summary>On a minimal API <c>MapGet(…)</c>-style call.</summary>
    MapCall,

    /// <summary>On the declaration of a method passed to a Map call as a method group.</summary>
    HandlerMethod,

    /// <summary>On a controller action's declaration.</summary>
    ControllerAction,
}

/// <summary>
/// An ASP.NET Core endpoint declared in source, at one lens site. A minimal API whose handler is a
/// method group has two declarations (the Map call and the method) sharing methods and template.
/// </summary>
/// <param name="HttpMethods">Upper-case methods it accepts; empty means any.</param>
/// <param name="RouteTemplate">The full template: group and class prefixes applied, tokens replaced, a leading '/', no trailing '/'.</param>
/// <param name="File">Full path of the file the lens is in.</param>
/// <param name="Range">Where the lens goes (0-based lines and UTF-16 characters).</param>
/// <param name="HandlerName">The handler (<c>GetOrder</c>, <c>OrdersController.Get</c>); null for lambdas.</param>
/// <param name="Site">What the range points at.</param>
public sealed record EndpointDeclaration(
    ImmutableArray<string> HttpMethods,
    string RouteTemplate,
    string File,
    SourceRange Range,
    string? HandlerName,
    EndpointSite Site)
{
    /// <summary>The methods as a lens shows them: <c>GET</c>, <c>GET, HEAD</c>, or <c>ANY</c>.</summary>
    public string MethodsText => HttpMethods.IsDefaultOrEmpty ? "ANY" : string.Join(", ", HttpMethods);

    /// <summary>Identifies the route (methods and template), shared by every declaration of it.</summary>
    public string RouteKey => (HttpMethods.IsDefaultOrEmpty ? "*" : string.Join(",", HttpMethods)) + " " + RouteTemplate;

    // ImmutableArray compares by reference; the route key compares the methods by value.
    public bool Equals(EndpointDeclaration? other) =>
        other is not null && RouteKey == other.RouteKey && File == other.File && Range == other.Range
        && HandlerName == other.HandlerName && Site == other.Site;

    public override int GetHashCode() => HashCode.Combine(RouteKey, File, Range, Site);

    public override string ToString() => $"{MethodsText} {RouteTemplate} @ {Path.GetFileName(File)}:{Range.Start}";
}
