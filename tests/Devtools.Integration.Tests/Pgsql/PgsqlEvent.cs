using Apache.Arrow;
using Apache.Arrow.Arrays;
using Devtools.Core.Capture;
using Devtools.Core.Storage;
using Devtools.Core.Storage.Tables;

namespace Devtools.Integration.Tests.Pgsql;

/// <summary>One pgsql_events row as plain values.</summary>
public sealed record PgsqlEvent(long TimeUnixNs, Upid Upid, string RemoteAddr, long RemotePort, string LocalAddr, long LocalPort, long TraceRole, string ReqCmd, string Req, string Resp, long LatencyNs)
{
    public string Describe() => $"{ReqCmd} [{Req}] -> [{Resp}]";

    public static List<PgsqlEvent> ReadAll(ITable table)
    {
        var rows = new List<PgsqlEvent>();
        foreach (RowSelection selection in table.ReadAfter(-1))
        {
            RecordBatch b = selection.RecordBatch;
            var time = (TimestampArray)b.Column("time_");
            var upid = (FixedSizeBinaryArray)b.Column("upid");
            StringArray S(string name) => (StringArray)b.Column(name);
            Int64Array I(string name) => (Int64Array)b.Column(name);
            foreach (int row in selection)
            {
                rows.Add(new PgsqlEvent(
                    time.GetValue(row) ?? 0,
                    Upid.ReadBigEndian(upid.GetBytes(row)),
                    S("remote_addr").GetString(row) ?? string.Empty,
                    I("remote_port").GetValue(row) ?? 0,
                    S("local_addr").GetString(row) ?? string.Empty,
                    I("local_port").GetValue(row) ?? 0,
                    I("trace_role").GetValue(row) ?? 0,
                    S("req_cmd").GetString(row) ?? string.Empty,
                    S("req").GetString(row) ?? string.Empty,
                    S("resp").GetString(row) ?? string.Empty,
                    I("latency").GetValue(row) ?? 0));
            }
        }
        return [.. rows.OrderBy(r => r.TimeUnixNs)];
    }

    /// <summary>Stops the capture and returns every pgsql_events row, asserting nothing was lost on the way.</summary>
    public static List<PgsqlEvent> StopAndRead(CaptureSession session)
    {
        CaptureSummary summary = session.Stop();
        Assert.Null(session.Fault);
        Assert.Equal(0UL, summary.DroppedEvents);
        return ReadAll(session.Tables.PgsqlEvents);
    }
}
