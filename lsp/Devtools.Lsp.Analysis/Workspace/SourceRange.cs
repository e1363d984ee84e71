using Microsoft.CodeAnalysis;

namespace Devtools.Lsp.Analysis;

/// <summary>A position as LSP counts it: 0-based line, 0-based UTF-16 character.</summary>
public readonly record struct SourcePosition(int Line, int Character) : IComparable<SourcePosition>
{
    public int CompareTo(SourcePosition other) =>
        Line != other.Line ? Line.CompareTo(other.Line) : Character.CompareTo(other.Character);

    public static bool operator <(SourcePosition left, SourcePosition right) => left.CompareTo(right) < 0;

    public static bool operator >(SourcePosition left, SourcePosition right) => left.CompareTo(right) > 0;

    public static bool operator <=(SourcePosition left, SourcePosition right) => left.CompareTo(right) <= 0;

    public static bool operator >=(SourcePosition left, SourcePosition right) => left.CompareTo(right) >= 0;

    public override string ToString() => $"{Line}:{Character}";
}

/// <summary>A range of a document in LSP terms (end exclusive).</summary>
public readonly record struct SourceRange(SourcePosition Start, SourcePosition End)
{
    public SourceRange(int startLine, int startCharacter, int endLine, int endCharacter)
        : this(new SourcePosition(startLine, startCharacter), new SourcePosition(endLine, endCharacter))
    {
    }

    /// <summary>Whether the 0-based <paramref name="line"/> lies within the range's lines.</summary>
    public bool ContainsLine(int line) => line >= Start.Line && line <= End.Line;

    public override string ToString() => $"{Start}-{End}";

    /// <summary>Roslyn's line positions are already 0-based with UTF-16 characters, as LSP wants.</summary>
    internal static SourceRange From(FileLinePositionSpan span) =>
        new(span.StartLinePosition.Line, span.StartLinePosition.Character, span.EndLinePosition.Line, span.EndLinePosition.Character);
}
