namespace Devtools.Core.Query.Sql;

/// <summary>
/// The normaliser's single pass: reads SQL text token by token and writes the normalised
/// form into a caller's buffer (at least <see cref="MaxOutputLength"/> chars). See
/// <see cref="SqlNormalizer"/> for the rules. Never throws on any input.
/// </summary>
internal ref struct SqlNormalizingWriter
{
    private const int MaxGroupDepth = 32;

    private readonly SqlDialect _dialect;
    private readonly Span<char> _out;
    private readonly Span<Group> _groups;
    private int _length;
    private int _depth;
    private bool _pendingSpace;

    private TokenKind _lastKind;
    private char _lastChar;
    private int _lastStart;
    private TokenKind _previousKind;
    private char _previousChar;

    /// <summary>Where the last row of a VALUES list ended in the output; -1 when none.</summary>
    private int _valuesRowEnd;
    private bool _lastRowCollapsed;

    public SqlNormalizingWriter(SqlDialect dialect, Span<char> output, Span<Group> groups)
    {
        _dialect = dialect;
        _out = output;
        _groups = groups;
        _valuesRowEnd = -1;
    }

    internal enum TokenKind : byte
    {
        None,
        Word,
        Keyword,
        Literal,
        Placeholder,
        Parameter,
        Punctuation,
        Operator,
        QuotedIdentifier,
    }

    internal enum GroupKind : byte
    {
        Other,
        InList,
        ValuesRow,
    }

    /// <summary>Buffer size that always suffices: ", " after every comma at worst doubles the text.</summary>
    public static int MaxOutputLength(int inputLength) => (inputLength * 2) + 8;

    /// <summary>Room for nested parentheses tracked for list collapsing.</summary>
    public static int GroupCapacity => MaxGroupDepth;

    public int Write(ReadOnlySpan<char> sql)
    {
        int i = 0;
        while (i < sql.Length)
        {
            char c = sql[i];
            if (IsWhitespace(c))
            {
                _pendingSpace = true;
                i++;
            }
            else if (c == '-' && At(sql, i + 1) == '-')
            {
                i = SkipLine(sql, i);
            }
            else if (c == '#' && _dialect == SqlDialect.MySql)
            {
                i = SkipLine(sql, i);
            }
            else if (c == '/' && At(sql, i + 1) == '*')
            {
                i = SkipBlockComment(sql, i);
            }
            else if (c == '\'')
            {
                i = SkipString(sql, i + 1, backslashEscapes: _dialect == SqlDialect.MySql);
                EmitLiteral();
            }
            else if (c == '"')
            {
                if (_dialect == SqlDialect.MySql)
                {
                    i = SkipQuoted(sql, i + 1, '"', backslashEscapes: true);
                    EmitLiteral();
                }
                else
                {
                    int end = SkipQuoted(sql, i + 1, '"', backslashEscapes: false);
                    Emit(TokenKind.QuotedIdentifier, sql[i..end]);
                    i = end;
                }
            }
            else if (c == '`')
            {
                int end = SkipQuoted(sql, i + 1, '`', backslashEscapes: false);
                Emit(TokenKind.QuotedIdentifier, sql[i..end]);
                i = end;
            }
            else if (char.IsAsciiDigit(c) || (c == '.' && char.IsAsciiDigit(At(sql, i + 1)) && _lastKind is not (TokenKind.Word or TokenKind.QuotedIdentifier)))
            {
                i = SkipNumber(sql, i);
                EmitNumber();
            }
            else if (c == '$')
            {
                i = ReadDollar(sql, i);
            }
            else if (IsIdentifierStart(c))
            {
                i = ReadWord(sql, i);
            }
            else if (c == '?' && At(sql, i + 1) is not ('|' or '&'))
            {
                Emit(TokenKind.Placeholder, "?");
                i++;
            }
            else if (c is '(' or ')' or ',' or ';' or '[' or ']' or '.' or ':')
            {
                if (c == '(')
                    OpenGroup();
                else if (c == ')')
                    CloseGroup();
                else
                    Emit(TokenKind.Punctuation, sql.Slice(i, 1));
                i++;
            }
            else
            {
                Emit(TokenKind.Operator, sql.Slice(i, 1));
                i++;
            }
        }
        // Trailing semicolons say nothing about the statement.
        while (_length > 0 && (_out[_length - 1] == ';' || _out[_length - 1] == ' '))
            _length--;
        return _length;
    }

    private static char At(ReadOnlySpan<char> sql, int index) => index < sql.Length ? sql[index] : '\0';

    private static bool IsWhitespace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f' or '\v';

    private static bool IsIdentifierStart(char c) => char.IsAsciiLetter(c) || c == '_' || c >= 0x80;

    private static bool IsIdentifierPart(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '$' || c >= 0x80;

    private int SkipLine(ReadOnlySpan<char> sql, int i)
    {
        int newline = sql[i..].IndexOf('\n');
        _pendingSpace = true;
        return newline < 0 ? sql.Length : i + newline + 1;
    }

    /// <summary>/* ... */, nested as PostgreSQL nests them; an unterminated one runs to the end.</summary>
    private int SkipBlockComment(ReadOnlySpan<char> sql, int i)
    {
        _pendingSpace = true;
        int depth = 0;
        while (i < sql.Length)
        {
            if (sql[i] == '/' && At(sql, i + 1) == '*')
            {
                depth++;
                i += 2;
            }
            else if (sql[i] == '*' && At(sql, i + 1) == '/')
            {
                i += 2;
                if (--depth == 0)
                    return i;
            }
            else
            {
                i++;
            }
        }
        return sql.Length;
    }

    /// <summary>After an opening quote: to just past the closing one ('' is a quote inside; with escapes, \x too).</summary>
    private static int SkipString(ReadOnlySpan<char> sql, int i, bool backslashEscapes) => SkipQuoted(sql, i, '\'', backslashEscapes);

    private static int SkipQuoted(ReadOnlySpan<char> sql, int i, char quote, bool backslashEscapes)
    {
        while (i < sql.Length)
        {
            char c = sql[i];
            if (c == '\\' && backslashEscapes)
            {
                i += 2;
            }
            else if (c == quote)
            {
                if (At(sql, i + 1) != quote)
                    return i + 1;
                i += 2;
            }
            else
            {
                i++;
            }
        }
        return sql.Length;
    }

    /// <summary>Integers, decimals, exponents, 0x/0o/0b literals, digit separators (and junk glued to them).</summary>
    private static int SkipNumber(ReadOnlySpan<char> sql, int i)
    {
        if (sql[i] == '0' && At(sql, i + 1) is 'x' or 'X' or 'o' or 'O' or 'b' or 'B' && char.IsAsciiHexDigit(At(sql, i + 2)))
        {
            i += 2;
            while (i < sql.Length && (char.IsAsciiHexDigit(sql[i]) || sql[i] == '_'))
                i++;
        }
        else
        {
            while (i < sql.Length && (char.IsAsciiDigit(sql[i]) || sql[i] == '_'))
                i++;
            if (At(sql, i) == '.' && At(sql, i + 1) != '.')
            {
                i++;
                while (i < sql.Length && (char.IsAsciiDigit(sql[i]) || sql[i] == '_'))
                    i++;
            }
            if (At(sql, i) is 'e' or 'E')
            {
                int exponent = i + 1;
                if (At(sql, exponent) is '+' or '-')
                    exponent++;
                if (char.IsAsciiDigit(At(sql, exponent)))
                {
                    i = exponent;
                    while (i < sql.Length && char.IsAsciiDigit(sql[i]))
                        i++;
                }
            }
        }
        // "123abc" is one (bad) token, not a number and a name.
        while (i < sql.Length && IsIdentifierPart(sql[i]))
            i++;
        return i;
    }

    /// <summary>$1 (a parameter, kept), $$...$$ or $tag$...$tag$ (a string), or a lone $.</summary>
    private int ReadDollar(ReadOnlySpan<char> sql, int i)
    {
        if (char.IsAsciiDigit(At(sql, i + 1)))
        {
            int end = i + 1;
            while (end < sql.Length && char.IsAsciiDigit(sql[end]))
                end++;
            Emit(TokenKind.Parameter, sql[i..end]);
            return end;
        }
        int tagEnd = i + 1;
        if (tagEnd < sql.Length && IsIdentifierStart(sql[tagEnd]))
        {
            while (tagEnd < sql.Length && (char.IsAsciiLetterOrDigit(sql[tagEnd]) || sql[tagEnd] == '_' || sql[tagEnd] >= 0x80))
                tagEnd++;
        }
        if (At(sql, tagEnd) != '$')
        {
            Emit(TokenKind.Operator, "$");
            return i + 1;
        }
        ReadOnlySpan<char> tag = sql[i..(tagEnd + 1)];
        int bodyStart = tagEnd + 1;
        int close = sql[bodyStart..].IndexOf(tag);
        EmitLiteral();
        return close < 0 ? sql.Length : bodyStart + close + tag.Length;
    }

    private int ReadWord(ReadOnlySpan<char> sql, int i)
    {
        int end = i + 1;
        while (end < sql.Length && IsIdentifierPart(sql[end]))
            end++;
        ReadOnlySpan<char> word = sql[i..end];

        // E'...', B'...', X'...', N'...' and U&'...' are strings.
        if (word.Length == 1 && At(sql, end) == '\'' && word[0] is 'E' or 'e' or 'B' or 'b' or 'X' or 'x' or 'N' or 'n')
        {
            bool escapes = word[0] is 'E' or 'e' || _dialect == SqlDialect.MySql;
            EmitLiteral();
            return SkipString(sql, end + 1, escapes);
        }
        if (word.Length == 1 && word[0] is 'U' or 'u' && At(sql, end) == '&' && At(sql, end + 1) == '\'')
        {
            EmitLiteral();
            return SkipString(sql, end + 2, backslashEscapes: false);
        }
        if (word.Equals("TRUE", StringComparison.OrdinalIgnoreCase) || word.Equals("FALSE", StringComparison.OrdinalIgnoreCase))
        {
            EmitLiteral();
            return end;
        }
        if (SqlKeywords.IsKeyword(word))
        {
            Span<char> upper = stackalloc char[SqlKeywords.MaxLength];
            int n = word.ToUpperInvariant(upper);
            Emit(TokenKind.Keyword, upper[..n]);
        }
        else
        {
            Emit(TokenKind.Word, word);
        }
        return end;
    }

    private void EmitLiteral() => Emit(TokenKind.Literal, "?");

    /// <summary>A number; a sign in front of it goes with it when nothing it could subtract from precedes.</summary>
    private void EmitNumber()
    {
        if (_lastKind == TokenKind.Operator && _lastChar is '-' or '+' && _length - _lastStart == 1 && IsOperandBoundary(_previousKind, _previousChar))
        {
            _length = _lastStart;
            _lastKind = _previousKind;
            _lastChar = _previousChar;
            _previousKind = TokenKind.None;
            _pendingSpace = false;
        }
        EmitLiteral();
    }

    /// <summary>After these a '-' cannot subtract: it is a sign.</summary>
    private static bool IsOperandBoundary(TokenKind kind, char c) =>
        kind is TokenKind.None or TokenKind.Operator or TokenKind.Keyword
        || (kind == TokenKind.Punctuation && c is '(' or ',' or '[' or ';' or ':');

    private void OpenGroup()
    {
        GroupKind kind = GroupKind.Other;
        if (_lastKind == TokenKind.Keyword)
        {
            ReadOnlySpan<char> keyword = _out[_lastStart.._length];
            if (keyword.SequenceEqual("IN"))
                kind = GroupKind.InList;
            else if (keyword.SequenceEqual("VALUES"))
                kind = GroupKind.ValuesRow;
        }
        else if (_lastKind == TokenKind.Punctuation && _lastChar == ',' && _valuesRowEnd >= 0 && IsCommaGap(_valuesRowEnd, _length))
        {
            kind = GroupKind.ValuesRow;
        }
        Emit(TokenKind.Punctuation, "(");
        if (_depth < _groups.Length)
            _groups[_depth] = new Group(_lastStart, kind);
        _depth++;
    }

    private void CloseGroup()
    {
        Group group = default;
        bool tracked = _depth > 0 && _depth <= _groups.Length;
        if (tracked)
            group = _groups[_depth - 1];
        if (_depth > 0)
            _depth--;
        Emit(TokenKind.Punctuation, ")", countInGroup: false);
        if (!tracked || group.Kind == GroupKind.Other)
            return;
        if (group.OnlyPlaceholders && group.Placeholders > 0)
        {
            // IN (?, ?, ?) and VALUES (?, ?), (?, ?) say the same whatever their length.
            _length = group.Start;
            "(?)".CopyTo(_out[_length..]);
            _length += 3;
            _lastStart = _length - 1;
            if (group.Kind == GroupKind.ValuesRow && _lastRowCollapsed && _valuesRowEnd >= 0 && IsCommaGap(_valuesRowEnd, group.Start))
            {
                _length = _valuesRowEnd;
                _lastStart = _length - 1;
            }
            if (group.Kind == GroupKind.ValuesRow)
                _lastRowCollapsed = true;
        }
        else if (group.Kind == GroupKind.ValuesRow)
        {
            _lastRowCollapsed = false;
        }
        if (group.Kind == GroupKind.ValuesRow)
            _valuesRowEnd = _length;
    }

    /// <summary>The output between two positions is a comma, maybe with a space.</summary>
    private readonly bool IsCommaGap(int from, int to)
    {
        ReadOnlySpan<char> gap = _out[from..to];
        return gap.SequenceEqual(",") || gap.SequenceEqual(", ");
    }

    private void Emit(TokenKind kind, scoped ReadOnlySpan<char> text, bool countInGroup = true)
    {
        char first = text[0];
        bool space = _pendingSpace && _length > 0;
        if (kind == TokenKind.Punctuation && first is ',' or ')' or ';' or ']')
            space = false;
        if (_lastKind == TokenKind.Punctuation && _lastChar is '(' or '[')
            space = false;
        if (_lastKind == TokenKind.Punctuation && _lastChar == ',')
            space = true;
        if (space && _out[_length - 1] != ' ')
            _out[_length++] = ' ';
        _pendingSpace = false;

        if (countInGroup && _depth > 0 && _depth <= _groups.Length)
        {
            ref Group group = ref _groups[_depth - 1];
            if (kind is TokenKind.Literal or TokenKind.Placeholder)
                group.Placeholders++;
            else if (!(kind == TokenKind.Punctuation && first == ','))
                group.OnlyPlaceholders = false;
        }

        _previousKind = _lastKind;
        _previousChar = _lastChar;
        _lastKind = kind;
        _lastChar = first;
        _lastStart = _length;
        text.CopyTo(_out[_length..]);
        _length += text.Length;
    }

    /// <summary>One open parenthesis: where it is in the output and what it holds so far.</summary>
    internal struct Group(int start, GroupKind kind)
    {
        public readonly int Start = start;
        public readonly GroupKind Kind = kind;
        public bool OnlyPlaceholders = true;
        public int Placeholders;
    }
}
