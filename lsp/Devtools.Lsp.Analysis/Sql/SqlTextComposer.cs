using System.Text;
using System.Text.RegularExpressions;
using Devtools.Lsp.Analysis.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Devtools.Lsp.Analysis.Sql;

/// <summary>
/// Rebuilds the text a string expression produces at run time, as far as syntax can: literal
/// parts as the compiler reads them (escapes, verbatim, raw and its indentation), constants
/// inlined, everything else (interpolation holes, variables) as <c>?</c> — which is what the
/// normaliser turns values into anyway.
/// </summary>
internal static partial class SqlTextComposer
{
    public const string Hole = "?";

    private const int MaxChars = 64 * 1024;

    public static string Compose(ExpressionSyntax expression)
    {
        var text = new StringBuilder();
        Append(expression, text);
        return text.Length > MaxChars ? text.ToString(0, MaxChars) : text.ToString();
    }

    private static void Append(ExpressionSyntax expression, StringBuilder text)
    {
        if (text.Length > MaxChars)
            return;
        switch (expression)
        {
            case LiteralExpressionSyntax literal when StringConstants.IsStringLiteral(literal):
                text.Append(literal.Token.ValueText);
                break;
            case InterpolatedStringExpressionSyntax interpolated:
                foreach (InterpolatedStringContentSyntax content in interpolated.Contents)
                {
                    if (content is InterpolatedStringTextSyntax part)
                        text.Append(part.TextToken.ValueText);
                    else if (content is InterpolationSyntax hole)
                        text.Append(StringConstants.TryGetValue(hole.Expression) ?? Hole);
                }
                break;
            case ParenthesizedExpressionSyntax parenthesized:
                Append(parenthesized.Expression, text);
                break;
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression):
                Append(binary.Left, text);
                Append(binary.Right, text);
                break;
            default:
                text.Append(StringConstants.TryGetValue(expression) ?? Hole);
                break;
        }
    }

    /// <summary><c>WHERE total &gt; {0}</c> → <c>WHERE total &gt; ?</c>.</summary>
    public static string ReplaceFormatPlaceholders(string sql) => FormatPlaceholder().Replace(sql, Hole);

    [GeneratedRegex(@"\{\d+\}", RegexOptions.CultureInvariant)]
    private static partial Regex FormatPlaceholder();
}
