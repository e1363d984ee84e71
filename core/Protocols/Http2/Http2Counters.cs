using System.Runtime.CompilerServices;
using Devtools.Core.Diagnostics;

namespace Devtools.Core.Protocols.Http2;

/// <summary>
/// HTTP/2's own counters, next to the generic ones of <see cref="ProtocolCounters"/>
/// (there, request and response frames are HTTP/2 frames, a header block with its
/// CONTINUATIONs counting once), so that nothing is lost silently.
/// </summary>
internal sealed class Http2Counters(ProtocolCounters protocol)
{
    public ProtocolCounters Protocol { get; } = protocol;

    /// <summary>Streams recorded after both ends sent END_STREAM.</summary>
    public StrongBox<long> StreamsCompleted { get; } = protocol.Specific("streams_completed");

    /// <summary>Streams ended by RST_STREAM: recorded with what was known.</summary>
    public StrongBox<long> StreamsReset { get; } = protocol.Specific("streams_reset");

    /// <summary>Streams still open at the close that had a response: recorded with what was known.</summary>
    public StrongBox<long> StreamsCutByClose { get; } = protocol.Specific("streams_cut_by_close");

    /// <summary>Streams dropped unrecorded because the connection had too many open at once.</summary>
    public StrongBox<long> StreamsEvicted { get; } = protocol.Specific("streams_evicted");

    /// <summary>Frames for streams already closed (or never seen open), ignored.</summary>
    public StrongBox<long> FramesOnClosedStreams { get; } = protocol.Specific("frames_on_closed_streams");

    /// <summary>Header blocks HPACK could not decode: the direction's table is forgotten after each.</summary>
    public StrongBox<long> HpackErrors { get; } = protocol.Specific("hpack_errors");

    /// <summary>Header blocks missed (lost bytes, resynchronisation) or too large to decode.</summary>
    public StrongBox<long> HeaderBlocksLost { get; } = protocol.Specific("header_blocks_lost");

    /// <summary>Fields that referred to table entries never seen (a connection joined late, or after a loss).</summary>
    public StrongBox<long> UnknownFields { get; } = protocol.Specific("unknown_fields");

    /// <summary>Records whose headers are partly or wholly unknown (marked "devtools.headers":"lost").</summary>
    public StrongBox<long> RecordsWithLostHeaders { get; } = protocol.Specific("records_with_lost_headers");

    /// <summary>Decoded fields not kept: a message's field store was full.</summary>
    public StrongBox<long> DroppedFields { get; } = protocol.Specific("dropped_fields");

    /// <summary>1xx responses (100 Continue, 103 Early Hints) seen and dropped before the final response.</summary>
    public StrongBox<long> InformationalResponses { get; } = protocol.Specific("informational_responses");

    /// <summary>Frame types outside RFC 9113 (extensions), skipped.</summary>
    public StrongBox<long> UnknownFrameTypes { get; } = protocol.Specific("unknown_frame_types");

    /// <summary>gRPC bodies whose message framing was broken by missing bytes.</summary>
    public StrongBox<long> GrpcFramingLost { get; } = protocol.Specific("grpc_framing_lost");

    /// <summary>Connections taken over from HTTP/1 by an Upgrade: h2c.</summary>
    public StrongBox<long> H2cUpgrades { get; } = protocol.Specific("h2c_upgrades");

    /// <summary>Records stitched while nobody wanted HTTP records (no sink registered).</summary>
    public StrongBox<long> RecordsWithoutSink { get; } = protocol.Specific("records_without_sink");
}
