using Devtools.Core.Query.Common;
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
    public static List<HttpEvent> ReadAll(ITable httpEvents) =>
        EventRows.ReadAll(httpEvents, static (c, row) => new HttpEvent(
            c.Time(row),
            c.Upid(row),
            c.Text("remote_addr", row),
            c.Number("remote_port", row),
            c.Text("local_addr", row),
            c.Number("local_port", row),
            c.Number("trace_role", row),
            c.Flag("encrypted", row),
            c.Number("major_version", row),
            c.Number("minor_version", row),
            c.Number("content_type", row),
            c.Text("req_headers", row),
            c.Text("req_method", row),
            c.Text("req_path", row),
            c.Text("req_body", row),
            c.Number("req_body_size", row),
            c.Text("resp_headers", row),
            c.Number("resp_status", row),
            c.Text("resp_message", row),
            c.Text("resp_body", row),
            c.Number("resp_body_size", row),
            c.Number("latency", row)));
}
