using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Text;

namespace Devtools.Core.Protocols.Http;

/// <summary>
/// Writes JSON text into a fixed span and notices, rather than throws, when it runs
/// out of room, so a caller can roll back to a mark and close its object cleanly.
/// Strings are bytes as captured: valid UTF-8 passes through, control characters,
/// quotes and backslashes are escaped, and bytes that are not UTF-8 (obs-text) are
/// read as Latin-1 and escaped, so the output is always valid JSON.
/// </summary>
internal ref struct BoundedJsonWriter(Span<byte> destination)
{
    private readonly Span<byte> _destination = destination;
    private int _position;

    public readonly int Position => _position;

    /// <summary>Something did not fit: what was written since the last mark is incomplete.</summary>
    public bool Overflowed { get; private set; }

    /// <summary>Forgets everything after <paramref name="position"/> (and any overflow past it).</summary>
    public void Rewind(int position)
    {
        _position = position;
        Overflowed = false;
    }

    public void WriteRaw(byte value)
    {
        if (_position < _destination.Length)
            _destination[_position++] = value;
        else
            Overflowed = true;
    }

    public void WriteRaw(scoped ReadOnlySpan<byte> value)
    {
        if (value.TryCopyTo(_destination[_position..]))
            _position += value.Length;
        else
            Overflowed = true;
    }

    /// <summary>
    /// <c>"name":"value"</c>, after a comma if <paramref name="comma"/>, for a name and value
    /// (pieces of <paramref name="source"/>) known to need no escaping: one room check and
    /// straight copies instead of a check per piece. False (and overflowed) when it does not
    /// fit, leaving nothing written.
    /// </summary>
    public bool TryWritePlainMember(bool comma, ReadOnlySpan<byte> source, int nameStart, int nameLength, int valueStart, int valueLength)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)nameStart + (uint)nameLength, (uint)source.Length, nameof(nameLength));
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)valueStart + (uint)valueLength, (uint)source.Length, nameof(valueLength));
        int position = _position;
        int length = (comma ? 1 : 0) + nameLength + valueLength + 5;
        Span<byte> destination = _destination;
        if ((uint)length > (uint)(destination.Length - position))
        {
            Overflowed = true;
            return false;
        }
        if (comma)
            destination[position++] = (byte)',';
        destination[position++] = (byte)'"';
        position = CopyPiece(destination, position, source, nameStart, nameLength);
        destination[position++] = (byte)'"';
        destination[position++] = (byte)':';
        destination[position++] = (byte)'"';
        position = CopyPiece(destination, position, source, valueStart, valueLength);
        destination[position++] = (byte)'"';
        _position = position;
        return true;
    }

    /// <summary>
    /// Copies source[start..start+length] to destination[position..]; returns the position after it.
    /// </summary>
    /// <remarks>
    /// Names and values are short, and a copy call costs more than its bytes: when both sides
    /// have a vector's room, one vector is moved whole. The bytes past the piece land where
    /// the following writes go (or past the end of the JSON), inside the caller's own span.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int CopyPiece(Span<byte> destination, int position, ReadOnlySpan<byte> source, int start, int length)
    {
        if (length <= Vector256<byte>.Count && Vector256.IsHardwareAccelerated
            && start + Vector256<byte>.Count <= source.Length && position + Vector256<byte>.Count <= destination.Length)
        {
            Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(source), (nuint)start)
                .StoreUnsafe(ref MemoryMarshal.GetReference(destination), (nuint)position);
        }
        else
        {
            source.Slice(start, length).CopyTo(destination[position..]);
        }
        return position + length;
    }

    /// <summary>String content without quotes: copied when <paramref name="plain"/> says nothing in it needs escaping, else escaped.</summary>
    public void WriteText(scoped ReadOnlySpan<byte> value, bool plain)
    {
        if (plain)
            WriteRaw(value);
        else
            WriteEscaped(value);
    }

    /// <summary>A quoted JSON string.</summary>
    public void WriteString(scoped ReadOnlySpan<byte> value)
    {
        WriteRaw((byte)'"');
        WriteEscaped(value);
        WriteRaw((byte)'"');
    }

    /// <summary>String content, escaped, without quotes.</summary>
    /// <remarks>
    /// Goes 16 bytes at a time: a block is stored whole and the position moves past its
    /// plain prefix, so plain text costs a compare and a store per block. Quotes and
    /// backslashes, which come in clusters (the quotes of a JSON document kept in a value),
    /// are escaped inside their block (<see cref="EscapeQuotes"/>) rather than by going
    /// back to the search after each one; the last bytes of a value are handled as a
    /// block too. Other escapes (controls, non-ASCII to validate) take the byte path.
    /// </remarks>
    public void WriteEscaped(scoped ReadOnlySpan<byte> value)
    {
        if (Overflowed)
            return;
        Span<byte> destination = _destination;
        int position = _position;
        int i = 0;
        while (i < value.Length)
        {
            int left = value.Length - i;
            if (Ssse3.IsSupported && value.Length >= Vector128<byte>.Count && destination.Length - position >= Vector128<byte>.Count)
            {
                // A whole block, or the last bytes of the value moved to the front of one.
                int length = Math.Min(left, Vector128<byte>.Count);
                Vector128<byte> block = length == Vector128<byte>.Count
                    ? Vector128.LoadUnsafe(ref MemoryMarshal.GetReference(value), (nuint)i)
                    : Ssse3.Shuffle(
                        Vector128.LoadUnsafe(ref MemoryMarshal.GetReference(value), (nuint)(value.Length - Vector128<byte>.Count)),
                        Vector128.Create((byte)(Vector128<byte>.Count - length)) + Vector128<byte>.Indices);
                uint valid = (uint)((1 << length) - 1);
                block.StoreUnsafe(ref MemoryMarshal.GetReference(destination), (nuint)position);
                uint special = NeedsEscapeMask(block) & valid;
                if (special == 0)
                {
                    i += length;
                    position += length;
                    continue;
                }
                if (special == (QuoteMask(block) & valid) && destination.Length - position >= EscapeRoom(special))
                {
                    position = EscapeQuotes(block, special, length, destination, position);
                    i += length;
                    continue;
                }
                int plain = BitOperations.TrailingZeroCount(special);
                i += plain;
                position += plain;
            }
            else if (Vector128.IsHardwareAccelerated && left >= Vector128<byte>.Count && destination.Length - position >= Vector128<byte>.Count)
            {
                Vector128<byte> block = Vector128.LoadUnsafe(ref MemoryMarshal.GetReference(value), (nuint)i);
                block.StoreUnsafe(ref MemoryMarshal.GetReference(destination), (nuint)position);
                uint special = NeedsEscapeMask(block);
                if (special == 0)
                {
                    i += Vector128<byte>.Count;
                    position += Vector128<byte>.Count;
                    continue;
                }
                int plain = BitOperations.TrailingZeroCount(special);
                i += plain;
                position += plain;
            }
            else if (IsPlain(value[i]))
            {
                if (position == destination.Length)
                    break;
                destination[position++] = value[i++];
                continue;
            }

            // Quotes and backslashes, the usual escapes, are written here; the rest (controls,
            // non-ASCII to validate) by WriteSpecial.
            byte b = value[i];
            if (b is (byte)'"' or (byte)'\\' && destination.Length - position >= 2)
            {
                destination[position] = (byte)'\\';
                destination[position + 1] = b;
                position += 2;
                i++;
                continue;
            }
            _position = position;
            i += WriteSpecial(value[i..]);
            position = _position;
            if (Overflowed)
                return;
        }
        _position = position;
        if (i < value.Length)
            Overflowed = true;
    }

    /// <summary>
    /// Room a block needs for <see cref="EscapeQuotes"/>: the reach of the 16-byte store of its
    /// second half, which lands 8 bytes and a backslash per quote of the first half along.
    /// </summary>
    private static int EscapeRoom(uint quotes) => 24 + BitOperations.PopCount(quotes);

    /// <summary>
    /// The first <paramref name="length"/> bytes of <paramref name="block"/> hold quotes or
    /// backslashes where <paramref name="quotes"/> has bits: writes the block at
    /// <paramref name="position"/> with a backslash before each, and returns the position
    /// after it. Each half of the block is spread in one shuffle, so a block costs two
    /// stores however many quotes it holds (a JSON document kept in a value has one every
    /// few bytes). Bytes past the returned position are scratch (the destination has
    /// <see cref="EscapeRoom"/> bytes of room).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int EscapeQuotes(Vector128<byte> block, uint quotes, int length, Span<byte> destination, int position)
    {
        ref byte target = ref MemoryMarshal.GetReference(destination);
        uint low = quotes & 0xFF;
        SpreadHalf(block, low).StoreUnsafe(ref target, (nuint)position);
        if (length <= 8)
            return position + length + BitOperations.PopCount(low);
        position += 8 + BitOperations.PopCount(low);
        uint high = quotes >> 8;
        SpreadHalf(Sse2.ShiftRightLogical128BitLane(block, 8), high).StoreUnsafe(ref target, (nuint)position);
        return position + length - 8 + BitOperations.PopCount(high);
    }

    /// <summary>The first 8 bytes of <paramref name="half"/> with a backslash before each byte <paramref name="quotes"/> marks.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> SpreadHalf(Vector128<byte> half, uint quotes)
    {
        Vector128<byte> indices = SpreadIndices[quotes];
        // A gap's index selects nothing (zero); the backslash goes there.
        Vector128<byte> gaps = Vector128.Equals(indices, Vector128.Create(Gap));
        return Ssse3.Shuffle(half, indices) | (gaps & Vector128.Create((byte)'\\'));
    }

    /// <summary>A shuffle index that selects no byte: where a backslash goes (and the unused end).</summary>
    private const byte Gap = 0x80;

    /// <summary>
    /// For each set of quotes in 8 bytes (one bit per byte), the shuffle that spreads the 8
    /// bytes over 8 + (number of quotes) places, leaving a gap before each quote.
    /// </summary>
    private static readonly Vector128<byte>[] SpreadIndices = BuildSpreadIndices();

    private static Vector128<byte>[] BuildSpreadIndices()
    {
        var table = new Vector128<byte>[256];
        Span<byte> indices = stackalloc byte[Vector128<byte>.Count];
        for (int quotes = 0; quotes < table.Length; quotes++)
        {
            indices.Fill(Gap);
            int at = 0;
            for (int i = 0; i < 8; i++)
            {
                if ((quotes & (1 << i)) != 0)
                    at++;
                indices[at++] = (byte)i;
            }
            table[quotes] = Vector128.Create((ReadOnlySpan<byte>)indices);
        }
        return table;
    }

    /// <summary>One bit per quote or backslash of <paramref name="block"/>.</summary>
    private static uint QuoteMask(Vector128<byte> block) =>
        (Vector128.Equals(block, Vector128.Create((byte)'"')) | Vector128.Equals(block, Vector128.Create((byte)'\\'))).ExtractMostSignificantBits();

    /// <summary>One bit per byte of <paramref name="block"/> that cannot stand as it is in a JSON string.</summary>
    private static uint NeedsEscapeMask(Vector128<byte> block) =>
        (Vector128.LessThan(block, Vector128.Create((byte)0x20))
            | Vector128.GreaterThanOrEqual(block, Vector128.Create((byte)0x80))
            | Vector128.Equals(block, Vector128.Create((byte)'"'))
            | Vector128.Equals(block, Vector128.Create((byte)'\\'))).ExtractMostSignificantBits();

    private static bool IsPlain(byte b) => b is >= 0x20 and < 0x80 and not (byte)'"' and not (byte)'\\';

    /// <summary>Writes the first byte (or UTF-8 sequence) of <paramref name="value"/>, escaped if it must be; returns the bytes used.</summary>
    private int WriteSpecial(scoped ReadOnlySpan<byte> value)
    {
        byte b = value[0];
        if (b >= 0x80)
        {
            if (Rune.DecodeFromUtf8(value, out _, out int length) == OperationStatus.Done)
            {
                WriteRaw(value[..length]);
                return length;
            }
            WriteUnicodeEscape(b);
            return 1;
        }
        switch (b)
        {
            case (byte)'"': WriteRaw("\\\""u8); break;
            case (byte)'\\': WriteRaw("\\\\"u8); break;
            case (byte)'\n': WriteRaw("\\n"u8); break;
            case (byte)'\r': WriteRaw("\\r"u8); break;
            case (byte)'\t': WriteRaw("\\t"u8); break;
            case < 0x20: WriteUnicodeEscape(b); break;
            default: WriteRaw(b); break;
        }
        return 1;
    }

    private void WriteUnicodeEscape(byte b)
    {
        ReadOnlySpan<byte> hex = "0123456789abcdef"u8;
        WriteRaw("\\u00"u8);
        WriteRaw(hex[b >> 4]);
        WriteRaw(hex[b & 0xF]);
    }
}
