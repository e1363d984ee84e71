using Apache.Arrow;
using Apache.Arrow.Arrays;
using Devtools.Core.Protocols.Mysql;
using Devtools.Core.Query.Common;
using Devtools.Core.Query.Latency;
using Devtools.Core.Storage;
using Devtools.Core.Storage.Schemas;
using Devtools.Core.Storage.Tables;

namespace Devtools.Core.Query.Mysql;

/// <summary>
/// Rate, error share and latency percentiles of MySQL commands from mysql_events, grouped by
/// (upid, command): how much of a service's database time goes to text queries, prepared
/// executes, pings. Errors are ERR responses (counted as server errors). Statements are
/// grouped by their normalised SQL elsewhere (the SQL statement stats, shared with PostgreSQL).
/// </summary>
public static class MysqlCommandStats
{
    /// <summary>Aggregates the rows of <paramref name="mysqlEvents"/> selected by <paramref name="query"/>.</summary>
    public static LatencyAggregation<MysqlCommandKey> Compute(ITable mysqlEvents, MysqlCommandQuery query)
    {
        ArgumentNullException.ThrowIfNull(mysqlEvents);
        if (mysqlEvents.Name != TableNames.MysqlEvents)
            throw new ArgumentException($"Expected the {TableNames.MysqlEvents} table, got {mysqlEvents.Name}.", nameof(mysqlEvents));
        return Compute(mysqlEvents.Snapshot(), query);
    }

    /// <summary>Aggregates the rows of a mysql_events snapshot selected by <paramref name="query"/>.</summary>
    public static LatencyAggregation<MysqlCommandKey> Compute(TableSnapshot snapshot, MysqlCommandQuery query)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(query);

        var aggregator = new LatencyAggregator<MysqlCommandKey>(query.MaxGroups);
        long firstSeen = long.MaxValue;
        long lastSeen = long.MinValue;
        foreach (RowSelection selection in snapshot.Scan(query.FromUnixNs, query.ToUnixNs))
        {
            var rows = new MysqlColumns(selection.RecordBatch);
            foreach (int row in selection)
            {
                var upid = Upid.ReadBigEndian(rows.Upid.GetBytes(row));
                if (query.Pid is uint pid && upid.Pid != pid)
                    continue;
                long time = rows.Time.Values[row];
                bool error = rows.Status.GetValue(row) == (long)MysqlResponseStatus.Err;
                var key = new MysqlCommandKey(upid, MysqlCommands.Name(rows.Command.GetValue(row) ?? -1));
                aggregator.Add(key, rows.Latency.GetValue(row) ?? 0, isServerError: error, isClientError: false, time);
                firstSeen = Math.Min(firstSeen, time);
                lastSeen = Math.Max(lastSeen, time);
            }
        }
        return aggregator.GetResult(QueryWindow.Seconds(query.FromUnixNs, query.ToUnixNs, firstSeen, lastSeen));
    }

    /// <summary>The mysql_events columns the aggregation reads, looked up once per batch.</summary>
    private readonly struct MysqlColumns(RecordBatch batch)
    {
        public TimestampArray Time { get; } = (TimestampArray)batch.Column("time_");

        public FixedSizeBinaryArray Upid { get; } = (FixedSizeBinaryArray)batch.Column("upid");

        public Int64Array Command { get; } = (Int64Array)batch.Column("req_cmd");

        public Int64Array Status { get; } = (Int64Array)batch.Column("resp_status");

        public Int64Array Latency { get; } = (Int64Array)batch.Column("latency");
    }
}
