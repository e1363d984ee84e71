using System.Text.Json;
using Devtools.Core.Capture;
using Devtools.Core.Capture.SocketTrace;
using Devtools.Core.Profiling.EventPipe;
using Devtools.Core.Profiling.EventPipe.Requests;
using Devtools.Core.Storage;
using Devtools.Lsp.Protocol;

namespace Devtools.Lsp.Runtime;

/// <summary>
/// Turns what a capture counted into the <see cref="CaptureLosses"/> the editor shows: the same
/// losses the CLI's capture summary prints (kernel drops by reason, bytes lost in gaps or not
/// captured, parse errors, resyncs, unmatched messages, evicted rows), plus what an EventPipe
/// session can tell (events the runtime dropped, samples over the stack limit, requests it
/// could not record). Only non-zero counters are kept.
/// </summary>
public sealed class LossReport
{
    /// <summary>What an EventPipe session cannot tell, whatever its counters say.</summary>
    public const string EventPipeNotKnown =
        "EventPipe counts the events the runtime dropped, not which: the requests and samples they carried are not known";

    private readonly List<LossCounter> _counters = [];
    private readonly List<string> _notKnown = [];

    /// <summary>The losses of an eBPF capture (<see cref="CaptureSession.Summary"/>), its tables included.</summary>
    public LossReport AddCapture(CaptureSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        foreach ((KernelDropReason reason, ulong value) in summary.KernelLosses)
            Add("kernel." + JsonNamingPolicy.SnakeCaseLower.ConvertName(reason.ToString()), (long)Math.Min(value, long.MaxValue), Describe(reason));
        Add("malformed_events", summary.Counter("malformed_events"), "malformed events from the kernel");
        long gaps = summary.Counter("lost_gaps");
        Add("lost_bytes", summary.Counter("lost_bytes"), $"lost in {gaps} {(gaps == 1 ? "gap" : "gaps")}", "bytes");
        Add("not_captured_bytes", summary.Counter("filler_bytes") + summary.Counter("truncated_bytes"), "not captured (sendfile, per-call cap)", "bytes");
        Add("buffer_overflow_bytes", summary.Counter("buffer_overflow_bytes"), "dropped over the reassembly buffer cap", "bytes");
        foreach (string protocol in summary.Protocols)
        {
            long C(string name) => summary.Counter($"{protocol}.{name}");
            Add($"{protocol}.parse_errors", C("parse_errors"), $"{protocol} parse errors");
            Add($"{protocol}.resyncs", C("resyncs"), $"{protocol} resyncs");
            Add($"{protocol}.resync_skipped_bytes", C("resync_skipped_bytes"), $"skipped by {protocol} resyncs", "bytes");
            Add($"{protocol}.frames_lost_to_gaps", C("frames_lost_to_gaps"), $"{protocol} messages lost to gaps");
            Add($"{protocol}.unmatched_requests", C("unmatched_requests"), $"{protocol} requests without a response");
            Add($"{protocol}.unmatched_responses", C("unmatched_responses"), $"{protocol} responses without a request");
            Add($"{protocol}.queue_overflow_frames", C("queue_overflow_frames"), $"{protocol} messages dropped (pending queue full)");
            Add($"{protocol}.incomplete_frames_at_close", C("incomplete_frames_at_close"), $"{protocol} messages cut short at close");
        }
        return AddTables(summary.Tables);
    }

    /// <summary>Rows the store's tables evicted to stay within their memory budget.</summary>
    public LossReport AddTables(TableStore tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        return AddTables(tables.All.Select(TableSummary.Of));
    }

    /// <summary>Rows tables evicted to stay within their memory budget.</summary>
    public LossReport AddTables(IEnumerable<TableSummary> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        foreach (TableSummary table in tables.OrderBy(t => t.Name, StringComparer.Ordinal))
            Add("evicted_rows." + table.Name, table.EvictedRows, $"{table.Name} rows evicted (memory budget)");
        return this;
    }

    /// <summary>What an EventPipe session counted: its profiler and, when it records requests, its request recorder.</summary>
    public LossReport AddEventPipe(ManagedProfilerStatistics statistics, ManagedRequestCounters? requests)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        Add("eventpipe.events_lost", statistics.EventsLost, "events dropped by the runtime (EventPipe buffer full)");
        Add("eventpipe.dropped_samples", statistics.DroppedSamples, "CPU samples dropped (distinct-stack limit)");
        if (requests is { } r)
        {
            Add("eventpipe.requests_without_start", r.StopsWithoutStart, "requests without a start event (in flight at attach, or the event was lost)");
            Add("eventpipe.requests_not_recorded", r.SkippedPending, "requests not recorded (too many in flight)");
            Add("eventpipe.requests_without_status", r.RowsWithoutStatus, "requests recorded without a status");
            Add("eventpipe.connections_forgotten", r.ForgottenConnections, "connections whose addresses were forgotten (table full)");
        }
        NotKnown(EventPipeNotKnown);
        return this;
    }

    /// <summary>Something this source cannot tell (said once).</summary>
    public LossReport NotKnown(string what)
    {
        if (!_notKnown.Contains(what))
            _notKnown.Add(what);
        return this;
    }

    public CaptureLosses Build(string scope) => new(
        _counters.Where(c => c.Unit != "bytes").Sum(c => c.Value),
        _counters.Where(c => c.Unit == "bytes").Sum(c => c.Value),
        [.. _counters],
        scope,
        [.. _notKnown]);

    /// <summary>A source that reports nothing about its losses.</summary>
    public static CaptureLosses Unknown(string scope, string why) => new LossReport().NotKnown(why).Build(scope);

    private void Add(string name, long value, string label, string unit = "count")
    {
        if (value > 0)
            _counters.Add(new LossCounter(name, value, label, unit));
    }

    private static string Describe(KernelDropReason reason) => reason switch
    {
        KernelDropReason.RingBufferFullData => "data events dropped by the kernel (ring buffer full)",
        KernelDropReason.RingBufferFullControl => "open/close events dropped by the kernel (ring buffer full)",
        KernelDropReason.TruncatedCalls => "syscalls over the per-call capture cap",
        KernelDropReason.UserReadFailed => "payload copies that failed in the kernel",
        KernelDropReason.IovecLimit => "iovec arrays over the limit",
        KernelDropReason.InflightMapFull => "syscalls untraced (in-flight table full)",
        KernelDropReason.ConnectionMapFull => "connections untraced (connection table full)",
        _ => $"kernel drops ({reason})",
    };
}
