using System.Buffers;

namespace Devtools.Core.Protocols.Http2.Hpack;

/// <summary>
/// Reads the string literals (RFC 7541 §5.2) of one header block, in order. Decoding a
/// Huffman string is a chain of dependent table lookups, so when one is read and a later
/// string of the block is Huffman-coded too, the two are decoded together
/// (<see cref="HpackHuffman"/>'s two-string decode; the longest later string, which
/// saves the most) and the second is kept until its turn. The block is still read
/// strictly in order: a second string that fails to decode fails only when it is
/// reached, and one never reached (an earlier error) is never used. Secret values that
/// will be redacted are not chosen as second strings: they are not decoded at all
/// (<see cref="TryReadSecret"/>).
/// </summary>
internal sealed class HpackStringReader(bool redactSecrets) : IDisposable
{
    /// <summary>Strings shorter than this (encoded) decode alone: pairing would not pay for its look-ahead.</summary>
    private const int MinPairedBytes = 8;

    /// <summary>
    /// Strings looked at when choosing a partner: a real block has a handful, and the bound
    /// keeps a hostile block of thousands from costing a scan of the rest per string.
    /// </summary>
    private const int MaxPartnerCandidates = 8;

    /// <summary>Longest scheme word of credentials looked for ("AWS4-HMAC-SHA256 " is 17): past it the value is decoded whole.</summary>
    private const int MaxSchemeLength = 32;

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
        // A partner decoded ahead and not reached yet: this string, between the two, decodes alone.
        if (encodedLength >= MinPairedBytes && _aheadStart < start
            && FindPartner(block, pos, valueFollows, redactSecrets, out int nextStart, out int nextLength))
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

    /// <summary>
    /// Reads a secret value that redaction will replace: a Huffman-coded one is not
    /// decoded, except for its scheme word (through the space after it) when
    /// <paramref name="keepScheme"/>, so <paramref name="length"/> is 0 or the scheme's.
    /// A value with no space near its start is decoded whole (redaction shows none of it).
    /// A value sent raw, or already decoded with the string before it, is read as usual.
    /// </summary>
    public bool TryReadSecret(ReadOnlySpan<byte> block, ref int pos, Span<byte> destination, bool keepScheme, out int length)
    {
        length = 0;
        int next = pos;
        if (next >= block.Length || (block[next] & 0x80) == 0)
            return TryRead(block, ref pos, destination, valueFollows: false, out length);
        if (!HpackDecoder.TryReadInteger(block, ref next, 7, out int encodedLength) || encodedLength > block.Length - next)
            return false;
        if (next == _aheadStart)
            return TryRead(block, ref pos, destination, valueFollows: false, out length);
        ReadOnlySpan<byte> encoded = block.Slice(next, encodedLength);
        pos = next + encodedLength;
        if (!keepScheme)
            return true;
        length = HpackHuffman.DecodeThrough(encoded, destination[..Math.Min(destination.Length, MaxSchemeLength)], (byte)' ');
        if (length < 0)
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
    /// The string to decode together with the one that ends at <paramref name="pos"/>:
    /// the longest Huffman-coded string of at least <see cref="MinPairedBytes"/> among the
    /// next <see cref="MaxPartnerCandidates"/> strings of the block (pairing saves about
    /// the shorter string's time, so the longer the partner the better; strings in
    /// between decode on their own when reached). <paramref name="valueFollows"/>: the
    /// next string is the current literal's value. When <paramref name="skipSecrets"/>,
    /// values of unindexed literals with a static secret name are passed over: they will
    /// not be decoded. Read by the same rules as <see cref="HpackDecoder.Decode"/>; bytes
    /// that do not parse end the search (the decoder reports them when it gets there).
    /// False when no string qualifies.
    /// </summary>
    private static bool FindPartner(ReadOnlySpan<byte> block, int pos, bool valueFollows, bool skipSecrets, out int start, out int length)
    {
        start = 0;
        length = 0;
        int stringsInField = valueFollows ? 1 : 0;
        bool skipValue = false;
        int candidates = 0;
        while (pos < block.Length && candidates < MaxPartnerCandidates)
        {
            if (stringsInField > 0)
            {
                candidates++;
                bool huffman = (block[pos] & 0x80) != 0;
                if (!HpackDecoder.TryReadInteger(block, ref pos, 7, out int n) || n > block.Length - pos)
                    break;
                if (huffman && n >= MinPairedBytes && n > length && !(skipValue && stringsInField == 1))
                {
                    start = pos;
                    length = n;
                }
                pos += n;
                stringsInField--;
                continue;
            }
            byte first = block[pos];
            if ((first & 0x80) != 0)
            {
                if (!HpackDecoder.TryReadInteger(block, ref pos, 7, out _))
                    break;
            }
            else if ((first & 0x40) == 0 && (first & 0x20) != 0)
            {
                if (!HpackDecoder.TryReadInteger(block, ref pos, 5, out _))
                    break;
            }
            else
            {
                // A literal: its name index, then its strings (the name when new, and the value).
                bool added = (first & 0x40) != 0;
                if (!HpackDecoder.TryReadInteger(block, ref pos, added ? 6 : 4, out int nameIndex))
                    break;
                stringsInField = nameIndex == 0 ? 2 : 1;
                skipValue = skipSecrets && !added && nameIndex is > 0 and <= HpackStaticTable.Count
                    && HpackStaticTable.KnownName(nameIndex).IsSecret();
            }
        }
        return length > 0;
    }
}
