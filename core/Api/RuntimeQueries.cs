using Devtools.Core.Common;
using Devtools.Core.Query.Http;
using Devtools.Core.Query.Latency;
using Devtools.Core.Query.Sql;
using Devtools.Core.Storage;
using Devtools.Core.Storage.Schemas;
using Devtools.Core.Storage.Tables;

namespace Devtools.Core.Api;

/// <summary>
/// The questions the editor and the agent API ask of a table store, answered as
/// plain DTOs. One place, so that the bridge's in-process source and the node
/// agent answer them the same way.
/// </summary>
public static class RuntimeQueries
{
    public static IReadOnlyList<EndpointStatDto> EndpointStats(TableStore tables, uint? pid, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(tables);
        HttpEndpointQuery query = HttpEndpointQuery.Last(window, MonotonicClock.UnixNowNs()) with { Pid = pid };
        HttpEndpointReport report = HttpEndpointStats.Compute(tables.HttpEvents, query);
        return
        [
            .. report.Endpoints.Select(e => new EndpointStatDto(
                e.Method, e.PathTemplate, e.Count, e.RequestsPerSecond * 60, e.P50Ms, e.P90Ms, e.P99Ms, e.ErrorRate)),
        ];
    }

    /// <summary>The latest requests (or the slowest of the window), newest first.</summary>
    public static IReadOnlyList<RequestRowDto> RecentRequests(TableStore tables, uint? pid, int limit, string? method = null, Func<string, bool>? pathFilter = null, bool slowestFirst = false, TimeSpan? window = null)
    {
        ArgumentNullException.ThrowIfNull(tables);
        limit = Math.Clamp(limit, 1, 10_000);
        long from = window is { } w ? MonotonicClock.UnixNowNs() - (long)w.TotalNanoseconds : long.MinValue;
        var rows = new List<RequestRowDto>();
        foreach (HttpEvent e in HttpEvent.ReadAll(tables.HttpEvents))
        {
            if (e.TimeUnixNs < from || (pid is { } p && e.Upid.Pid != p))
                continue;
            if (method is not null && !string.Equals(e.ReqMethod, method, StringComparison.OrdinalIgnoreCase))
                continue;
            if (pathFilter is not null && !pathFilter(e.ReqPath))
                continue;
            rows.Add(new RequestRowDto(e.TimeUnixNs / 1_000_000, e.ReqMethod, e.ReqPath, e.RespStatus, e.LatencyNs / 1e6));
        }
        IEnumerable<RequestRowDto> ordered = slowestFirst ? rows.OrderByDescending(r => r.LatencyMs) : rows.OrderByDescending(r => r.Time);
        return [.. ordered.Take(limit)];
    }

    /// <summary>
    /// Per normalised statement over the last <paramref name="window"/>, most called first. With
    /// <paramref name="pid"/>: that process's rows. Without: node-wide, each call counted once even
    /// when both ends were traced (a local client and a local server): a statement's server-side
    /// rows when the server was traced, else its client-side rows, else the rows of unknown role.
    /// </summary>
    public static IReadOnlyList<SqlStatDto> SqlStats(TableStore tables, uint? pid, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(tables);
        SqlStatsQuery query = SqlStatsQuery.Last(window, MonotonicClock.UnixNowNs()) with { Pid = pid, ByProcess = false };
        var stats = new List<SqlStatDto>();
        foreach ((Table table, string protocol) in (ReadOnlySpan<(Table, string)>)[(tables.PgsqlEvents, "pgsql"), (tables.MysqlEvents, "mysql")])
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            long?[] roles = pid is null ? [TraceRoles.Server, TraceRoles.Client, TraceRoles.Unknown] : [null];
            foreach (long? role in roles)
            {
                LatencyAggregation<SqlStatementKey> result = SqlStatementStats.Compute(table, query with { TraceRole = role });
                foreach (LatencyGroup<SqlStatementKey> g in result.Groups)
                {
                    if (!seen.Add(g.Key.Statement))
                        continue; // already counted from the other end
                    LatencyStats s = g.Stats;
                    stats.Add(new SqlStatDto(protocol, g.Key.Statement, s.Count, s.RatePerSecond * 60, s.P50Ns / 1e6, s.P99Ns / 1e6, s.ErrorRate));
                }
            }
        }
        return [.. stats.OrderByDescending(s => s.Count)];
    }
}
