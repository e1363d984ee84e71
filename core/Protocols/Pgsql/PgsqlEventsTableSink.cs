using Devtools.Core.Common;
using Devtools.Core.Connections;
using Devtools.Core.Storage.Schemas;
using Devtools.Core.Storage.Tables;

namespace Devtools.Core.Protocols.Pgsql;

/// <summary>
/// Appends each PostgreSQL record as one pgsql_events row, straight into the Arrow column
/// builders (no allocation). time_ is when the answer completed; latency runs from the
/// request's first byte to the answer's last, as the traced process saw them.
/// </summary>
public sealed class PgsqlEventsTableSink(Table<PgsqlEventsBuilder> table) : IPgsqlRecordSink
{
    public void Write(in PgsqlRecord record)
    {
        PgsqlEventsBuilder b = table.Builder;
        ConnectionInfo c = record.Connection;
        b.Time.Append(MonotonicClock.ToUnixNs(record.ResponseEndNs));
        b.Upid.Append(c.Upid);
        b.RemoteAddr.Append(c.RemoteAddress);
        b.RemotePort.Append(c.RemotePort);
        b.LocalAddr.Append(c.LocalAddress);
        b.LocalPort.Append(c.LocalPort);
        b.TraceRole.Append((long)c.Role);
        b.Encrypted.Append(c.Encrypted);
        b.ReqCmd.Append(record.Command);
        b.Req.Append(record.Request);
        b.Resp.Append(record.Response);
        b.Latency.Append(Math.Max(0, record.LatencyNs));
        table.CommitRow();
    }
}
