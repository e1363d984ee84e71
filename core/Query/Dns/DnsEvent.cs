using Apache.Arrow;
using Apache.Arrow.Arrays;
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
    public static List<DnsEvent> ReadAll(ITable dnsEvents)
    {
        ArgumentNullException.ThrowIfNull(dnsEvents);
        var rows = new List<DnsEvent>();
        foreach (RowSelection selection in dnsEvents.ReadAfter(-1))
        {
            RecordBatch b = selection.RecordBatch;
            var time = (TimestampArray)b.Column("time_");
            var upid = (FixedSizeBinaryArray)b.Column("upid");
            StringArray S(string name) => (StringArray)b.Column(name);
            Int64Array I(string name) => (Int64Array)b.Column(name);
            foreach (int row in selection)
            {
                rows.Add(new DnsEvent(
                    time.GetValue(row) ?? 0,
                    Upid.ReadBigEndian(upid.GetBytes(row)),
                    S("remote_addr").GetString(row) ?? string.Empty,
                    I("remote_port").GetValue(row) ?? 0,
                    S("local_addr").GetString(row) ?? string.Empty,
                    I("local_port").GetValue(row) ?? 0,
                    I("trace_role").GetValue(row) ?? 0,
                    ((BooleanArray)b.Column("encrypted")).GetValue(row) ?? false,
                    S("req_header").GetString(row) ?? string.Empty,
                    S("req_body").GetString(row) ?? string.Empty,
                    S("resp_header").GetString(row) ?? string.Empty,
                    S("resp_body").GetString(row) ?? string.Empty,
                    I("latency").GetValue(row) ?? 0));
            }
        }
        return rows;
    }
}
