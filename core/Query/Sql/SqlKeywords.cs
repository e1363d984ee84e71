namespace Devtools.Core.Query.Sql;

/// <summary>
/// Words the normaliser writes in upper case, so that "select" and "SELECT" group
/// together. Only common keywords: anything else (identifiers, functions) keeps its case.
/// </summary>
internal static class SqlKeywords
{
    private static readonly HashSet<string> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        "ADD", "ALL", "ALTER", "ANALYZE", "AND", "ANY", "AS", "ASC", "BEGIN", "BETWEEN", "BY", "CALL", "CASCADE",
        "CASE", "CAST", "CHECK", "COLLATE", "COLUMN", "COMMIT", "CONFLICT", "CONSTRAINT", "COPY", "CREATE", "CROSS",
        "CURRENT_DATE", "CURRENT_TIME", "CURRENT_TIMESTAMP", "DEALLOCATE", "DECLARE", "DEFAULT", "DELETE", "DESC",
        "DISTINCT", "DO", "DROP", "DUPLICATE", "ELSE", "END", "ESCAPE", "EXCEPT", "EXECUTE", "EXISTS", "EXPLAIN",
        "FETCH", "FILTER", "FIRST", "FOR", "FOREIGN", "FROM", "FULL", "GRANT", "GROUP", "HAVING", "IF", "ILIKE", "IN",
        "INDEX", "INNER", "INSERT", "INTERSECT", "INTERVAL", "INTO", "IS", "ISNULL", "JOIN", "KEY", "LAST", "LATERAL",
        "LEFT", "LIKE", "LIMIT", "LOCK", "NATURAL", "NEXT", "NOT", "NOTHING", "NOTNULL", "NOWAIT", "NULL", "NULLS",
        "OFFSET", "ON", "ONLY", "OR", "ORDER", "OUTER", "OVER", "PARTITION", "PREPARE", "PRIMARY", "REFERENCES",
        "RELEASE", "REPLACE", "RETURNING", "REVOKE", "RIGHT", "ROLLBACK", "ROW", "ROWS", "SAVEPOINT", "SELECT", "SET",
        "SHARE", "SHOW", "SIMILAR", "SKIP", "SOME", "START", "TABLE", "THEN", "TO", "TRANSACTION", "TRUNCATE", "UNION",
        "UNIQUE", "UPDATE", "USE", "USING", "VACUUM", "VALUES", "VIEW", "WHEN", "WHERE", "WINDOW", "WITH", "WORK",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup = Words.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Longest keyword: longer words need no lookup.</summary>
    public const int MaxLength = 17;

    public static bool IsKeyword(ReadOnlySpan<char> word) => word.Length <= MaxLength && Lookup.Contains(word);
}
