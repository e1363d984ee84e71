using Devtools.Core.Query.Common;
using Devtools.Core.Storage;
using Devtools.Core.Storage.Tables;

namespace Devtools.Core.Query.Mysql;

/// <summary>
/// One mysql_events row as plain .NET values: for code that embeds the core and asserts on
/// the queries it produced. Allocates per row; the hot paths read the Arrow columns directly.
/// </summary>
public sealed record MysqlEvent(
    long TimeUnixNs,
    Upid Upid,
    string RemoteAddr,
    long RemotePort,
    string LocalAddr,
    long LocalPort,
    long TraceRole,
    bool Encrypted,
    long ReqCmd,
    string ReqBody,
    long RespStatus,
    string RespBody,
    long LatencyNs)
{
    /// <summary>Every row the table holds now, oldest first.</summary>
    public static List<MysqlEvent> ReadAll(ITable mysqlEvents) =>
        EventRows.ReadAll(mysqlEvents, static (c, row) => new MysqlEvent(
            c.Time(row),
            c.Upid(row),
            c.Text("remote_addr", row),
            c.Number("remote_port", row),
            c.Text("local_addr", row),
            c.Number("local_port", row),
            c.Number("trace_role", row),
            c.Flag("encrypted", row),
            c.Number("req_cmd", row),
            c.Text("req_body", row),
            c.Number("resp_status", row),
            c.Text("resp_body", row),
            c.Number("latency", row)));
}
