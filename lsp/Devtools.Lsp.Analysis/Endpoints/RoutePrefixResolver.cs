using Devtools.Lsp.Analysis.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Devtools.Lsp.Analysis.Endpoints;

/// <summary>
/// Follows a route builder expression back through locals and fluent calls to the
/// <c>MapGroup</c> prefixes it carries: <c>orders</c> in
/// <c>var api = app.MapGroup("/api"); var orders = api.MapGroup("/orders");</c> is <c>/api/orders</c>.
/// </summary>
internal static class RoutePrefixResolver
{
    private const int MaxDepth = 16;

    private static readonly HashSet<string> s_builderTypes = new(StringComparer.Ordinal)
    {
        "IEndpointRouteBuilder", "RouteGroupBuilder", "WebApplication", "IApplicationBuilder",
    };

    /// <summary>The prefix <paramref name="expression"/> carries, or null when it is not recognisably a route builder.</summary>
    public static RoutePrefix? Resolve(ExpressionSyntax expression) => Resolve(expression, 0);

    private static RoutePrefix? Resolve(ExpressionSyntax expression, int depth)
    {
        if (depth > MaxDepth)
            return null;
        switch (expression)
        {
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation:
                string name = access.Name.Identifier.ValueText;
                if (name == "MapGroup")
                {
                    RoutePrefix outer = Resolve(access.Expression, depth + 1) ?? RoutePrefix.Root;
                    ArgumentSyntax? pattern = MapArguments.Find(invocation.ArgumentList, "prefix", 0);
                    return outer.Append(StringConstants.TryGetValue(pattern?.Expression) ?? "");
                }
                // builder.Build() and WebApplication.Create() make the application: the root of all routes.
                if (name == "Build" || (name == "Create" && access.Expression is IdentifierNameSyntax { Identifier.ValueText: "WebApplication" }))
                    return RoutePrefix.Root;
                // Conventions (WithTags, RequireAuthorization, AddEndpointFilter …) return the builder they were called on.
                return Resolve(access.Expression, depth + 1);
            case ParenthesizedExpressionSyntax parenthesized:
                return Resolve(parenthesized.Expression, depth + 1);
            case CastExpressionSyntax cast:
                return Resolve(cast.Expression, depth + 1);
            case IdentifierNameSyntax identifier:
                if (StringConstants.FindInitializer(identifier) is { } initializer)
                    return Resolve(initializer, depth + 1);
                return FromParameter(identifier);
            default:
                return null;
        }
    }

    /// <summary>A route builder parameter: of a method, the root of that method's routes; of a lambda, the application's.</summary>
    private static RoutePrefix? FromParameter(IdentifierNameSyntax identifier)
    {
        string name = identifier.Identifier.ValueText;
        for (SyntaxNode? node = identifier.Parent; node is not null; node = node.Parent)
        {
            ParameterListSyntax? parameters = node switch
            {
                BaseMethodDeclarationSyntax method => method.ParameterList,
                LocalFunctionStatementSyntax local => local.ParameterList,
                ParenthesizedLambdaExpressionSyntax lambda => lambda.ParameterList,
                _ => null,
            };
            ParameterSyntax? parameter = parameters?.Parameters.FirstOrDefault(p => p.Identifier.ValueText == name);
            if (parameter is null)
                continue;
            if (parameter.Type is null || !s_builderTypes.Contains(SimpleTypeName(parameter.Type)))
                return null;
            if (node is MethodDeclarationSyntax declaringMethod && declaringMethod.FirstAncestorOrSelf<TypeDeclarationSyntax>() is { } type)
                return new RoutePrefix("", new MethodRef(type.Identifier.ValueText, declaringMethod.Identifier.ValueText));
            return RoutePrefix.Root;
        }
        return null;
    }

    private static string SimpleTypeName(TypeSyntax type) => type switch
    {
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        NullableTypeSyntax nullable => SimpleTypeName(nullable.ElementType),
        _ => type.ToString(),
    };
}
