using Devtools.Core.Common;
using Devtools.Core.Connections;
using Devtools.Core.Storage.Schemas;
using Devtools.Core.Storage.Tables;

namespace Devtools.Core.Protocols.Mysql;

/// <summary>
/// Appends each MySQL command as one mysql_events row, straight into the Arrow column
/// builders, so a row costs no allocation. time_ is when the response completed (for a
/// command without response, when the command did); latency runs from the command's first
/// byte to the response's last.
/// </summary>
public sealed class MysqlEventsTableSink(Table<MysqlEventsBuilder> table) : IMysqlRecordSink
{
    public void Write(in MysqlRecord record)
    {
        MysqlEventsBuilder b = table.Builder;
        MysqlRecord r = record;
        ConnectionInfo c = r.Connection;
        b.Time.Append(MonotonicClock.ToUnixNs(r.ResponseEndNs));
        b.Upid.Append(c.Upid);
        b.RemoteAddr.Append(c.RemoteAddress);
        b.RemotePort.Append(c.RemotePort);
        b.LocalAddr.Append(c.LocalAddress);
        b.LocalPort.Append(c.LocalPort);
        b.TraceRole.Append((long)c.Role);
        b.Encrypted.Append(c.Encrypted);
        b.ReqCmd.Append((long)r.Command);
        b.ReqBody.Append(r.RequestBody);
        b.RespStatus.Append((long)r.Status);
        b.RespBody.Append(r.ResponseBody);
        b.Latency.Append(Math.Max(0, r.LatencyNs));
        table.CommitRow();
    }
}
