using Devtools.Core.Query.Common;
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
    public static List<RedisEvent> ReadAll(ITable redisEvents) =>
        EventRows.ReadAll(redisEvents, static (c, row) => new RedisEvent(
            c.Time(row),
            c.Upid(row),
            c.Text("remote_addr", row),
            c.Number("remote_port", row),
            c.Text("local_addr", row),
            c.Number("local_port", row),
            c.Number("trace_role", row),
            c.Flag("encrypted", row),
            c.Text("req_cmd", row),
            c.Text("req_args", row),
            c.Text("resp", row),
            c.Number("latency", row)));
}
