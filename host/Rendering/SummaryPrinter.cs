using System.Globalization;
using Devtools.Core.Capture;
using Devtools.Core.Capture.SocketTrace;
using Devtools.Core.Common;

namespace Devtools.Host.Rendering;

/// <summary>
/// The summary every capturing command ends with: what was captured and, as
/// prominently, what was lost and why. Written to stderr so stdout stays data.
/// </summary>
public static class SummaryPrinter
{
    public static void Print(CaptureSummary summary, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"capture summary ({summary.Duration.TotalSeconds:0.0} s)");
        output.WriteLine($"  events        {N(summary.Events)} ({Bytes(summary.CapturedBytes)} of payload)");
        foreach (TableSummary table in summary.Tables.Where(t => t.TotalRows > 0))
        {
            string evicted = table.EvictedRows > 0 ? $", {N(table.EvictedRows)} evicted to stay in memory budget" : string.Empty;
            output.WriteLine($"  {table.Name,-13} {N(table.TotalRows)} rows{evicted}");
        }

        IReadOnlyList<KeyValuePair<KernelDropReason, ulong>> drops = summary.KernelLosses;
        output.WriteLine(drops.Count == 0
            ? "  kernel drops  none"
            : "  kernel drops  " + string.Join(", ", drops.Select(d => $"{Describe(d.Key)} {N((long)d.Value)}")));
        if (summary.KernelDrops.GetValueOrDefault(KernelDropReason.RingBufferFullData) > 0)
            output.WriteLine("                (the ring buffer filled up: raise --ring-buffer, or narrow the capture with --pid)");

        output.WriteLine(
            $"  reassembly    lost {Bytes(summary.Counter("lost_bytes"))} in {N(summary.Counter("lost_gaps"))} gaps, " +
            $"not captured {Bytes(summary.Counter("filler_bytes") + summary.Counter("truncated_bytes"))} (sendfile, per-call cap), " +
            $"dropped {Bytes(summary.Counter("buffer_overflow_bytes"))} over buffer cap");
        output.WriteLine(
            $"  connections   {N(summary.Counter("connections_opened"))} seen, {N(summary.Counter("unknown_protocol_connections"))} of an unknown protocol " +
            $"({Bytes(summary.Counter("unknown_protocol_bytes"))} not parsed)");

        foreach (string protocol in summary.Protocols)
        {
            long C(string name) => summary.Counter($"{protocol}.{name}");
            output.WriteLine(
                $"  {protocol,-13} {N(C("records"))} records, {N(C("parse_errors"))} parse errors, {N(C("resyncs"))} resyncs, " +
                $"{N(C("frames_lost_to_gaps"))} messages lost to gaps, {N(C("unmatched_requests"))} requests without response, " +
                $"{N(C("unmatched_responses"))} responses without request");
        }
    }

    private static string Describe(KernelDropReason reason) => reason switch
    {
        KernelDropReason.RingBufferFullData => "data events lost (ring buffer full)",
        KernelDropReason.RingBufferFullControl => "open/close events lost (ring buffer full)",
        KernelDropReason.TruncatedCalls => "syscalls over the per-call cap",
        KernelDropReason.UserReadFailed => "payload copies failed",
        KernelDropReason.IovecLimit => "iovec arrays over the limit",
        KernelDropReason.InflightMapFull => "syscalls untraced (in-flight table full)",
        KernelDropReason.ConnectionMapFull => "connections untraced (connection table full)",
        _ => reason.ToString(),
    };

    internal static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    internal static string Bytes(long bytes) => ByteSize.Format(bytes);
}
