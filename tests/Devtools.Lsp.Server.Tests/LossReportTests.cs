using System.Text.Json;
using Devtools.Core.Capture;
using Devtools.Core.Capture.SocketTrace;
using Devtools.Core.Profiling.EventPipe;
using Devtools.Core.Profiling.EventPipe.Requests;
using Devtools.Lsp.Protocol;
using Devtools.Lsp.Runtime;
using Devtools.Lsp.Workspace;

namespace Devtools.Lsp.Server.Tests;

/// <summary>
/// From a capture's counters to the <c>losses</c> of the bridge's state: only non-zero counters,
/// named and labelled, bytes apart from counts; the kernel's byte companions of drops are not
/// counted twice, and counters that are not losses (events, records, idle evictions) stay out.
/// </summary>
public sealed class LossReportTests
{
    private static CaptureSummary Summary(
        IReadOnlyDictionary<KernelDropReason, ulong>? drops = null,
        IReadOnlyList<KeyValuePair<string, long>>? counters = null,
        IReadOnlyList<TableSummary>? tables = null) =>
        new(TimeSpan.FromSeconds(10), 1000, 1 << 20, drops ?? new Dictionary<KernelDropReason, ulong>(), counters ?? [], tables ?? []);

    [Fact]
    public void A_clean_capture_lost_nothing()
    {
        CaptureSummary clean = Summary(
            new Dictionary<KernelDropReason, ulong> { [KernelDropReason.RingBufferFullData] = 0, [KernelDropReason.ConnectionMapFull] = 0 },
            [new("events", 1000), new("captured_bytes", 1 << 20), new("connections_evicted", 3), new("http.records", 40), new("http.parse_errors", 0)],
            [new TableSummary("http_events", 40, 40, 4096, 0)]);
        CaptureLosses losses = new LossReport().AddCapture(clean).Build("process");
        Assert.Empty(losses.Counters);
        Assert.Equal(0, losses.Total);
        Assert.Equal(0, losses.Bytes);
        Assert.Equal("process", losses.Scope);
        Assert.Empty(losses.NotKnown);
    }

    [Fact]
    public void Capture_counters_map_to_named_labelled_losses()
    {
        CaptureSummary lossy = Summary(
            new Dictionary<KernelDropReason, ulong>
            {
                [KernelDropReason.RingBufferFullData] = 12,
                [KernelDropReason.RingBufferFullDataBytes] = 99_999, // the bytes of those 12: in lost_bytes already
                [KernelDropReason.ConnectionMapFull] = 2,
                [KernelDropReason.TruncatedBytes] = 5000, // in truncated_bytes already
            },
            [
                new("events", 1000), new("lost_gaps", 3), new("lost_bytes", 4096), new("filler_bytes", 1000), new("truncated_bytes", 24),
                new("malformed_events", 1), new("connections_evicted", 7), new("unknown_protocol_bytes", 800),
                new("http.records", 40), new("http.parse_errors", 2), new("http.resyncs", 1), new("http.resync_skipped_bytes", 100),
                new("http.unmatched_requests", 4), new("http.unmatched_responses", 0), new("http.frames_lost_to_gaps", 1),
                new("pgsql.records", 5), new("pgsql.unmatched_responses", 3),
            ],
            [new TableSummary("http_events", 100, 60, 4096, 40), new TableSummary("dns_events", 0, 0, 0, 0)]);

        CaptureLosses losses = new LossReport().AddCapture(lossy).Build("node");

        Assert.Equal(
            [
                "kernel.ring_buffer_full_data", "kernel.connection_map_full", "malformed_events", "lost_bytes", "not_captured_bytes",
                "http.parse_errors", "http.resyncs", "http.resync_skipped_bytes", "http.frames_lost_to_gaps", "http.unmatched_requests",
                "pgsql.unmatched_responses", "evicted_rows.http_events",
            ],
            losses.Counters.Select(c => c.Name));
        LossCounter Get(string name) => losses.Counters.Single(c => c.Name == name);
        Assert.Equal(12, Get("kernel.ring_buffer_full_data").Value);
        Assert.Equal("data events dropped by the kernel (ring buffer full)", Get("kernel.ring_buffer_full_data").Label);
        Assert.Equal(new LossCounter("lost_bytes", 4096, "lost in 3 gaps", "bytes"), Get("lost_bytes"));
        Assert.Equal(new LossCounter("not_captured_bytes", 1024, "not captured (sendfile, per-call cap)", "bytes"), Get("not_captured_bytes"));
        Assert.Equal("http parse errors", Get("http.parse_errors").Label);
        Assert.Equal("pgsql responses without a request", Get("pgsql.unmatched_responses").Label);
        Assert.Equal(new LossCounter("evicted_rows.http_events", 40, "http_events rows evicted (memory budget)"), Get("evicted_rows.http_events"));
        // Counts and bytes are summed apart: 12 + 2 + 1 + 2 + 1 + 1 + 4 + 3 + 40 events/messages/rows; 4096 + 1024 + 100 bytes.
        Assert.Equal(66, losses.Total);
        Assert.Equal(5220, losses.Bytes);
        Assert.Equal("node", losses.Scope);
    }

    [Fact]
    public void EventPipe_counters_map_to_losses_and_say_what_is_not_known()
    {
        var statistics = new ManagedProfilerStatistics(TimeSpan.FromSeconds(5), 500, 400, 100, 0, DroppedSamples: 7, 10, 100, 90, TimeSpan.Zero, 1, 3, EventsLost: 25);
        var requests = new ManagedRequestCounters(Rows: 100, RowsWithoutStatus: 2, StopsWithoutStart: 1, SkippedPending: 0, ForgottenConnections: 0);
        CaptureLosses losses = new LossReport().AddEventPipe(statistics, requests).Build("process");
        Assert.Equal(
            ["eventpipe.events_lost", "eventpipe.dropped_samples", "eventpipe.requests_without_start", "eventpipe.requests_without_status"],
            losses.Counters.Select(c => c.Name));
        Assert.Equal(25 + 7 + 1 + 2, losses.Total);
        Assert.Equal(0, losses.Bytes);
        Assert.Equal([LossReport.EventPipeNotKnown], losses.NotKnown);

        CaptureLosses clean = new LossReport()
            .AddEventPipe(statistics with { DroppedSamples = 0, EventsLost = 0 }, new ManagedRequestCounters(100, 0, 0, 0, 0))
            .Build("process");
        Assert.Empty(clean.Counters);
        Assert.Equal([LossReport.EventPipeNotKnown], clean.NotKnown);
    }

    [Fact]
    public void Losses_travel_in_the_state_as_camel_case_json_and_read_briefly()
    {
        CaptureLosses losses = new LossReport()
            .AddCapture(Summary(new Dictionary<KernelDropReason, ulong> { [KernelDropReason.RingBufferFullData] = 1200 }, [new("lost_gaps", 1), new("lost_bytes", 2048), new("http.records", 1), new("http.parse_errors", 3)]))
            .Build("process");
        var state = new AttachState(true, 42, "shop", "ebpf", Losses: losses);
        JsonElement json = JsonSerializer.SerializeToElement(state, Json.Options);
        JsonElement l = json.GetProperty("losses");
        Assert.Equal(1203, l.GetProperty("total").GetInt64());
        Assert.Equal(2048, l.GetProperty("bytes").GetInt64());
        Assert.Equal("process", l.GetProperty("scope").GetString());
        JsonElement first = l.GetProperty("counters")[0];
        Assert.Equal("kernel.ring_buffer_full_data", first.GetProperty("name").GetString());
        Assert.Equal(1200, first.GetProperty("value").GetInt64());
        Assert.Equal("count", first.GetProperty("unit").GetString());
        Assert.Equal("lost in 1 gap", l.GetProperty("counters")[1].GetProperty("label").GetString());

        Assert.Equal("capture lost data: 1,200 data events dropped by the kernel (ring buffer full), 2.0 KiB lost in 1 gap, and 1 more", Format.LossSummary(losses));
        Assert.Null(Format.LossSummary(new LossReport().Build("process")));
        Assert.Null(Format.LossSummary(null));
        // A detached state has no losses at all.
        Assert.False(JsonSerializer.SerializeToElement(new AttachState(false), Json.Options).TryGetProperty("losses", out _));
    }

    [Fact]
    public void A_hover_built_from_a_lossy_capture_says_so_and_a_clean_one_does_not()
    {
        const string path = "/x/Program.cs";
        using var index = new WorkspaceIndex(new SimpleSourceModel());
        index.Open(new Uri(path).AbsoluteUri, "var app = WebApplication.Create();\napp.MapGet(\"/orders/{id:int}\", (int id) => id);\n");
        long now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        LiveSnapshot live = LiveSnapshot.Build(index, [new RequestRow(now - 1000, "GET", "/orders/1", 200, 3.5)], null, TimeSpan.FromSeconds(60), now - 5000, now);
        CaptureLosses lossy = new LossReport()
            .AddCapture(Summary(counters: [new("http.records", 1), new("http.parse_errors", 3), new("http.unmatched_requests", 2), new("lost_gaps", 1), new("lost_bytes", 100)]))
            .Build("process");

        string markdown = Presenter.Hover(path, new Position(1, 4), index, live, attached: true, lossy)!.Contents.Value;
        Assert.StartsWith("**GET /orders/{id}** · 1 requests in the last 60 s", markdown);
        Assert.EndsWith("\n\n⚠ *capture lost data: 100 B lost in 1 gap, 3 http parse errors, and 1 more — these numbers may be low.*\n", markdown);

        string clean = Presenter.Hover(path, new Position(1, 4), index, live, attached: true, new LossReport().AddCapture(Summary()).Build("process"))!.Contents.Value;
        Assert.DoesNotContain("lost", clean, StringComparison.Ordinal);
        // Nothing to hover over: no hover just to say the capture lost data.
        Assert.Null(Presenter.Hover(path, new Position(0, 2), index, live, attached: true, lossy));
    }
}
