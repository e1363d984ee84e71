using System.Collections.Concurrent;
using System.Collections.Immutable;
using Devtools.Lsp.Analysis.Sql;

namespace Devtools.Lsp.Analysis;

/// <summary>How a captured statement was found in source.</summary>
public enum SqlMatchKind
{
    None,

    /// <summary>Its normalised form equals a site's.</summary>
    Exact,

    /// <summary>Equal once placeholder style, whitespace and case are ignored.</summary>
    Tolerant,
}

/// <summary>The source sites of a captured statement.</summary>
public sealed record SqlMatch(SqlMatchKind Kind, ImmutableArray<SqlLiteral> Sites)
{
    public static readonly SqlMatch None = new(SqlMatchKind.None, []);
}

/// <summary>
/// Maps a statement the capture normalised to the SQL literals in source: exact normalised
/// match first, then the tolerant key. Immutable and thread-safe; results are cached.
/// </summary>
public sealed class SqlMatcher
{
    private const int MaxCached = 16 * 1024;

    private readonly Dictionary<string, ImmutableArray<SqlLiteral>> _exact = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ImmutableArray<SqlLiteral>> _tolerant = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SqlMatch> _cache = new(StringComparer.Ordinal);

    public SqlMatcher(IEnumerable<SqlLiteral> literals)
    {
        ArgumentNullException.ThrowIfNull(literals);
        foreach (SqlLiteral literal in literals)
        {
            foreach (string form in literal.NormalizedForms)
                Add(_exact, form, literal);
            foreach (string key in literal.TolerantKeys)
                Add(_tolerant, key, literal);
        }
    }

    /// <summary>The sites of <paramref name="normalizedStatement"/> (as the capture's <c>SqlNormalizer</c> wrote it).</summary>
    public SqlMatch Match(string normalizedStatement)
    {
        ArgumentNullException.ThrowIfNull(normalizedStatement);
        if (_cache.TryGetValue(normalizedStatement, out SqlMatch? cached))
            return cached;
        SqlMatch match = _exact.TryGetValue(normalizedStatement, out ImmutableArray<SqlLiteral> exact)
            ? new SqlMatch(SqlMatchKind.Exact, exact)
            : _tolerant.TryGetValue(SqlTolerantKey.Compute(normalizedStatement), out ImmutableArray<SqlLiteral> tolerant)
                ? new SqlMatch(SqlMatchKind.Tolerant, tolerant)
                : SqlMatch.None;
        // Bounded: statements with inlined values (MySQL text protocol) can be unbounded in number.
        if (_cache.Count >= MaxCached)
            _cache.Clear();
        _cache.TryAdd(normalizedStatement, match);
        return match;
    }

    private static void Add(Dictionary<string, ImmutableArray<SqlLiteral>> index, string key, SqlLiteral literal)
    {
        ImmutableArray<SqlLiteral> existing = index.GetValueOrDefault(key, []);
        if (!existing.Contains(literal))
            index[key] = existing.Add(literal);
    }
}
