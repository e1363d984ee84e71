using System.Collections.Immutable;
using Devtools.Lsp.Analysis.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Devtools.Lsp.Analysis.Endpoints;

/// <summary>
/// Finds minimal API endpoints (<c>MapGet</c>, <c>MapPost</c>, <c>MapPut</c>, <c>MapDelete</c>,
/// <c>MapPatch</c>, <c>MapMethods</c>, <c>Map</c>, <c>MapHealthChecks</c>) and the calls that hand a
/// route builder to another method, which may map more endpoints on it.
/// </summary>
internal static class MinimalApiExtractor
{
    private static readonly ImmutableArray<string> s_any = [];

    private static readonly Dictionary<string, ImmutableArray<string>> s_verbMethods = new(StringComparer.Ordinal)
    {
        ["MapGet"] = ["GET"],
        ["MapPost"] = ["POST"],
        ["MapPut"] = ["PUT"],
        ["MapDelete"] = ["DELETE"],
        ["MapPatch"] = ["PATCH"],
    };

    // Calls on a route builder that configure it rather than hand it on.
    private static readonly HashSet<string> s_conventions = new(StringComparer.Ordinal)
    {
        "MapGroup", "WithTags", "WithName", "WithOpenApi", "WithSummary", "WithDescription", "WithMetadata", "WithDisplayName",
        "WithGroupName", "RequireAuthorization", "AllowAnonymous", "RequireCors", "RequireHost", "RequireRateLimiting",
        "DisableRateLimiting", "AddEndpointFilter", "AddEndpointFilterFactory", "Produces", "ProducesProblem",
        "ProducesValidationProblem", "Accepts", "ExcludeFromDescription", "CacheOutput", "DisableAntiforgery", "ShortCircuit",
        "Run", "RunAsync", "Use", "UseRouting", "UseEndpoints", "UseAuthentication", "UseAuthorization", "MapControllers",
        "MapRazorPages", "MapHub", "MapGrpcService", "MapFallback", "MapFallbackToFile", "Build", "Start", "StartAsync",
        "StopAsync", "WaitForShutdown", "WaitForShutdownAsync", "UseExceptionHandler", "UseHttpsRedirection", "UseStaticFiles",
    };

    public static (ImmutableArray<MapCallFact> Maps, ImmutableArray<RouteBuilderCallFact> Calls) Extract(CompilationUnitSyntax root, SourceText text)
    {
        var maps = ImmutableArray.CreateBuilder<MapCallFact>();
        var calls = ImmutableArray.CreateBuilder<RouteBuilderCallFact>();
        foreach (SyntaxNode node in root.DescendantNodes())
        {
            if (node is not InvocationExpressionSyntax invocation)
                continue;
            switch (invocation.Expression)
            {
                case MemberAccessExpressionSyntax access:
                    string name = access.Name.Identifier.ValueText;
                    if (TryMap(invocation, access, name, text) is { } map)
                        maps.Add(map);
                    else if (!s_conventions.Contains(name) && !s_verbMethods.ContainsKey(name))
                        AddBuilderCall(invocation, access, name, calls);
                    break;
                case IdentifierNameSyntax { Identifier.ValueText: var local } when !s_conventions.Contains(local):
                    // MapOrders(app): a method of this type handed the builder.
                    AddStaticBuilderCall(invocation, local, null, calls);
                    break;
            }
        }
        return (maps.ToImmutable(), calls.ToImmutable());
    }

    private static MapCallFact? TryMap(InvocationExpressionSyntax invocation, MemberAccessExpressionSyntax access, string name, SourceText text)
    {
        ArgumentListSyntax arguments = invocation.ArgumentList;
        ImmutableArray<string> methods;
        ArgumentSyntax? handler;
        if (s_verbMethods.TryGetValue(name, out ImmutableArray<string> verbs))
        {
            methods = verbs;
            handler = arguments.Arguments.Count >= 2 ? MapArguments.Last(arguments, "handler") : null;
        }
        else if (name == "Map")
        {
            methods = s_any;
            handler = arguments.Arguments.Count >= 2 ? MapArguments.Last(arguments, "handler") : null;
        }
        else if (name == "MapMethods")
        {
            methods = HttpMethodsOf(MapArguments.Find(arguments, "httpMethods", 1)?.Expression);
            handler = arguments.Arguments.Count >= 3 ? MapArguments.Last(arguments, "handler") : null;
            if (methods.IsEmpty)
                return null;
        }
        else if (name == "MapHealthChecks")
        {
            methods = s_any;
            handler = null;
        }
        else
        {
            return null;
        }
        if (handler is null && name != "MapHealthChecks")
            return null;

        string? template = StringConstants.TryGetValue(MapArguments.Find(arguments, "pattern", 0)?.Expression);
        if (template is null)
            return null;
        RoutePrefix prefix = RoutePrefixResolver.Resolve(access.Expression) ?? RoutePrefix.Root;
        var range = text.ToRange(access.Name.SpanStart, invocation.Span.End);
        return new MapCallFact(methods, template, prefix, range, handler is null ? null : HandlerOf(handler.Expression, invocation));
    }

    /// <summary>Reads <c>new[] { "GET", "HEAD" }</c>, <c>["GET"]</c>, <c>new List&lt;string&gt; { HttpMethods.Get }</c>.</summary>
    private static ImmutableArray<string> HttpMethodsOf(ExpressionSyntax? expression)
    {
        IEnumerable<ExpressionSyntax> elements = expression switch
        {
            ImplicitArrayCreationExpressionSyntax implicitArray => implicitArray.Initializer.Expressions,
            ArrayCreationExpressionSyntax { Initializer: { } init } => init.Expressions,
            ObjectCreationExpressionSyntax { Initializer: { } init } => init.Expressions,
            CollectionExpressionSyntax collection => collection.Elements.OfType<ExpressionElementSyntax>().Select(e => e.Expression),
            _ => [],
        };
        var methods = ImmutableArray.CreateBuilder<string>();
        foreach (ExpressionSyntax element in elements)
        {
            string? method = element is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "HttpMethods" or "HttpMethod" } } constant
                ? constant.Name.Identifier.ValueText
                : StringConstants.TryGetValue(element);
            if (method is not null && !methods.Contains(method.ToUpperInvariant()))
                methods.Add(method.ToUpperInvariant());
        }
        return methods.ToImmutable();
    }

    private static HandlerReference? HandlerOf(ExpressionSyntax expression, SyntaxNode site)
    {
        while (expression is CastExpressionSyntax or ParenthesizedExpressionSyntax)
        {
            expression = expression is CastExpressionSyntax cast ? cast.Expression : ((ParenthesizedExpressionSyntax)expression).Expression;
        }
        string? containingType = site.FirstAncestorOrSelf<TypeDeclarationSyntax>()?.Identifier.ValueText;
        return expression switch
        {
            IdentifierNameSyntax identifier => new HandlerReference(identifier.Identifier.ValueText, null, containingType),
            MemberAccessExpressionSyntax { Name: SimpleNameSyntax name } access =>
                new HandlerReference(name.Identifier.ValueText, LastName(access.Expression), containingType),
            _ => null,
        };
    }

    private static void AddBuilderCall(InvocationExpressionSyntax invocation, MemberAccessExpressionSyntax access, string name,
        ImmutableArray<RouteBuilderCallFact>.Builder calls)
    {
        // api.MapOrders(): an extension method called on a builder (the syntactic test first: resolving costs more).
        if (IsBuilderVariable(access.Expression) && RoutePrefixResolver.Resolve(access.Expression) is { } receiver)
        {
            calls.Add(new RouteBuilderCallFact(name, null, receiver));
            return;
        }
        // OrderEndpoints.Map(api): a static method handed the builder.
        AddStaticBuilderCall(invocation, name, LastName(access.Expression), calls);
    }

    private static void AddStaticBuilderCall(InvocationExpressionSyntax invocation, string name, string? qualifier,
        ImmutableArray<RouteBuilderCallFact>.Builder calls)
    {
        foreach (ArgumentSyntax argument in invocation.ArgumentList.Arguments)
        {
            if (IsBuilderVariable(argument.Expression) && RoutePrefixResolver.Resolve(argument.Expression) is { } prefix)
            {
                calls.Add(new RouteBuilderCallFact(name, qualifier, prefix));
                return;
            }
        }
    }

    // Only names and group calls stand for builders: a call like list.Select(...) on anything else is not one.
    private static bool IsBuilderVariable(ExpressionSyntax expression) =>
        expression is IdentifierNameSyntax
        || (expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax inner } && s_conventions.Contains(inner.Name.Identifier.ValueText));

    private static string? LastName(ExpressionSyntax expression) => expression switch
    {
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        _ => null,
    };
}
