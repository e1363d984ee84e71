using System.Buffers.Binary;
using Apache.Arrow;
using Apache.Arrow.Arrays;
using Devtools.Core.Query.Common;
using Devtools.Core.Query.Http;
using Devtools.Core.Query.Latency;
using Devtools.Core.Storage;
using Devtools.Core.Storage.Schemas;
using Devtools.Core.Storage.Tables;

namespace Devtools.Core.Query.Redis;

/// <summary>
/// Per-command rate, error rate and latency percentiles from redis_events, for
/// <c>devtools top</c>: rows grouped by (upid, req_cmd). An error is a reply that is an
/// error (<see cref="RedisReplyText.IsError"/>), counted as a server error. Pushes and
/// commands without a reply (CLIENT REPLY OFF) have no latency and are left out.
/// </summary>
public static class RedisCommandStats
{
    /// <summary>Aggregates the rows of <paramref name="redisEvents"/> selected by <paramref name="query"/>.</summary>
    public static LatencyAggregation<RedisCommandKey> Compute(ITable redisEvents, RedisCommandQuery query)
    {
        ArgumentNullException.ThrowIfNull(redisEvents);
        if (redisEvents.Name != TableNames.RedisEvents)
            throw new ArgumentException($"Expected the {TableNames.RedisEvents} table, got {redisEvents.Name}.", nameof(redisEvents));
        return Compute(redisEvents.Snapshot(), query);
    }

    /// <summary>Aggregates the rows of a redis_events snapshot selected by <paramref name="query"/>.</summary>
    public static LatencyAggregation<RedisCommandKey> Compute(TableSnapshot snapshot, RedisCommandQuery query)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(query);

        var aggregator = new LatencyAggregator<RedisCommandKey>(query.MaxCommands);
        var commands = new Utf8StringCache();
        long firstSeen = long.MaxValue;
        long lastSeen = long.MinValue;
        foreach (RowSelection selection in snapshot.Scan(query.FromUnixNs, query.ToUnixNs))
        {
            var rows = new RedisColumns(selection.RecordBatch);
            foreach (int row in selection)
            {
                ReadOnlySpan<byte> upidBytes = rows.Upid.GetBytes(row);
                if (query.Pid is uint pid && BinaryPrimitives.ReadUInt32BigEndian(upidBytes[4..]) != pid)
                    continue;
                ReadOnlySpan<byte> command = rows.Command.GetBytes(row);
                ReadOnlySpan<byte> resp = rows.Resp.GetBytes(row);
                long latency = rows.Latency.GetValue(row) ?? 0;
                // Pushes, and commands without a reply (no text, no latency), have no latency to count.
                if (RedisReplyText.IsPush(command) || (resp.IsEmpty && latency == 0))
                    continue;
                long time = rows.Time.Values[row];
                var key = new RedisCommandKey(Upid.ReadBigEndian(upidBytes), commands.Get(command));
                aggregator.Add(key, latency, isServerError: RedisReplyText.IsError(resp), isClientError: false, time);
                firstSeen = Math.Min(firstSeen, time);
                lastSeen = Math.Max(lastSeen, time);
            }
        }
        return aggregator.GetResult(QueryWindow.Seconds(query.FromUnixNs, query.ToUnixNs, firstSeen, lastSeen));
    }

    /// <summary>The redis_events columns the aggregation reads, looked up once per batch.</summary>
    private readonly struct RedisColumns(RecordBatch batch)
    {
        public TimestampArray Time { get; } = (TimestampArray)batch.Column("time_");

        public FixedSizeBinaryArray Upid { get; } = (FixedSizeBinaryArray)batch.Column("upid");

        public StringArray Command { get; } = (StringArray)batch.Column("req_cmd");

        public StringArray Resp { get; } = (StringArray)batch.Column("resp");

        public Int64Array Latency { get; } = (Int64Array)batch.Column("latency");
    }
}
