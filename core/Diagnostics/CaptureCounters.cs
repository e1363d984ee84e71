using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Devtools.Core.Diagnostics;

/// <summary>
/// Everything the user-space pipeline counts, so that nothing is lost silently.
/// Written by the capture thread only; read by anyone (values may be a moment old).
/// </summary>
public sealed class CaptureCounters
{
    // Kernel events as read from the ring buffer.
    public long Events;
    public long DataEvents;
    public long CapturedBytes;
    public long OpenEvents;
    public long CloseEvents;
    public long MalformedEvents;

    // Reassembly.
    public long DuplicateEvents;
    public long OutOfOrderEvents;
    public long LostGaps;
    public long LostBytes;
    public long FillerBytes;
    public long TruncatedBytes;
    public long BufferOverflowBytes;

    // Connections.
    public long ConnectionsOpened;
    public long ConnectionsClosed;
    public long ConnectionsWithoutOpen;
    public long ConnectionsEvicted;
    public long UnknownProtocolConnections;
    public long UnknownProtocolBytes;

    private readonly ConcurrentDictionary<string, ProtocolCounters> _protocols = new(StringComparer.Ordinal);

    /// <summary>The counters of one protocol (created on first use).</summary>
    public ProtocolCounters Protocol(string name) => _protocols.GetOrAdd(name, static n => new ProtocolCounters(n));

    public IEnumerable<ProtocolCounters> Protocols => _protocols.Values.OrderBy(p => p.Name, StringComparer.Ordinal);

    /// <summary>Every user-space counter by name, for summaries and JSON output.</summary>
    public IReadOnlyList<KeyValuePair<string, long>> Snapshot()
    {
        var list = new List<KeyValuePair<string, long>>
        {
            new("events", Volatile.Read(ref Events)),
            new("data_events", Volatile.Read(ref DataEvents)),
            new("captured_bytes", Volatile.Read(ref CapturedBytes)),
            new("open_events", Volatile.Read(ref OpenEvents)),
            new("close_events", Volatile.Read(ref CloseEvents)),
            new("malformed_events", Volatile.Read(ref MalformedEvents)),
            new("duplicate_events", Volatile.Read(ref DuplicateEvents)),
            new("out_of_order_events", Volatile.Read(ref OutOfOrderEvents)),
            new("lost_gaps", Volatile.Read(ref LostGaps)),
            new("lost_bytes", Volatile.Read(ref LostBytes)),
            new("filler_bytes", Volatile.Read(ref FillerBytes)),
            new("truncated_bytes", Volatile.Read(ref TruncatedBytes)),
            new("buffer_overflow_bytes", Volatile.Read(ref BufferOverflowBytes)),
            new("connections_opened", Volatile.Read(ref ConnectionsOpened)),
            new("connections_closed", Volatile.Read(ref ConnectionsClosed)),
            new("connections_without_open", Volatile.Read(ref ConnectionsWithoutOpen)),
            new("connections_evicted", Volatile.Read(ref ConnectionsEvicted)),
            new("unknown_protocol_connections", Volatile.Read(ref UnknownProtocolConnections)),
            new("unknown_protocol_bytes", Volatile.Read(ref UnknownProtocolBytes)),
        };
        foreach (ProtocolCounters p in Protocols)
            list.AddRange(p.Snapshot());
        return list;
    }
}

/// <summary>What one protocol's parsers and stitcher did.</summary>
public sealed class ProtocolCounters(string name)
{
    public string Name { get; } = name;

    public long Connections;
    public long RequestFrames;
    public long ResponseFrames;
    public long Records;
    public long ParseErrors;
    public long Resyncs;
    public long ResyncSkippedBytes;
    /// <summary>Missing bytes a frame in progress stepped over (inside a body): no desync.</summary>
    public long AbsorbedHoleBytes;
    /// <summary>Frames abandoned because bytes they needed were missing.</summary>
    public long FramesLostToGaps;
    public long UnmatchedRequests;
    public long UnmatchedResponses;
    public long QueueOverflowFrames;
    /// <summary>Frames in progress when the connection closed that the close did not complete (a message cut short).</summary>
    public long IncompleteFramesAtClose;

    private readonly ConcurrentDictionary<string, StrongBox<long>> _specific = new(StringComparer.Ordinal);

    /// <summary>
    /// A counter only this protocol keeps (HTTP's informational responses, say), created
    /// on first use and reported by <see cref="Snapshot"/> as "name.counter". Look it up
    /// once and keep the box: incrementing its Value then costs what a field does.
    /// </summary>
    public StrongBox<long> Specific(string counter) => _specific.GetOrAdd(counter, static _ => new StrongBox<long>());

    public IEnumerable<KeyValuePair<string, long>> Snapshot()
    {
        string p = Name + ".";
        yield return new(p + "connections", Volatile.Read(ref Connections));
        yield return new(p + "request_frames", Volatile.Read(ref RequestFrames));
        yield return new(p + "response_frames", Volatile.Read(ref ResponseFrames));
        yield return new(p + "records", Volatile.Read(ref Records));
        yield return new(p + "parse_errors", Volatile.Read(ref ParseErrors));
        yield return new(p + "resyncs", Volatile.Read(ref Resyncs));
        yield return new(p + "resync_skipped_bytes", Volatile.Read(ref ResyncSkippedBytes));
        yield return new(p + "absorbed_hole_bytes", Volatile.Read(ref AbsorbedHoleBytes));
        yield return new(p + "frames_lost_to_gaps", Volatile.Read(ref FramesLostToGaps));
        yield return new(p + "unmatched_requests", Volatile.Read(ref UnmatchedRequests));
        yield return new(p + "unmatched_responses", Volatile.Read(ref UnmatchedResponses));
        yield return new(p + "queue_overflow_frames", Volatile.Read(ref QueueOverflowFrames));
        yield return new(p + "incomplete_frames_at_close", Volatile.Read(ref IncompleteFramesAtClose));
        foreach (KeyValuePair<string, StrongBox<long>> counter in _specific.OrderBy(c => c.Key, StringComparer.Ordinal))
            yield return new(p + counter.Key, Volatile.Read(ref counter.Value.Value));
    }
}
