using System.Buffers;

namespace Devtools.Core.Protocols.Http2.Hpack;

/// <summary>
/// Reads the string literals (RFC 7541 §5.2) of one header block, in order. Decoding a
/// Huffman string is a chain of dependent table lookups, so when one is read and the
/// block's next string is Huffman-coded too, both are decoded together
/// (<see cref="HpackHuffman"/>'s two-string decode) and the second is kept until its
/// turn. The block is still read strictly in order: a second string that fails to decode
/// fails only when it is reached, and one never reached (an earlier error) is never used.
/// </summary>
internal sealed class HpackStringReader : IDisposable
{
    /// <summary>Strings shorter than this (encoded) decode alone: pairing would not pay for its look-ahead.</summary>
    private const int MinPairedBytes = 8;

    private byte[] _ahead = [];

    /// <summary>Where in the block the string decoded ahead starts (its encoded bytes, after the length); -1 for none.</summary>
    private int _aheadStart = -1;
    private int _aheadEncodedLength;

    /// <summary>What the string decoded ahead came to: its length, or -1 when it is not valid Huffman.</summary>
    private int _aheadLength;

    /// <summary>A new block: positions start over.</summary>
    public void StartBlock() => _aheadStart = -1;

    /// <summary>
    /// Reads the string at <paramref name="pos"/> into <paramref name="destination"/>.
    /// <paramref name="valueFollows"/>: this is a literal's name, its value string comes next.
    /// False when the string is malformed or does not fit.
    /// </summary>
    public bool TryRead(ReadOnlySpan<byte> block, ref int pos, Span<byte> destination, bool valueFollows, out int length)
    {
        length = 0;
        if (pos >= block.Length)
            return false;
        bool huffman = (block[pos] & 0x80) != 0;
        if (!HpackDecoder.TryReadInteger(block, ref pos, 7, out int encodedLength) || encodedLength > block.Length - pos)
            return false;
        int start = pos;
        ReadOnlySpan<byte> encoded = block.Slice(pos, encodedLength);
        pos += encodedLength;
        if (!huffman)
        {
            if (encoded.Length > destination.Length)
                return false;
            encoded.CopyTo(destination);
            length = encoded.Length;
            return true;
        }
        if (start == _aheadStart && encodedLength == _aheadEncodedLength)
        {
            _aheadStart = -1;
            if (_aheadLength < 0 || _aheadLength > destination.Length)
                return false;
            _ahead.AsSpan(0, _aheadLength).CopyTo(destination);
            length = _aheadLength;
            return true;
        }
        if (encodedLength >= MinPairedBytes
            && FindNextHuffmanString(block, pos, valueFollows, out int nextStart, out int nextLength)
            && nextLength >= MinPairedBytes)
        {
            int room = HpackHuffman.MaxDecodedLength(nextLength);
            if (_ahead.Length < room)
            {
                if (_ahead.Length > 0)
                    ArrayPool<byte>.Shared.Return(_ahead);
                _ahead = ArrayPool<byte>.Shared.Rent(Math.Max(room, 256));
            }
            HpackHuffman.Decode(encoded, destination, out length, block.Slice(nextStart, nextLength), _ahead.AsSpan(0, room), out _aheadLength);
            _aheadStart = nextStart;
            _aheadEncodedLength = nextLength;
            return length >= 0;
        }
        length = HpackHuffman.Decode(encoded, destination);
        return length >= 0;
    }

    public void Dispose()
    {
        if (_ahead.Length > 0)
            ArrayPool<byte>.Shared.Return(_ahead);
        _ahead = [];
        _aheadStart = -1;
    }

    /// <summary>
    /// The next string of the block after <paramref name="pos"/>, when it is Huffman-coded:
    /// the value right there when <paramref name="valueFollows"/>, else the first string
    /// of the next literal field, past any fields without strings. Read by the same rules
    /// as <see cref="HpackDecoder.Decode"/>, so it is the string the decoder reads next.
    /// </summary>
    private static bool FindNextHuffmanString(ReadOnlySpan<byte> block, int pos, bool valueFollows, out int start, out int length)
    {
        start = 0;
        length = 0;
        while (!valueFollows)
        {
            if (pos >= block.Length)
                return false;
            byte first = block[pos];
            if ((first & 0x80) != 0)
            {
                if (!HpackDecoder.TryReadInteger(block, ref pos, 7, out _))
                    return false;
            }
            else if ((first & 0x40) == 0 && (first & 0x20) != 0)
            {
                if (!HpackDecoder.TryReadInteger(block, ref pos, 5, out _))
                    return false;
            }
            else
            {
                // A literal: its name index, then its first string (the name when new, else the value).
                if (!HpackDecoder.TryReadInteger(block, ref pos, (first & 0x40) != 0 ? 6 : 4, out _))
                    return false;
                valueFollows = true;
            }
        }
        if (pos >= block.Length || (block[pos] & 0x80) == 0)
            return false;
        if (!HpackDecoder.TryReadInteger(block, ref pos, 7, out length) || length > block.Length - pos)
            return false;
        start = pos;
        return true;
    }
}
