using System.Collections.Immutable;

namespace Devtools.Lsp.Analysis.Endpoints;

/// <summary>
/// The route prefix a route builder expression stands for, as far as one file tells:
/// <see cref="Path"/> is the prefix accumulated from <c>MapGroup</c> calls in this file; when the
/// builder came in as a parameter of a method (<c>static void MapOrders(this RouteGroupBuilder group)</c>),
/// <see cref="RootMethod"/> names that method so the prefixes of its call sites, possibly in other
/// files, can be put in front later.
/// </summary>
internal sealed record RoutePrefix(string Path, MethodRef? RootMethod)
{
    public static readonly RoutePrefix Root = new("", null);

    public RoutePrefix Append(string group) => this with { Path = RouteTemplateText.Join(Path, group) };
}

/// <summary>A method by its simple name and the simple name of its type (arity and namespace unknown from syntax).</summary>
internal readonly record struct MethodRef(string TypeName, string MethodName);

/// <summary>A method group passed as a handler: <c>GetOrder</c> or <c>OrderHandlers.GetOrder</c>.</summary>
internal sealed record HandlerReference(string MethodName, string? QualifierTypeName, string? ContainingType);

/// <summary>One <c>MapGet</c>-style call, its template still relative to <see cref="Prefix"/>.</summary>
internal sealed record MapCallFact(
    ImmutableArray<string> HttpMethods,
    string Template,
    RoutePrefix Prefix,
    SourceRange Range,
    HandlerReference? Handler);

/// <summary>
/// A call that passes a route builder to another method, which may map endpoints on it:
/// <c>api.MapOrders()</c> (an extension method) or <c>OrderEndpoints.Map(api)</c>.
/// </summary>
internal sealed record RouteBuilderCallFact(string MethodName, string? QualifierTypeName, RoutePrefix Prefix);
