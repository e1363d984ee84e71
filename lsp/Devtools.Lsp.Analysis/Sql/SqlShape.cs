using System.Buffers;
using System.Text.RegularExpressions;

namespace Devtools.Lsp.Analysis.Sql;

/// <summary>
/// Decides whether a string reads like a SQL statement. A leading keyword is not enough
/// ("Select a file", "Update available"): each statement kind must show its structure too
/// (<c>INSERT INTO</c>, <c>UPDATE x SET</c>, <c>DELETE FROM</c>, <c>SELECT … FROM</c> …).
/// </summary>
internal static partial class SqlShape
{
    private static readonly SearchValues<char> s_columnListPunctuation = SearchValues.Create("*,().\"'`@_0123456789[]");
    private static readonly SearchValues<char> s_whitespace = SearchValues.Create(" \t\r\n");

    /// <param name="text">The string as composed (holes as <c>?</c>).</param>
    /// <param name="allowSelectWithoutFrom">
    /// Whether <c>SELECT 1</c>-style statements count: only for a plain literal, since
    /// <c>"select " + n + " items"</c> composes to a valid-looking <c>select ? items</c>.
    /// </param>
    public static bool LooksLikeSql(string text, bool allowSelectWithoutFrom = true)
    {
        ReadOnlySpan<char> body = SkipLeadingNoise(text);
        if (body.Length < 6)
            return false;
        // Prose ends like prose, and names things with articles: "Delete from the list?".
        ReadOnlySpan<char> end = body.TrimEnd();
        if (end.EndsWith('.') || end.EndsWith('!') || end.EndsWith(':') || ArticleAsTable().IsMatch(body))
            return false;
        return Statement().IsMatch(body) || IsSelect(body, allowSelectWithoutFrom);
    }

    /// <summary>
    /// SELECT is also an English verb, so its column list must look like one: a single name, or
    /// one with SQL punctuation (<c>*</c>, <c>,</c>, <c>(</c>, <c>.</c>, quotes), digits, underscores or AS.
    /// "Select an item from the list" has two bare words and is prose.
    /// </summary>
    private static bool IsSelect(ReadOnlySpan<char> body, bool allowWithoutFrom)
    {
        Match select = SelectHead().Match(body.ToString());
        if (!select.Success)
            return false;
        string rest = body[select.Length..].ToString();
        Match from = FromKeyword().Match(rest);
        string list = from.Success ? rest[..from.Index] : rest;
        if (!from.Success)
        {
            // SELECT 1, SELECT now(), SELECT @@version, SELECT $1 …
            return allowWithoutFrom && SelectWithoutFrom().IsMatch(list);
        }
        return list.AsSpan().IndexOfAny(s_columnListPunctuation) >= 0
            || AsKeyword().IsMatch(list)
            || list.AsSpan().Trim().IndexOfAny(s_whitespace) < 0;
    }

    /// <summary>Skips whitespace, comments and opening parentheses before the first keyword.</summary>
    private static ReadOnlySpan<char> SkipLeadingNoise(string text)
    {
        ReadOnlySpan<char> s = text;
        while (true)
        {
            s = s.TrimStart();
            if (s.StartsWith("--"))
            {
                int newline = s.IndexOf('\n');
                s = newline < 0 ? [] : s[(newline + 1)..];
            }
            else if (s.StartsWith("/*"))
            {
                int close = s.IndexOf("*/");
                s = close < 0 ? [] : s[(close + 2)..];
            }
            else if (s.StartsWith('('))
            {
                s = s[1..];
            }
            else
            {
                return s;
            }
        }
    }

    // Each alternative is a statement's opening structure; the rest of the text may be anything.
    [GeneratedRegex("""
        \A(?:
            INSERT\s+(?:IGNORE\s+|OR\s+\w+\s+)?INTO\s+\S
          | UPDATE\s+\S+(?:\s+(?:AS\s+)?\w+)?\s+SET\s
          | DELETE\s+(?:\w+\s+)?FROM\s+\S
          | WITH\s+(?:RECURSIVE\s+)?[\w"]+\s*(?:\([^)]*\)\s*)?AS\s*(?:NOT\s+)?(?:MATERIALIZED\s*)?\(
          | (?:CREATE|ALTER|DROP)\s+(?:OR\s+REPLACE\s+|UNIQUE\s+|TEMP(?:ORARY)?\s+|MATERIALIZED\s+|IF\s+(?:NOT\s+)?EXISTS\s+)*
                (?:TABLE|INDEX|VIEW|SCHEMA|DATABASE|SEQUENCE|FUNCTION|PROCEDURE|TRIGGER|EXTENSION|TYPE|ROLE|USER|POLICY)\b
          | TRUNCATE\s+(?:TABLE\s+)?[\w"`.]+\s*(?:;|$|,|\bRESTART\b|\bCASCADE\b)
          | MERGE\s+INTO\s+\S
          | REPLACE\s+INTO\s+\S
          | UPSERT\s+INTO\s+\S
          | (?:EXEC|EXECUTE)\s+[\w.\[\]]+(?:\s|\(|;|$)
          | CALL\s+[\w.]+\s*\(
          | EXPLAIN\s+(?:ANALYZE\s+|VERBOSE\s+|\(.*?\)\s*)*(?:SELECT|INSERT|UPDATE|DELETE|WITH)\b
          | COPY\s+[\w".]+(?:\s*\([^)]*\))?\s+(?:FROM|TO)\s
          | VALUES\s*\(
        )
        """, RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex Statement();

    [GeneratedRegex(@"\ASELECT\s+(?:DISTINCT\s+(?:ON\s*\([^)]*\)\s*)?|TOP\s*\(?\d+\)?\s+|ALL\s+)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SelectHead();

    [GeneratedRegex(@"\bFROM\b\s*\S", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FromKeyword();

    [GeneratedRegex(@"\b(?:FROM|INTO|UPDATE|JOIN)\s+(?:the|a|an|this|that|your|my|our)\s", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ArticleAsTable();

    [GeneratedRegex(@"\bAS\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AsKeyword();

    [GeneratedRegex(@"\A(?:[*\d@?$:'(-]|\w+\s*\()", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SelectWithoutFrom();
}
