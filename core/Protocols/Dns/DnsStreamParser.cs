using System.Buffers.Binary;

namespace Devtools.Core.Protocols.Dns;

/// <summary>
/// DNS over TCP: each message is preceded by its length in 2 bytes (RFC 1035 §4.2.2), so
/// pipelined queries and multi-message answers (zone transfers) split cleanly. A message
/// arriving in pieces is copied into its frame as it comes, so a capture hole inside it
/// can be stepped over: the message is kept as far as it was captured. At most
/// <see cref="MaxKeptBytes"/> of a message are kept (a record could not show more); the rest
/// is skipped and the message marked as cut.
/// </summary>
internal sealed class DnsStreamParser(DnsCounters counters) : IFrameParser<DnsMessage>
{
    /// <summary>Bytes of one message kept for its record: far more than its JSON can hold.</summary>
    public const int MaxKeptBytes = 16 * 1024;

    private int _prefixBytes;
    private int _expected;
    private bool _holeInside;
    private long _afterHole;

    public int MaxBoundaryLength => DnsInference.LengthPrefix + DnsHeader.Size;

    public ParseResult Parse(ReadOnlySpan<byte> data, ref DnsMessage frame, in ParseContext<DnsMessage> context)
    {
        if (_holeInside)
        {
            // Part of the message was not captured: keep what was, discard what follows the hole.
            long skip = _afterHole;
            Reset();
            DnsScanStatus cut = DnsMessageScanner.Scan(frame.Bytes, strict: false, out DnsMessageSummary partial);
            if (cut == DnsScanStatus.Invalid)
                frame.Defects |= DnsMessageDefects.Unreadable;
            else
                frame.Describe(partial, cut);
            frame.Defects |= DnsMessageDefects.CaptureTruncated;
            counters.CountDefects(frame.Defects);
            return ParseResult.Complete(0, skip);
        }

        int consumed = 0;
        if (_prefixBytes == 0 && data.Length >= DnsInference.LengthPrefix)
        {
            _expected = BinaryPrimitives.ReadUInt16BigEndian(data);
            _prefixBytes = consumed = DnsInference.LengthPrefix;
            if (_expected < DnsHeader.Size)
            {
                Reset();
                return ParseResult.Invalid(consumed);
            }
            frame.Allocate(Math.Min(_expected, MaxKeptBytes));
        }
        else if (_prefixBytes < DnsInference.LengthPrefix)
        {
            while (_prefixBytes < DnsInference.LengthPrefix && consumed < data.Length)
            {
                _expected = (_expected << 8) | data[consumed++];
                _prefixBytes++;
            }
            if (_prefixBytes < DnsInference.LengthPrefix)
                return ParseResult.NeedMoreData(consumed);
            if (_expected < DnsHeader.Size)
            {
                Reset();
                return ParseResult.Invalid(consumed);
            }
            frame.Allocate(Math.Min(_expected, MaxKeptBytes));
        }

        int kept = Math.Min(_expected, MaxKeptBytes);
        bool hadHeader = frame.Filled >= DnsHeader.Size;
        int take = Math.Min(kept - frame.Filled, data.Length - consumed);
        frame.Append(data.Slice(consumed, take));
        consumed += take;
        if (frame.Filled < kept)
        {
            // Do not trust the length of something that is not a DNS header: a desynchronised
            // stream would otherwise have its next 64 KiB swallowed as one message.
            if (!hadHeader && DnsHeader.TryRead(frame.Bytes, out DnsHeader header) && !DnsInference.IsPlausibleHeader(header, context.Kind))
            {
                Reset();
                return ParseResult.Invalid(consumed);
            }
            return ParseResult.NeedMoreData(consumed);
        }

        long rest = _expected - kept;
        Reset();
        DnsScanStatus status = DnsMessageScanner.Scan(frame.Bytes, strict: false, out DnsMessageSummary summary);
        if (status == DnsScanStatus.Invalid || !DnsInference.IsPlausibleHeader(summary.Header, context.Kind))
            return ParseResult.Invalid(consumed);
        if (rest > 0)
        {
            frame.Describe(summary, status == DnsScanStatus.Incomplete ? DnsScanStatus.Complete : status);
            frame.Defects |= DnsMessageDefects.CaptureTruncated;
        }
        else
        {
            // Every byte the length announced is here: records that run out are the sender's doing.
            frame.Describe(summary, status == DnsScanStatus.Incomplete ? DnsScanStatus.Malformed : status);
            counters.TrailingBytes.Value += summary.TrailingBytes;
        }
        counters.CountDefects(frame.Defects);
        return ParseResult.Complete(consumed, rest);
    }

    /// <summary>Inside a message of known length the hole is stepped over; inside the length prefix it cannot be.</summary>
    public long AbsorbHole(long count, ref DnsMessage frame)
    {
        if (_prefixBytes < DnsInference.LengthPrefix || _holeInside)
            return 0;
        long missing = _expected - frame.Filled;
        long absorbed = Math.Min(count, missing);
        _holeInside = true;
        _afterHole = missing - absorbed;
        return absorbed;
    }

    public int FindFrameBoundary(ReadOnlySpan<byte> data, in ParseContext<DnsMessage> context)
    {
        for (int i = 0; i + MaxBoundaryLength <= data.Length; i++)
        {
            if (DnsInference.IsPlausibleStreamBoundary(data[i..], context.Kind))
                return i;
        }
        return -1;
    }

    /// <summary>A message cut by the close is incomplete (counted by the driver).</summary>
    public bool TryCompleteAtEndOfStream(ref DnsMessage frame) => false;

    public void Reset()
    {
        _prefixBytes = 0;
        _expected = 0;
        _holeInside = false;
        _afterHole = 0;
    }
}
