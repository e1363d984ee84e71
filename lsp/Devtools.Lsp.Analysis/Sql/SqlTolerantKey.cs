using System.Buffers;
using System.Text;
using Devtools.Core.Query.Sql;

namespace Devtools.Lsp.Analysis.Sql;

/// <summary>
/// A looser identity for a normalised statement, for when source and capture disagree in ways
/// that do not change the query: placeholder style (<c>$1</c>, <c>@id</c>, <c>:id</c> vs <c>?</c>
/// — Npgsql rewrites <c>@id</c> to <c>$1</c> on the wire; MySqlConnector inlines values),
/// whitespace and letter case.
/// </summary>
internal static class SqlTolerantKey
{
    public static string Compute(string normalized)
    {
        string unified = UnifyPlaceholders(normalized);
        // Normalise again so placeholder lists that became "?, ?" collapse to "(?)" like the capture's.
        int size = 2 * unified.Length + 8;
        char[] buffer = ArrayPool<char>.Shared.Rent(size);
        try
        {
            int length = SqlNormalizer.Write(unified, buffer.AsSpan(0, size), SqlDialect.PostgreSql);
            var key = new StringBuilder(length);
            foreach (char c in buffer.AsSpan(0, length))
            {
                if (!char.IsWhiteSpace(c))
                    key.Append(char.ToUpperInvariant(c));
            }
            return key.ToString();
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary><c>$1</c>, <c>@name</c>, <c>:name</c> → <c>?</c>; <c>@@var</c>, <c>::cast</c> and quoted text untouched.</summary>
    private static string UnifyPlaceholders(string sql)
    {
        var result = new StringBuilder(sql.Length);
        char quote = '\0';
        for (int i = 0; i < sql.Length; i++)
        {
            char c = sql[i];
            if (quote != '\0')
            {
                result.Append(c);
                if (c == quote)
                    quote = '\0';
                continue;
            }
            if (c is '\'' or '"' or '`')
            {
                quote = c;
                result.Append(c);
                continue;
            }
            char previous = i > 0 ? sql[i - 1] : ' ';
            char next = i + 1 < sql.Length ? sql[i + 1] : ' ';
            bool startsPlaceholder = !IsWordChar(previous) && previous != c && (
                (c == '$' && char.IsAsciiDigit(next))
                || (c == '@' && next != '@' && IsWordStart(next))
                || (c == ':' && next != ':' && previous != ':' && IsWordStart(next)));
            if (!startsPlaceholder)
            {
                result.Append(c);
                continue;
            }
            result.Append('?');
            i++;
            while (i < sql.Length && IsWordChar(sql[i]))
                i++;
            i--;
        }
        return result.ToString();
    }

    private static bool IsWordStart(char c) => char.IsAsciiLetter(c) || c == '_' || char.IsAsciiDigit(c);

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_' || c == '$';
}
