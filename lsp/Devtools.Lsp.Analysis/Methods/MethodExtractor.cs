using System.Collections.Immutable;
using Devtools.Lsp.Analysis.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Devtools.Lsp.Analysis.Methods;

/// <summary>Finds every piece of code in a file that runs as a method, with its metadata names and lines.</summary>
internal static class MethodExtractor
{
    public static ImmutableArray<SourceMethod> Extract(string file, CompilationUnitSyntax root, SourceText text)
    {
        var methods = ImmutableArray.CreateBuilder<SourceMethod>();
        AddTopLevelStatements(file, root, text, methods);
        foreach (SyntaxNode node in root.DescendantNodes(DescendInto))
        {
            switch (node)
            {
                case MethodDeclarationSyntax method when HasBody(method.Body, method.ExpressionBody):
                    Add(file, text, methods, node, method.AttributeLists, method.Identifier,
                        method.Identifier.ValueText,
                        MemberMetadataNames.WithExplicitInterface(method.ExplicitInterfaceSpecifier, method.Identifier.ValueText),
                        SourceMethodKind.Method, method.ParameterList.Parameters.Count);
                    break;
                case ConstructorDeclarationSyntax ctor:
                    bool isStatic = ctor.Modifiers.Any(SyntaxKind.StaticKeyword);
                    Add(file, text, methods, node, ctor.AttributeLists, ctor.Identifier, ctor.Identifier.ValueText,
                        isStatic ? MemberMetadataNames.StaticConstructor : MemberMetadataNames.Constructor,
                        isStatic ? SourceMethodKind.StaticConstructor : SourceMethodKind.Constructor, ctor.ParameterList.Parameters.Count);
                    break;
                case DestructorDeclarationSyntax dtor:
                    Add(file, text, methods, node, dtor.AttributeLists, dtor.Identifier, "~" + dtor.Identifier.ValueText,
                        MemberMetadataNames.Finalizer, SourceMethodKind.Finalizer, 0);
                    break;
                case OperatorDeclarationSyntax op when HasBody(op.Body, op.ExpressionBody):
                    Add(file, text, methods, node, op.AttributeLists, op.OperatorToken, "operator " + op.OperatorToken.ValueText,
                        MemberMetadataNames.Operator(op), SourceMethodKind.Operator, op.ParameterList.Parameters.Count);
                    break;
                case ConversionOperatorDeclarationSyntax conversion when HasBody(conversion.Body, conversion.ExpressionBody):
                    Add(file, text, methods, node, conversion.AttributeLists, conversion.ImplicitOrExplicitKeyword,
                        conversion.ImplicitOrExplicitKeyword.ValueText + " operator " + conversion.Type,
                        MemberMetadataNames.Conversion(conversion), SourceMethodKind.Conversion, 1);
                    break;
                case AccessorDeclarationSyntax accessor when HasBody(accessor.Body, accessor.ExpressionBody):
                    AddAccessor(file, text, methods, accessor);
                    break;
                case PropertyDeclarationSyntax { ExpressionBody: not null } property:
                    Add(file, text, methods, node, property.AttributeLists, property.Identifier, property.Identifier.ValueText,
                        "get_" + MemberMetadataNames.WithExplicitInterface(property.ExplicitInterfaceSpecifier, property.Identifier.ValueText),
                        SourceMethodKind.PropertyAccessor, 0);
                    break;
                case IndexerDeclarationSyntax { ExpressionBody: not null } indexer:
                    Add(file, text, methods, node, indexer.AttributeLists, indexer.ThisKeyword, "this[]", "get_Item",
                        SourceMethodKind.IndexerAccessor, indexer.ParameterList.Parameters.Count);
                    break;
                case LocalFunctionStatementSyntax local when HasBody(local.Body, local.ExpressionBody):
                    Add(file, text, methods, node, local.AttributeLists, local.Identifier, local.Identifier.ValueText, local.Identifier.ValueText,
                        SourceMethodKind.LocalFunction, local.ParameterList.Parameters.Count, EnclosingMemberMetadataName(local));
                    break;
                case TypeDeclarationSyntax { ParameterList: { } primary } type:
                    // A primary constructor's code (parameter capture, base call) runs in .ctor.
                    Add(file, text, methods, type, default, type.Identifier, type.Identifier.ValueText, MemberMetadataNames.Constructor,
                        SourceMethodKind.Constructor, primary.Parameters.Count, span: TextSpan.FromBounds(type.Identifier.SpanStart, primary.Span.End));
                    break;
                case VariableDeclaratorSyntax { Parent.Parent: FieldDeclarationSyntax field, Initializer.Value: { } value } declarator
                    when ContainsLambda(value):
                    AddFieldLambda(file, text, methods, declarator, declarator.Identifier, field.Modifiers, value);
                    break;
                case PropertyDeclarationSyntax { Initializer.Value: { } value } property when ContainsLambda(value):
                    AddFieldLambda(file, text, methods, property, property.Identifier, property.Modifiers, value);
                    break;
            }
        }
        return methods.ToImmutable();
    }

    // Expressions hold local functions only inside lambdas; everything else worth finding is a declaration or statement.
    private static bool DescendInto(SyntaxNode node) => node is not (AttributeListSyntax or UsingDirectiveSyntax);

    private static bool HasBody(BlockSyntax? body, ArrowExpressionClauseSyntax? expressionBody) => body is not null || expressionBody is not null;

    private static bool ContainsLambda(ExpressionSyntax value) =>
        value is AnonymousFunctionExpressionSyntax || value.DescendantNodes().Any(n => n is AnonymousFunctionExpressionSyntax);

    private static void AddTopLevelStatements(string file, CompilationUnitSyntax root, SourceText text, ImmutableArray<SourceMethod>.Builder methods)
    {
        GlobalStatementSyntax? first = null;
        GlobalStatementSyntax? last = null;
        foreach (MemberDeclarationSyntax member in root.Members)
        {
            if (member is GlobalStatementSyntax global)
            {
                first ??= global;
                last = global;
            }
        }
        if (first is null || last is null)
            return;
        SyntaxToken firstToken = first.GetFirstToken();
        methods.Add(new SourceMethod(file, TypeNames.TopLevelProgram, MemberMetadataNames.TopLevelMain, MemberMetadataNames.TopLevelMain,
            SourceMethodKind.TopLevelStatements, 1, text.ToRange(firstToken), text.ToRange(first.SpanStart, last.Span.End)));
    }

    private static void AddAccessor(string file, SourceText text, ImmutableArray<SourceMethod>.Builder methods, AccessorDeclarationSyntax accessor)
    {
        if (accessor.Parent?.Parent is not BasePropertyDeclarationSyntax owner)
            return;
        (string name, SourceMethodKind kind, int parameters) = owner switch
        {
            PropertyDeclarationSyntax p => (MemberMetadataNames.WithExplicitInterface(p.ExplicitInterfaceSpecifier, p.Identifier.ValueText), SourceMethodKind.PropertyAccessor, 0),
            EventDeclarationSyntax e => (MemberMetadataNames.WithExplicitInterface(e.ExplicitInterfaceSpecifier, e.Identifier.ValueText), SourceMethodKind.EventAccessor, 1),
            IndexerDeclarationSyntax i => ("Item", SourceMethodKind.IndexerAccessor, i.ParameterList.Parameters.Count),
            _ => ("", SourceMethodKind.PropertyAccessor, 0),
        };
        if (name.Length == 0)
            return;
        bool setter = accessor.Keyword.IsKind(SyntaxKind.SetKeyword) || accessor.Keyword.IsKind(SyntaxKind.InitKeyword);
        Add(file, text, methods, accessor, accessor.AttributeLists, accessor.Keyword, name, MemberMetadataNames.Accessor(accessor, name),
            kind, setter ? parameters + 1 : parameters);
    }

    private static void AddFieldLambda(string file, SourceText text, ImmutableArray<SourceMethod>.Builder methods, SyntaxNode declaration,
        SyntaxToken identifier, SyntaxTokenList modifiers, ExpressionSyntax value)
    {
        bool isStatic = modifiers.Any(SyntaxKind.StaticKeyword) || modifiers.Any(SyntaxKind.ConstKeyword);
        Add(file, text, methods, declaration, default, identifier, identifier.ValueText,
            isStatic ? MemberMetadataNames.StaticConstructor : MemberMetadataNames.Constructor,
            SourceMethodKind.FieldLambda, 0, span: TextSpan.FromBounds(identifier.SpanStart, value.Span.End));
    }

    private static void Add(string file, SourceText text, ImmutableArray<SourceMethod>.Builder methods, SyntaxNode node,
        SyntaxList<AttributeListSyntax> attributes, SyntaxToken nameToken, string name, string metadataName, SourceMethodKind kind,
        int parameterCount, string? containingMethod = null, TextSpan? span = null)
    {
        string? type = TypeNames.ContainingMetadataName(node);
        if (type is null)
            return;
        TextSpan declaration = span ?? SyntaxRanges.SpanWithoutAttributes(node, attributes);
        methods.Add(new SourceMethod(file, type, name, metadataName, kind, parameterCount, text.ToRange(nameToken), text.ToRange(declaration),
            containingMethod));
    }

    /// <summary>The metadata name of the member a local function lives in (a local function in a local function belongs to the outer member).</summary>
    private static string? EnclosingMemberMetadataName(SyntaxNode local)
    {
        for (SyntaxNode? node = local.Parent; node is not null; node = node.Parent)
        {
            switch (node)
            {
                case MethodDeclarationSyntax m:
                    return MemberMetadataNames.WithExplicitInterface(m.ExplicitInterfaceSpecifier, m.Identifier.ValueText);
                case ConstructorDeclarationSyntax c:
                    return c.Modifiers.Any(SyntaxKind.StaticKeyword) ? MemberMetadataNames.StaticConstructor : MemberMetadataNames.Constructor;
                case AccessorDeclarationSyntax a when a.Parent?.Parent is PropertyDeclarationSyntax p:
                    return MemberMetadataNames.Accessor(a, p.Identifier.ValueText);
                case AccessorDeclarationSyntax a when a.Parent?.Parent is IndexerDeclarationSyntax:
                    return MemberMetadataNames.Accessor(a, "Item");
                case AccessorDeclarationSyntax a when a.Parent?.Parent is EventDeclarationSyntax e:
                    return MemberMetadataNames.Accessor(a, e.Identifier.ValueText);
                case OperatorDeclarationSyntax o:
                    return MemberMetadataNames.Operator(o);
                case ConversionOperatorDeclarationSyntax conversion:
                    return MemberMetadataNames.Conversion(conversion);
                case GlobalStatementSyntax:
                    return MemberMetadataNames.TopLevelMain;
            }
        }
        return null;
    }
}
