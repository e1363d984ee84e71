using System.Buffers;
using System.Text;

namespace Devtools.Core.Query.Sql;

/// <summary>
/// Turns a SQL statement into the shape that statements differing only in their values
/// share, for grouping (<c>devtools top</c>) — protocol-neutral, used for PostgreSQL and
/// MySQL alike:
/// <list type="bullet">
/// <item>Literals become <c>?</c>: strings ('' escapes; E'...' with backslash escapes;
/// B'...', X'...', N'...', U&amp;'...'), dollar-quoted strings ($$...$$, $tag$...$tag$),
/// numbers (integers, decimals, exponents, 0x/0o/0b, 1_000; a sign with nothing before
/// it to subtract from goes with the number: <c>= -5</c> → <c>= ?</c>, <c>a - 5</c> →
/// <c>a - ?</c>), TRUE and FALSE. NULL stays.</item>
/// <item>Placeholders stay: <c>$1</c>, <c>$2</c> and <c>?</c>.</item>
/// <item>Comments (<c>--</c>, nested <c>/* */</c>, and <c>#</c> in MySQL) are removed;
/// whitespace runs become one space; no space after <c>(</c> or before <c>,</c>,
/// <c>)</c>; exactly one after <c>,</c>; trailing semicolons go.</item>
/// <item>A list of placeholders after IN, <c>IN (?, ?, ?)</c>, becomes <c>IN (?)</c>; rows
/// of placeholders after VALUES, <c>VALUES (?, ?), (?, ?)</c>, become <c>VALUES (?)</c>.
/// Lists holding anything else (<c>$1</c>, <c>now()</c>) stay as they are.</item>
/// <item>Common keywords are upper-cased (<c>select</c> → <c>SELECT</c>); identifiers,
/// quoted identifiers and function names keep their case.</item>
/// </list>
/// Results are interned in a bounded cache: a statement seen before costs no allocation.
/// Not thread-safe: one instance per query.
/// </summary>
public sealed class SqlNormalizer
{
    /// <summary>Distinct normalised statements kept; beyond it results are still right but allocate.</summary>
    public const int DefaultCacheCapacity = 4096;

    /// <summary>Longest text normalised; the rest of a longer statement is ignored.</summary>
    public const int MaxStatementChars = 64 * 1024;

    private const int StackChars = 1024;

    private readonly Dictionary<string, string> _interned = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly int _cacheCapacity;

    public SqlNormalizer(SqlDialect dialect = SqlDialect.PostgreSql, int cacheCapacity = DefaultCacheCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cacheCapacity);
        Dialect = dialect;
        _cacheCapacity = cacheCapacity;
        _lookup = _interned.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public SqlDialect Dialect { get; }

    /// <summary>Normalised statements in the cache.</summary>
    public int CachedCount => _interned.Count;

    /// <summary>The normalised form of <paramref name="sql"/>.</summary>
    public string Normalize(ReadOnlySpan<char> sql)
    {
        if (sql.Length > MaxStatementChars)
            sql = sql[..MaxStatementChars];
        int size = SqlNormalizingWriter.MaxOutputLength(sql.Length);
        char[]? rented = null;
        Span<char> output = size <= StackChars ? stackalloc char[StackChars] : (rented = ArrayPool<char>.Shared.Rent(size));
        try
        {
            int length = Write(sql, output, Dialect);
            return Intern(output[..length]);
        }
        finally
        {
            if (rented is not null)
                ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary>The normalised form of UTF-8 <paramref name="sql"/> (as tables store it).</summary>
    public string Normalize(ReadOnlySpan<byte> sql)
    {
        if (sql.Length > MaxStatementChars)
            sql = sql[..MaxStatementChars];
        char[]? rented = null;
        Span<char> chars = sql.Length <= StackChars ? stackalloc char[StackChars] : (rented = ArrayPool<char>.Shared.Rent(sql.Length));
        try
        {
            int length = Encoding.UTF8.GetChars(sql, chars);
            return Normalize(chars[..length]);
        }
        finally
        {
            if (rented is not null)
                ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Writes the normalised form of <paramref name="sql"/> into <paramref name="output"/>,
    /// which must hold <c>2 × sql.Length + 8</c> chars; returns the length written.
    /// </summary>
    public static int Write(ReadOnlySpan<char> sql, Span<char> output, SqlDialect dialect = SqlDialect.PostgreSql)
    {
        if (output.Length < SqlNormalizingWriter.MaxOutputLength(sql.Length))
            throw new ArgumentException("The output buffer is too small.", nameof(output));
        Span<SqlNormalizingWriter.Group> groups = stackalloc SqlNormalizingWriter.Group[SqlNormalizingWriter.GroupCapacity];
        var writer = new SqlNormalizingWriter(dialect, output, groups);
        return writer.Write(sql);
    }

    private string Intern(ReadOnlySpan<char> normalized)
    {
        if (_lookup.TryGetValue(normalized, out string? cached))
            return cached;
        string created = normalized.ToString();
        if (_interned.Count < _cacheCapacity)
            _interned.Add(created, created);
        return created;
    }
}
