using System.Runtime.CompilerServices;
using Devtools.Core.Diagnostics;

namespace Devtools.Core.Protocols.Http1;

/// <summary>
/// HTTP/1's own counters, next to the generic ones of <see cref="ProtocolCounters"/>
/// (frames, records, parse errors, gaps), so that nothing is dropped silently.
/// </summary>
internal sealed class Http1Counters(ProtocolCounters protocol)
{
    public ProtocolCounters Protocol { get; } = protocol;

    /// <summary>1xx responses (other than 101) seen and dropped: they answer no request on their own.</summary>
    public StrongBox<long> InformationalResponses { get; } = protocol.Specific("informational_responses");

    /// <summary>Connections where HTTP/1 ended: 101 Switching Protocols or a CONNECT tunnel.</summary>
    public StrongBox<long> ProtocolSwitches { get; } = protocol.Specific("protocol_switches");

    /// <summary>Upgrade exchanges the new protocol records instead of HTTP/1 (h2c: stream 1).</summary>
    public StrongBox<long> ExchangesHandedOver { get; } = protocol.Specific("exchanges_handed_over");

    /// <summary>Bytes that followed a protocol switch and were not parsed as HTTP/1.</summary>
    public StrongBox<long> BytesAfterSwitch { get; } = protocol.Specific("bytes_after_switch");

    /// <summary>Heads (or head plus trailers) longer than ProtocolOptions.MaxHeadBytes, rejected.</summary>
    public StrongBox<long> OversizedHeads { get; } = protocol.Specific("oversized_heads");

    /// <summary>Messages rejected for their framing: bad or conflicting Content-Length, bad Transfer-Encoding, bad chunks.</summary>
    public StrongBox<long> InvalidFraming { get; } = protocol.Specific("invalid_framing");

    /// <summary>Messages whose body had bytes stepped over (not captured): the record has a shorter prefix.</summary>
    public StrongBox<long> BodiesWithGaps { get; } = protocol.Specific("bodies_with_gaps");

    /// <summary>Pairs stitched while nobody wanted HTTP records (no sink registered).</summary>
    public StrongBox<long> RecordsWithoutSink { get; } = protocol.Specific("records_without_sink");
}
