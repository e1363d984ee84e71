using Apache.Arrow;
using Apache.Arrow.Arrays;
using Devtools.Core.Storage;
using Devtools.Core.Storage.Tables;

namespace Devtools.Core.Query.Redis;

/// <summary>
/// One redis_events row as plain .NET values: for code that embeds the core and asserts
/// on the traffic it produced ("this GET answered in under 1 ms"). Allocates per row;
/// the hot paths read the Arrow columns directly.
/// </summary>
public sealed record RedisEvent(
    long TimeUnixNs,
    Upid Upid,
    string RemoteAddr,
    long RemotePort,
    string LocalAddr,
    long LocalPort,
    long TraceRole,
    bool Encrypted,
    string ReqCmd,
    string ReqArgs,
    string Resp,
    long LatencyNs)
{
    /// <summary>The reply is an error.</summary>
    public bool IsError => RedisReplyText.IsError(System.Text.Encoding.UTF8.GetBytes(Resp));

    /// <summary>Every row the table holds now, oldest first.</summary>
    public static List<RedisEvent> ReadAll(ITable redisEvents)
    {
        ArgumentNullException.ThrowIfNull(redisEvents);
        var rows = new List<RedisEvent>();
        foreach (RowSelection selection in redisEvents.ReadAfter(-1))
        {
            RecordBatch b = selection.RecordBatch;
            var time = (TimestampArray)b.Column("time_");
            var upid = (FixedSizeBinaryArray)b.Column("upid");
            StringArray S(string name) => (StringArray)b.Column(name);
            Int64Array I(string name) => (Int64Array)b.Column(name);
            foreach (int row in selection)
            {
                rows.Add(new RedisEvent(
                    time.GetValue(row) ?? 0,
                    Upid.ReadBigEndian(upid.GetBytes(row)),
                    S("remote_addr").GetString(row) ?? string.Empty,
                    I("remote_port").GetValue(row) ?? 0,
                    S("local_addr").GetString(row) ?? string.Empty,
                    I("local_port").GetValue(row) ?? 0,
                    I("trace_role").GetValue(row) ?? 0,
                    ((BooleanArray)b.Column("encrypted")).GetValue(row) ?? false,
                    S("req_cmd").GetString(row) ?? string.Empty,
                    S("req_args").GetString(row) ?? string.Empty,
                    S("resp").GetString(row) ?? string.Empty,
                    I("latency").GetValue(row) ?? 0));
            }
        }
        return rows;
    }
}
