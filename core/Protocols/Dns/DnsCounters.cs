using System.Runtime.CompilerServices;
using Devtools.Core.Diagnostics;

namespace Devtools.Core.Protocols.Dns;

/// <summary>
/// DNS's own counters, next to the generic ones of <see cref="ProtocolCounters"/> (frames,
/// records, parse errors, unmatched queries and answers), so that nothing is dropped silently.
/// </summary>
internal sealed class DnsCounters(ProtocolCounters protocol)
{
    public ProtocolCounters Protocol { get; } = protocol;

    /// <summary>Queries sent again (same id and question) before the answer came: the answer pairs with the first.</summary>
    public StrongBox<long> Retransmissions { get; } = protocol.Specific("retransmissions");

    /// <summary>Answers to a query already answered (a server answering a retransmission too), not recorded again.</summary>
    public StrongBox<long> DuplicateResponses { get; } = protocol.Specific("duplicate_responses");

    /// <summary>Further messages of a multi-message answer over TCP (zone transfers), not recorded on their own.</summary>
    public StrongBox<long> ContinuationResponses { get; } = protocol.Specific("continuation_responses");

    /// <summary>Answers with the TC bit: cut to fit the transport; the client retries over TCP.</summary>
    public StrongBox<long> TruncatedResponses { get; } = protocol.Specific("truncated_responses");

    /// <summary>Messages whose bytes the capture did not get whole: their records end early.</summary>
    public StrongBox<long> CaptureTruncatedMessages { get; } = protocol.Specific("capture_truncated_messages");

    /// <summary>Messages whose question parsed but whose records are broken or cut short by the sender.</summary>
    public StrongBox<long> MalformedMessages { get; } = protocol.Specific("malformed_messages");

    /// <summary>Bytes after the last record of a message, ignored.</summary>
    public StrongBox<long> TrailingBytes { get; } = protocol.Specific("trailing_bytes");

    /// <summary>Pairs stitched while nobody wanted DNS records (no sink registered).</summary>
    public StrongBox<long> RecordsWithoutSink { get; } = protocol.Specific("records_without_sink");

    /// <summary>Counts the defects of a message that just completed.</summary>
    public void CountDefects(DnsMessageDefects defects)
    {
        if ((defects & DnsMessageDefects.CaptureTruncated) != 0)
            CaptureTruncatedMessages.Value++;
        else if ((defects & DnsMessageDefects.Malformed) != 0)
            MalformedMessages.Value++;
    }
}
