using Apache.Arrow;
using Apache.Arrow.Arrays;
using Devtools.Core.Storage;
using Devtools.Core.Storage.Tables;

namespace Devtools.Core.Query.Http;

/// <summary>
/// One http_events row as plain .NET values: for code that embeds the core and
/// asserts on the traffic it produced ("this endpoint answered 201 in under 5 ms").
/// Allocates per row; the hot paths read the Arrow columns directly.
/// </summary>
public sealed record HttpEvent(
    long TimeUnixNs,
    Upid Upid,
    string RemoteAddr,
    long RemotePort,
    string LocalAddr,
    long LocalPort,
    long TraceRole,
    bool Encrypted,
    long MajorVersion,
    long MinorVersion,
    long ContentType,
    string ReqHeaders,
    string ReqMethod,
    string ReqPath,
    string ReqBody,
    long ReqBodySize,
    string RespHeaders,
    long RespStatus,
    string RespMessage,
    string RespBody,
    long RespBodySize,
    long LatencyNs)
{
    /// <summary>Every row the table holds now, oldest first.</summary>
    public static List<HttpEvent> ReadAll(ITable httpEvents)
    {
        var rows = new List<HttpEvent>();
        foreach (RowSelection selection in httpEvents.ReadAfter(-1))
        {
            RecordBatch b = selection.RecordBatch;
            var time = (TimestampArray)b.Column("time_");
            var upid = (FixedSizeBinaryArray)b.Column("upid");
            StringArray S(string name) => (StringArray)b.Column(name);
            Int64Array I(string name) => (Int64Array)b.Column(name);
            foreach (int row in selection)
            {
                rows.Add(new HttpEvent(
                    time.GetValue(row) ?? 0,
                    Upid.ReadBigEndian(upid.GetBytes(row)),
                    S("remote_addr").GetString(row) ?? string.Empty,
                    I("remote_port").GetValue(row) ?? 0,
                    S("local_addr").GetString(row) ?? string.Empty,
                    I("local_port").GetValue(row) ?? 0,
                    I("trace_role").GetValue(row) ?? 0,
                    ((BooleanArray)b.Column("encrypted")).GetValue(row) ?? false,
                    I("major_version").GetValue(row) ?? 0,
                    I("minor_version").GetValue(row) ?? 0,
                    I("content_type").GetValue(row) ?? 0,
                    S("req_headers").GetString(row) ?? string.Empty,
                    S("req_method").GetString(row) ?? string.Empty,
                    S("req_path").GetString(row) ?? string.Empty,
                    S("req_body").GetString(row) ?? string.Empty,
                    I("req_body_size").GetValue(row) ?? 0,
                    S("resp_headers").GetString(row) ?? string.Empty,
                    I("resp_status").GetValue(row) ?? 0,
                    S("resp_message").GetString(row) ?? string.Empty,
                    S("resp_body").GetString(row) ?? string.Empty,
                    I("resp_body_size").GetValue(row) ?? 0,
                    I("latency").GetValue(row) ?? 0));
            }
        }
        return rows;
    }
}
