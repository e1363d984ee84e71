namespace Devtools.Core.Query.Sql;

/// <summary>Which pgsql_events or mysql_events rows <see cref="SqlStatementStats"/> aggregates.</summary>
public sealed record SqlStatsQuery
{
    /// <summary>Inclusive start of the window, ns since the Unix epoch; long.MinValue for "from the oldest row".</summary>
    public long FromUnixNs { get; init; } = long.MinValue;

    /// <summary>Exclusive end of the window, ns since the Unix epoch; long.MaxValue for "to the newest row".</summary>
    public long ToUnixNs { get; init; } = long.MaxValue;

    /// <summary>Only requests traced in this process, when set.</summary>
    public uint? Pid { get; init; }

    /// <summary>Only rows traced at this end of the connection (<c>trace_role</c>, see TraceRoles), when set.</summary>
    public long? TraceRole { get; init; }

    /// <summary>
    /// Group by (process, statement) when true; by statement alone when false (every process's
    /// rows of a statement together, the key's Upid left default).
    /// </summary>
    public bool ByProcess { get; init; } = true;

    /// <summary>Most statements reported; requests of further statements are counted together.</summary>
    public int MaxStatements { get; init; } = 1000;

    /// <summary>The last <paramref name="window"/> before <paramref name="nowUnixNs"/>.</summary>
    public static SqlStatsQuery Last(TimeSpan window, long nowUnixNs) =>
        new() { FromUnixNs = nowUnixNs - (long)(window.Ticks * 100L), ToUnixNs = nowUnixNs };
}
