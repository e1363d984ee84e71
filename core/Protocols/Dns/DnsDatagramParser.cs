namespace Devtools.Core.Protocols.Dns;

/// <summary>
/// DNS over UDP: one message per datagram. The flow's streams are in datagram mode, so
/// each call sees at most one datagram, whole or as its captured part followed by a hole.
/// </summary>
/// <remarks>
/// A datagram whose records end early is either cut by the capture (a hole follows: its
/// true length was beyond the cap) or broken as sent (the next datagram follows). The parser
/// keeps it and answers NeedMoreData, so the driver tells it which with the next thing in
/// the stream: a hole (<see cref="AbsorbHole"/>) or bytes.
/// </remarks>
internal sealed class DnsDatagramParser(DnsCounters counters) : IFrameParser<DnsMessage>
{
    public int MaxBoundaryLength => 0;

    public ParseResult Parse(ReadOnlySpan<byte> data, ref DnsMessage frame, in ParseContext<DnsMessage> context)
    {
        if (frame.AwaitingEnd)
        {
            frame.AwaitingEnd = false;
            if ((frame.Defects & DnsMessageDefects.CaptureTruncated) == 0)
                frame.Defects |= DnsMessageDefects.Malformed;
            counters.CountDefects(frame.Defects);
            return ParseResult.Complete(0);
        }
        if (data.IsEmpty)
            return ParseResult.NeedMoreData();

        DnsScanStatus status = DnsMessageScanner.Scan(data, strict: false, out DnsMessageSummary summary);
        if (status == DnsScanStatus.Invalid)
            return ParseResult.Invalid(data.Length);
        frame.Allocate(data.Length);
        frame.Append(data);
        frame.Describe(summary, status);
        if (status == DnsScanStatus.Incomplete)
        {
            frame.AwaitingEnd = true;
            return ParseResult.NeedMoreData(data.Length);
        }
        counters.TrailingBytes.Value += summary.TrailingBytes;
        counters.CountDefects(frame.Defects);
        return ParseResult.Complete(data.Length);
    }

    /// <summary>A hole right after a datagram that ended early: the rest of it was not captured.</summary>
    public long AbsorbHole(long count, ref DnsMessage frame)
    {
        if (!frame.AwaitingEnd)
            return 0;
        frame.Defects |= DnsMessageDefects.CaptureTruncated;
        return count;
    }

    /// <summary>Every datagram starts a message.</summary>
    public int FindFrameBoundary(ReadOnlySpan<byte> data, in ParseContext<DnsMessage> context) => data.IsEmpty ? -1 : 0;

    public bool TryCompleteAtEndOfStream(ref DnsMessage frame)
    {
        if (!frame.AwaitingEnd)
            return false;
        frame.AwaitingEnd = false;
        frame.Defects |= DnsMessageDefects.Malformed;
        counters.CountDefects(frame.Defects);
        return true;
    }

    public void Reset()
    {
    }
}
