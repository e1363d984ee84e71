using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Devtools.Lsp.Analysis.Syntax;

/// <summary>Converts Roslyn spans to LSP ranges.</summary>
internal static class SyntaxRanges
{
    public static SourceRange ToRange(this SourceText text, TextSpan span)
    {
        LinePositionSpan lines = text.Lines.GetLinePositionSpan(span);
        return new SourceRange(lines.Start.Line, lines.Start.Character, lines.End.Line, lines.End.Character);
    }

    public static SourceRange ToRange(this SourceText text, int start, int end) => ToRange(text, TextSpan.FromBounds(start, end));

    public static SourceRange ToRange(this SourceText text, SyntaxToken token) => ToRange(text, token.Span);

    /// <summary>
    /// The span of a member without its attribute lists: a sampled line is never an attribute
    /// line, and a lens belongs on the signature.
    /// </summary>
    public static TextSpan SpanWithoutAttributes(SyntaxNode node, SyntaxList<AttributeListSyntax> attributes)
    {
        if (attributes.Count == 0)
            return node.Span;
        SyntaxToken first = attributes[^1].GetLastToken().GetNextToken();
        int start = first.RawKind == 0 || first.SpanStart > node.Span.End ? node.SpanStart : first.SpanStart;
        return TextSpan.FromBounds(start, node.Span.End);
    }
}
