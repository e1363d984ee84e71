using Devtools.Core.Common;
using Devtools.Core.Connections;
using Devtools.Core.Storage.Schemas;
using Devtools.Core.Storage.Tables;

namespace Devtools.Core.Protocols.Redis;

/// <summary>
/// Appends each Redis record as one redis_events row, straight into the Arrow column
/// builders: the texts were rendered and bounded by the parsers, so a row costs copies
/// and no allocation.
/// </summary>
/// <remarks>
/// time_ is when the row's last byte went by (the reply's; the command's when there is
/// no reply; the push's), so batches stay in time order; latency runs from the
/// command's first byte to the reply's last, and is 0 for rows without both.
/// </remarks>
public sealed class RedisEventsTableSink(Table<RedisEventsBuilder> table) : IRedisCommandSink
{
    public void Write(in RedisCommandRecord record)
    {
        RedisEventsBuilder b = table.Builder;
        ConnectionInfo c = record.Connection;
        b.Time.Append(MonotonicClock.ToUnixNs(record.EndNs));
        b.Upid.Append(c.Upid);
        b.RemoteAddr.Append(c.RemoteAddress);
        b.RemotePort.Append(c.RemotePort);
        b.LocalAddr.Append(c.LocalAddress);
        b.LocalPort.Append(c.LocalPort);
        b.TraceRole.Append((long)c.Role);
        b.Encrypted.Append(c.Encrypted);
        b.ReqCmd.Append(record.Command);
        b.ReqArgs.Append(record.Arguments);
        b.Resp.Append(record.Reply);
        b.Latency.Append(Math.Max(0, record.LatencyNs));
        table.CommitRow();
    }
}
