using System.Runtime.CompilerServices;

namespace Devtools.Core.Protocols.Http2.Grpc;

/// <summary>
/// Follows gRPC's message framing through one direction of a stream's body: each
/// message is a 1-byte compressed flag, a 4-byte big-endian length and that many bytes
/// (gRPC over HTTP/2, "Length-Prefixed-Message"). Only the 5-byte prefixes need to be
/// seen: the scanner says how many bytes can pass unseen (<see cref="SkippableBytes"/>),
/// so large messages are skipped, not read. Counts messages and keeps the first sizes.
/// </summary>
internal struct GrpcMessageScanner
{
    /// <summary>Message sizes kept for the record; later messages are only counted.</summary>
    public const int KeptSizes = 16;

    private long _remaining;     // payload bytes of the current message still to come
    private int _prefixFill;     // bytes of a 5-byte prefix seen so far
    private uint _length;        // message length being assembled from the prefix
    private SizeBuffer _sizes;

    /// <summary>Messages whose prefix was seen.</summary>
    public int Messages { get; private set; }

    /// <summary>Messages sent compressed (flag 1).</summary>
    public int CompressedMessages { get; private set; }

    /// <summary>Bytes were missed where a prefix was due: the counts stop being exact.</summary>
    public bool Lost { get; private set; }

    /// <summary>The body ended inside a message (or inside a prefix).</summary>
    public readonly bool InsideMessage => _remaining > 0 || _prefixFill > 0;

    /// <summary>Bytes that may pass without being looked at: the rest of the current message's payload.</summary>
    public readonly long SkippableBytes => Lost ? long.MaxValue : _prefixFill == 0 ? _remaining : 0;

    /// <summary>The size of message <paramref name="index"/> (0 ≤ index &lt; min(Messages, KeptSizes)).</summary>
    public readonly int Size(int index) => _sizes[index];

    public void Reset() => this = default;

    /// <summary>Reads the next bytes of the body.</summary>
    public void Feed(ReadOnlySpan<byte> data)
    {
        if (Lost)
            return;
        while (!data.IsEmpty)
        {
            if (_remaining > 0)
            {
                int skip = (int)Math.Min(_remaining, data.Length);
                _remaining -= skip;
                data = data[skip..];
                continue;
            }
            byte b = data[0];
            data = data[1..];
            if (_prefixFill == 0)
            {
                if (b > 1)
                {
                    // Not a compressed flag: this body is not gRPC framing after all.
                    Lost = true;
                    return;
                }
                if (b == 1)
                    CompressedMessages++;
                _length = 0;
            }
            else
            {
                _length = (_length << 8) | b;
            }
            if (++_prefixFill == 5)
            {
                _prefixFill = 0;
                _remaining = _length;
                if (Messages < KeptSizes)
                    _sizes[Messages] = (int)Math.Min(_length, int.MaxValue);
                Messages++;
            }
        }
    }

    /// <summary><paramref name="count"/> bytes passed that the scanner said it need not see.</summary>
    public void Skip(long count)
    {
        if (!Lost)
            _remaining -= Math.Min(_remaining, count);
    }

    /// <summary><paramref name="count"/> bytes of the body were not captured.</summary>
    public void Miss(long count)
    {
        if (count <= SkippableBytes)
            Skip(count);
        else
            Lost = true;
    }

    [InlineArray(KeptSizes)]
    private struct SizeBuffer
    {
        private int _element;
    }
}
