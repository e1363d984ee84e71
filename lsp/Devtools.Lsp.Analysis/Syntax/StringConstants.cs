using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Devtools.Lsp.Analysis.Syntax;

/// <summary>
/// Works out the value of a string expression from syntax alone: literals of every kind,
/// concatenations, <c>nameof</c>, and identifiers that name a <c>const</c> (or a local or
/// field initialised once with a literal) declared in the same file. Enough for route prefixes
/// and SQL kept in constants, without a compilation.
/// </summary>
internal static class StringConstants
{
    private const int MaxDepth = 8;

    /// <summary>The value of <paramref name="expression"/>, or null if it is not a constant string.</summary>
    public static string? TryGetValue(ExpressionSyntax? expression) => TryGetValue(expression, 0);

    /// <summary>Whether <paramref name="expression"/> is written as a string (literal, interpolation or concatenation of them).</summary>
    public static bool IsStringExpression(ExpressionSyntax expression) => expression switch
    {
        LiteralExpressionSyntax literal => IsStringLiteral(literal),
        InterpolatedStringExpressionSyntax => true,
        ParenthesizedExpressionSyntax p => IsStringExpression(p.Expression),
        BinaryExpressionSyntax b when b.IsKind(SyntaxKind.AddExpression) => IsStringExpression(b.Left) || IsStringExpression(b.Right),
        _ => false,
    };

    public static bool IsStringLiteral(LiteralExpressionSyntax literal) =>
        literal.IsKind(SyntaxKind.StringLiteralExpression) || literal.IsKind(SyntaxKind.Utf8StringLiteralExpression);

    /// <summary>
    /// The expression a local, field or constant named <paramref name="identifier"/> is
    /// initialised with, found by syntax: the nearest preceding local declaration in an
    /// enclosing block, else a field of the enclosing type. Null when there is none, or when the
    /// local is assigned again (its value is then not the initialiser's).
    /// </summary>
    public static ExpressionSyntax? FindInitializer(IdentifierNameSyntax identifier)
    {
        string name = identifier.Identifier.ValueText;
        int position = identifier.SpanStart;
        for (SyntaxNode? node = identifier.Parent; node is not null; node = node.Parent)
        {
            switch (node)
            {
                case BlockSyntax block:
                    if (FindLocal(block.Statements, name, position) is { } local)
                        return IsReassigned(block, name) ? null : local;
                    break;
                case SwitchSectionSyntax section:
                    if (FindLocal(section.Statements, name, position) is { } inSection)
                        return inSection;
                    break;
                case CompilationUnitSyntax unit:
                    foreach (MemberDeclarationSyntax member in unit.Members)
                    {
                        if (member is GlobalStatementSyntax { Statement: LocalDeclarationStatementSyntax declaration } && member.SpanStart < position
                            && FindDeclarator(declaration.Declaration, name) is { } global)
                        {
                            return IsReassigned(unit, name) ? null : global;
                        }
                    }
                    break;
                case TypeDeclarationSyntax type:
                    foreach (MemberDeclarationSyntax member in type.Members)
                    {
                        if (member is FieldDeclarationSyntax field && FindDeclarator(field.Declaration, name) is { } value)
                            return value;
                    }
                    // Fields of outer types are visible too; keep walking.
                    break;
            }
        }
        return null;
    }

    private static string? TryGetValue(ExpressionSyntax? expression, int depth)
    {
        if (expression is null || depth > MaxDepth)
            return null;
        switch (expression)
        {
            case LiteralExpressionSyntax literal when IsStringLiteral(literal):
                return literal.Token.ValueText;
            case ParenthesizedExpressionSyntax parenthesized:
                return TryGetValue(parenthesized.Expression, depth + 1);
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression):
                string? left = TryGetValue(binary.Left, depth + 1);
                string? right = left is null ? null : TryGetValue(binary.Right, depth + 1);
                return right is null ? null : left + right;
            case InterpolatedStringExpressionSyntax interpolated:
                return TryGetInterpolatedValue(interpolated, depth);
            case InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } } nameOf
                when nameOf.ArgumentList.Arguments.Count == 1:
                return LastIdentifier(nameOf.ArgumentList.Arguments[0].Expression);
            case IdentifierNameSyntax identifier:
                return TryGetValue(FindInitializer(identifier), depth + 1);
            case MemberAccessExpressionSyntax { Name: IdentifierNameSyntax member }:
                // Type.Constant: look for the constant by name in this file's types.
                return TryGetValue(FindInitializer(member), depth + 1);
            default:
                return null;
        }
    }

    private static string? TryGetInterpolatedValue(InterpolatedStringExpressionSyntax interpolated, int depth)
    {
        var value = new StringBuilder();
        foreach (InterpolatedStringContentSyntax content in interpolated.Contents)
        {
            if (content is InterpolatedStringTextSyntax text)
            {
                value.Append(text.TextToken.ValueText);
            }
            else if (content is InterpolationSyntax hole && hole.AlignmentClause is null && hole.FormatClause is null
                && TryGetValue(hole.Expression, depth + 1) is { } constant)
            {
                value.Append(constant);
            }
            else
            {
                return null;
            }
        }
        return value.ToString();
    }

    private static ExpressionSyntax? FindLocal(SyntaxList<StatementSyntax> statements, string name, int position)
    {
        ExpressionSyntax? found = null;
        foreach (StatementSyntax statement in statements)
        {
            if (statement.SpanStart >= position)
                break;
            if (statement is LocalDeclarationStatementSyntax declaration && FindDeclarator(declaration.Declaration, name) is { } value)
                found = value;
        }
        return found;
    }

    private static ExpressionSyntax? FindDeclarator(VariableDeclarationSyntax declaration, string name)
    {
        foreach (VariableDeclaratorSyntax declarator in declaration.Variables)
        {
            if (declarator.Identifier.ValueText == name)
                return declarator.Initializer?.Value;
        }
        return null;
    }

    // A block with many uses of its locals (a route group mapping twenty endpoints) would be
    // scanned once per use; the names assigned in it are collected once per tree node instead.
    private static readonly ConditionalWeakTable<SyntaxNode, HashSet<string>> s_assigned = new();

    private static bool IsReassigned(SyntaxNode scope, string name) =>
        s_assigned.GetValue(scope, static node =>
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (SyntaxNode descendant in node.DescendantNodes())
            {
                if (descendant is AssignmentExpressionSyntax { Left: IdentifierNameSyntax target })
                    names.Add(target.Identifier.ValueText);
            }
            return names;
        }).Contains(name);

    private static string? LastIdentifier(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        GenericNameSyntax generic => generic.Identifier.ValueText,
        _ => null,
    };
}
