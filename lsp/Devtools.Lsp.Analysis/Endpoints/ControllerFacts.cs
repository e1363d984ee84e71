using System.Collections.Immutable;

namespace Devtools.Lsp.Analysis.Endpoints;

/// <summary>
/// A route-bearing attribute: <c>[Route("x")]</c> (template, no methods, <see cref="IsRoute"/>),
/// <c>[HttpGet]</c> (methods, no template: a "silent" one), <c>[HttpGet("{id}")]</c>,
/// <c>[AcceptVerbs("GET", "POST", Route = "x")]</c>.
/// </summary>
internal sealed record RouteAttributeFact(string? Template, ImmutableArray<string> HttpMethods, bool IsRoute = false);

/// <summary>A public instance method of a possible controller, with its routing attributes.</summary>
internal sealed record ActionFact(string MethodName, string ActionName, ImmutableArray<RouteAttributeFact> Routes, SourceRange Range);

/// <summary>
/// A class that may be a controller, as its own file declares it. Whether it is one, and which
/// routes it inherits, depends on its base classes, which may live in other files: that is
/// settled when the workspace is put together.
/// </summary>
internal sealed record ControllerFact(
    string ClassName,
    string? BaseTypeName,
    bool IsAbstract,
    bool IsControllerByAttribute,
    bool IsNonController,
    ImmutableArray<string> RouteTemplates,
    string? Area,
    ImmutableArray<ActionFact> Actions)
{
    /// <summary>The name MVC gives it: the class name without "Controller".</summary>
    public string ControllerName => ClassName.EndsWith("Controller", StringComparison.Ordinal) && ClassName.Length > "Controller".Length
        ? ClassName[..^"Controller".Length]
        : ClassName;
}
