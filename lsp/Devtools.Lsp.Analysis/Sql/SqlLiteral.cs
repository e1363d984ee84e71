using System.Collections.Immutable;
using Devtools.Core.Query.Sql;
using Devtools.Lsp.Analysis.Sql;

namespace Devtools.Lsp.Analysis;

/// <summary>Why a string was taken for SQL.</summary>
public enum SqlSiteKind
{
    /// <summary>It reads like SQL (starts with SELECT, INSERT INTO, UPDATE … SET, …).</summary>
    Shape,

    /// <summary>It is handed to an API that runs SQL (a command constructor, <c>CommandText</c>, Dapper, EF raw SQL).</summary>
    Sink,
}

/// <summary>A SQL statement written in source.</summary>
/// <param name="File">Full path of the file.</param>
/// <param name="Range">The string expression (all of a concatenation); its first line is where a lens goes.</param>
/// <param name="Text">The statement as the program would send it, interpolation holes and non-constant operands as <c>?</c>.</param>
/// <param name="NormalizedForms">
/// <see cref="Text"/> through the capture's <see cref="SqlNormalizer"/>: one form when the dialect is
/// known, else the PostgreSQL and the MySQL forms (when they differ).
/// </param>
/// <param name="Dialect">The dialect the call site or the file's usings tell, if any.</param>
/// <param name="Kind">Why it was taken for SQL.</param>
/// <param name="Sink">The API it is handed to (<c>NpgsqlCommand</c>, <c>CommandText</c>, <c>QueryAsync</c> …), if any.</param>
public sealed record SqlLiteral(
    string File,
    SourceRange Range,
    string Text,
    ImmutableArray<string> NormalizedForms,
    SqlDialect? Dialect,
    SqlSiteKind Kind,
    string? Sink)
{
    /// <summary>
    /// <see cref="SqlTolerantKey"/> of each normalised form, computed when the file is analysed so
    /// that building a workspace's <see cref="SqlMatcher"/> after an edit does not redo every file's.
    /// </summary>
    internal ImmutableArray<string> TolerantKeys { get; init; } = [.. NormalizedForms.Select(SqlTolerantKey.Compute)];

    // ImmutableArray compares by reference; a site is identified by where it is.
    public bool Equals(SqlLiteral? other) => other is not null && File == other.File && Range == other.Range && Text == other.Text;

    public override int GetHashCode() => HashCode.Combine(File, Range);
}
