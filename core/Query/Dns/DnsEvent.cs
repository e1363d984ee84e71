using Devtools.Core.Query.Common;
using Devtools.Core.Storage;
using Devtools.Core.Storage.Tables;

namespace Devtools.Core.Query.Dns;

/// <summary>
/// One dns_events row as plain .NET values: for code that embeds the core and asserts on
/// the lookups it caused. Allocates per row; the hot paths read the Arrow columns directly.
/// </summary>
public sealed record DnsEvent(
    long TimeUnixNs,
    Upid Upid,
    string RemoteAddr,
    long RemotePort,
    string LocalAddr,
    long LocalPort,
    long TraceRole,
    bool Encrypted,
    string ReqHeader,
    string ReqBody,
    string RespHeader,
    string RespBody,
    long LatencyNs)
{
    /// <summary>Every row the table holds now, oldest first.</summary>
    public static List<DnsEvent> ReadAll(ITable dnsEvents) =>
        EventRows.ReadAll(dnsEvents, static (c, row) => new DnsEvent(
            c.Time(row),
            c.Upid(row),
            c.Text("remote_addr", row),
            c.Number("remote_port", row),
            c.Text("local_addr", row),
            c.Number("local_port", row),
            c.Number("trace_role", row),
            c.Flag("encrypted", row),
            c.Text("req_header", row),
            c.Text("req_body", row),
            c.Text("resp_header", row),
            c.Text("resp_body", row),
            c.Number("latency", row)));
}
