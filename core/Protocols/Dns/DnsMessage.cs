using System.Buffers;

namespace Devtools.Core.Protocols.Dns;

/// <summary>What the capture could not see whole about a message.</summary>
[Flags]
public enum DnsMessageDefects : byte
{
    None = 0,

    /// <summary>
    /// Bytes of the message were not captured (a datagram beyond the capture cap, a lost event)
    /// or not kept (a TCP message beyond 16 KiB): its records end early.
    /// </summary>
    CaptureTruncated = 1,

    /// <summary>The message itself is broken after its question: a record does not parse, or the datagram ends inside one.</summary>
    Malformed = 2,

    /// <summary>Too little was captured to read the header and question: the message cannot be paired.</summary>
    Unreadable = 4,
}

/// <summary>
/// One DNS message (the frame of both directions): a copy of its bytes in a pooled buffer,
/// to be described when it is paired, and what pairing needs — the header and a key of the
/// first question.
/// </summary>
public struct DnsMessage : IFrame
{
    private byte[]? _buffer;
    private int _length;

    public long StartNs { get; set; }

    public long EndNs { get; set; }

    public DnsHeader Header { get; private set; }

    /// <summary>RCODE with the OPT record's extension (RFC 6891); the header's 4 bits without OPT.</summary>
    public int Rcode { get; private set; }

    public DnsMessageDefects Defects { get; internal set; }

    /// <summary>Hash of the first question (name ignoring case, type, class); 0 when there is none.</summary>
    internal ulong QuestionKey { get; private set; }

    /// <summary>The message bytes captured (all of them unless <see cref="DnsMessageDefects.CaptureTruncated"/>).</summary>
    public readonly ReadOnlySpan<byte> Bytes => _buffer is null ? default : _buffer.AsSpan(0, _length);

    /// <summary>Bytes copied so far (a TCP message arriving in pieces).</summary>
    internal readonly int Filled => _length;

    /// <summary>Room for <see cref="Filled"/> to grow to.</summary>
    internal readonly int Capacity => _buffer?.Length ?? 0;

    /// <summary>The UDP parser kept a message that ended early and waits to learn whether a capture hole follows.</summary>
    internal bool AwaitingEnd { get; set; }

    /// <summary>Takes a pooled buffer for a message of <paramref name="length"/> bytes.</summary>
    internal void Allocate(int length)
    {
        Release();
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(length, DnsHeader.Size));
        _length = 0;
    }

    /// <summary>Copies <paramref name="bytes"/> after what the buffer holds (within its capacity).</summary>
    internal void Append(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    /// <summary>Takes what a scan of the buffered bytes learned.</summary>
    internal void Describe(in DnsMessageSummary summary, DnsScanStatus status)
    {
        Header = summary.Header;
        Rcode = summary.Rcode;
        QuestionKey = summary.QuestionKey;
        if (status == DnsScanStatus.Malformed)
            Defects |= DnsMessageDefects.Malformed;
    }

    public void Release()
    {
        if (_buffer is not null)
            ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = null;
        _length = 0;
    }
}
