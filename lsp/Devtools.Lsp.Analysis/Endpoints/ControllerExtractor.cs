using System.Collections.Immutable;
using Devtools.Lsp.Analysis.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Devtools.Lsp.Analysis.Endpoints;

/// <summary>Reads the classes that may be MVC controllers and their routing attributes.</summary>
internal static class ControllerExtractor
{
    private static readonly Dictionary<string, string> s_verbAttributes = new(StringComparer.Ordinal)
    {
        ["HttpGet"] = "GET",
        ["HttpPost"] = "POST",
        ["HttpPut"] = "PUT",
        ["HttpDelete"] = "DELETE",
        ["HttpPatch"] = "PATCH",
        ["HttpHead"] = "HEAD",
        ["HttpOptions"] = "OPTIONS",
    };

    public static ImmutableArray<ControllerFact> Extract(CompilationUnitSyntax root, SourceText text)
    {
        var controllers = ImmutableArray.CreateBuilder<ControllerFact>();
        foreach (SyntaxNode node in root.DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or ClassDeclarationSyntax))
        {
            if (node is ClassDeclarationSyntax type && Extract(type, text) is { } controller)
                controllers.Add(controller);
        }
        return controllers.ToImmutable();
    }

    private static ControllerFact? Extract(ClassDeclarationSyntax type, SourceText text)
    {
        string className = type.Identifier.ValueText;
        string? baseName = type.BaseList?.Types.Count > 0 ? SimpleName(type.BaseList.Types[0].Type) : null;
        bool byAttribute = false;
        bool nonController = false;
        string? area = null;
        var routes = ImmutableArray.CreateBuilder<string>();
        foreach (AttributeSyntax attribute in type.AttributeLists.SelectMany(l => l.Attributes))
        {
            switch (AttributeName(attribute))
            {
                case "ApiController" or "Controller":
                    byAttribute = true;
                    break;
                case "NonController":
                    nonController = true;
                    break;
                case "Area":
                    area = StringConstants.TryGetValue(PositionalArgument(attribute, 0));
                    break;
                case "Route":
                    if (StringConstants.TryGetValue(PositionalArgument(attribute, 0)) is { } template)
                        routes.Add(template);
                    break;
            }
        }

        var actions = ImmutableArray.CreateBuilder<ActionFact>();
        foreach (MemberDeclarationSyntax member in type.Members)
        {
            if (member is MethodDeclarationSyntax method && Action(method, text) is { } action)
                actions.Add(action);
        }

        bool mayBeController = byAttribute || routes.Count > 0 || area is not null
            || className.EndsWith("Controller", StringComparison.Ordinal)
            || (baseName is not null && baseName.Contains("Controller", StringComparison.Ordinal))
            || actions.Any(a => a.Routes.Length > 0);
        if (!mayBeController)
            return null;
        return new ControllerFact(className, baseName, type.Modifiers.Any(SyntaxKind.AbstractKeyword), byAttribute, nonController,
            routes.ToImmutable(), area, actions.ToImmutable());
    }

    private static ActionFact? Action(MethodDeclarationSyntax method, SourceText text)
    {
        if (!method.Modifiers.Any(SyntaxKind.PublicKeyword) || method.Modifiers.Any(SyntaxKind.StaticKeyword)
            || method.Modifiers.Any(SyntaxKind.AbstractKeyword) || method.ExplicitInterfaceSpecifier is not null)
        {
            return null;
        }
        string methodName = method.Identifier.ValueText;
        // MVC trims "Async" from action names by default (SuppressAsyncSuffixInActionNames).
        string actionName = methodName.EndsWith("Async", StringComparison.Ordinal) && methodName.Length > 5 ? methodName[..^5] : methodName;
        var routes = ImmutableArray.CreateBuilder<RouteAttributeFact>();
        foreach (AttributeSyntax attribute in method.AttributeLists.SelectMany(l => l.Attributes))
        {
            string name = AttributeName(attribute);
            if (name == "NonAction")
                return null;
            if (name == "ActionName" && StringConstants.TryGetValue(PositionalArgument(attribute, 0)) is { } renamed)
                actionName = renamed;
            else if (name == "Route")
                routes.Add(new RouteAttributeFact(StringConstants.TryGetValue(PositionalArgument(attribute, 0)) ?? "", [], IsRoute: true));
            else if (s_verbAttributes.TryGetValue(name, out string? verb))
                routes.Add(new RouteAttributeFact(TemplateOf(attribute), [verb]));
            else if (name == "AcceptVerbs")
                routes.Add(AcceptVerbs(attribute));
        }
        return new ActionFact(methodName, actionName, routes.ToImmutable(), text.ToRange(method.Identifier));
    }

    private static RouteAttributeFact AcceptVerbs(AttributeSyntax attribute)
    {
        var methods = ImmutableArray.CreateBuilder<string>();
        string? template = null;
        foreach (AttributeArgumentSyntax argument in attribute.ArgumentList?.Arguments ?? default)
        {
            if (argument.NameEquals is { } named)
            {
                if (named.Name.Identifier.ValueText == "Route")
                    template = StringConstants.TryGetValue(argument.Expression);
                continue;
            }
            if (StringConstants.TryGetValue(argument.Expression) is { } method)
                methods.Add(method.ToUpperInvariant());
        }
        return new RouteAttributeFact(template, methods.ToImmutable());
    }

    /// <summary>The template of <c>[HttpGet("x")]</c> or <c>[HttpGet(template: "x")]</c>; null for <c>[HttpGet]</c>.</summary>
    private static string? TemplateOf(AttributeSyntax attribute)
    {
        foreach (AttributeArgumentSyntax argument in attribute.ArgumentList?.Arguments ?? default)
        {
            if (argument.NameEquals is null && (argument.NameColon is null || argument.NameColon.Name.Identifier.ValueText == "template"))
                return StringConstants.TryGetValue(argument.Expression);
        }
        return null;
    }

    private static ExpressionSyntax? PositionalArgument(AttributeSyntax attribute, int index)
    {
        int position = 0;
        foreach (AttributeArgumentSyntax argument in attribute.ArgumentList?.Arguments ?? default)
        {
            if (argument.NameEquals is not null)
                continue;
            if (position++ == index)
                return argument.Expression;
        }
        return null;
    }

    /// <summary><c>[Microsoft.AspNetCore.Mvc.HttpGetAttribute]</c> → <c>HttpGet</c>.</summary>
    private static string AttributeName(AttributeSyntax attribute)
    {
        string name = SimpleName(attribute.Name);
        return name.EndsWith("Attribute", StringComparison.Ordinal) ? name[..^"Attribute".Length] : name;
    }

    private static string SimpleName(TypeSyntax type) => type switch
    {
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => type.ToString(),
    };

    private static string SimpleName(NameSyntax name) => SimpleName((TypeSyntax)name);
}
