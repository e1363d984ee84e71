namespace Devtools.Core.Query.Sql;

/// <summary>The lexical rules that differ between the SQL dialects the normaliser reads.</summary>
public enum SqlDialect : byte
{
    /// <summary>
    /// PostgreSQL: "..." is an identifier; backslashes escape only inside E'...' strings;
    /// $$...$$ and $tag$...$tag$ are strings; # is an operator.
    /// </summary>
    PostgreSql,

    /// <summary>
    /// MySQL: "..." is a string (unless ANSI_QUOTES); backslashes escape inside every
    /// string; `...` is an identifier; # starts a comment like --.
    /// </summary>
    MySql,
}
