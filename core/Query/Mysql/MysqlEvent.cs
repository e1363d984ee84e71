using Apache.Arrow;
using Apache.Arrow.Arrays;
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
    public static List<MysqlEvent> ReadAll(ITable mysqlEvents)
    {
        ArgumentNullException.ThrowIfNull(mysqlEvents);
        var rows = new List<MysqlEvent>();
        foreach (RowSelection selection in mysqlEvents.ReadAfter(-1))
        {
            RecordBatch b = selection.RecordBatch;
            var time = (TimestampArray)b.Column("time_");
            var upid = (FixedSizeBinaryArray)b.Column("upid");
            StringArray S(string name) => (StringArray)b.Column(name);
            Int64Array I(string name) => (Int64Array)b.Column(name);
            foreach (int row in selection)
            {
                rows.Add(new MysqlEvent(
                    time.GetValue(row) ?? 0,
                    Upid.ReadBigEndian(upid.GetBytes(row)),
                    S("remote_addr").GetString(row) ?? string.Empty,
                    I("remote_port").GetValue(row) ?? 0,
                    S("local_addr").GetString(row) ?? string.Empty,
                    I("local_port").GetValue(row) ?? 0,
                    I("trace_role").GetValue(row) ?? 0,
                    ((BooleanArray)b.Column("encrypted")).GetValue(row) ?? false,
                    I("req_cmd").GetValue(row) ?? 0,
                    S("req_body").GetString(row) ?? string.Empty,
                    I("resp_status").GetValue(row) ?? 0,
                    S("resp_body").GetString(row) ?? string.Empty,
                    I("latency").GetValue(row) ?? 0));
            }
        }
        return rows;
    }
}
