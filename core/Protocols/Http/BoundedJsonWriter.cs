using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
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
    /// plain prefix, so plain text costs a compare and a store per block, and escapes,
    /// which come in clusters (the quotes of a JSON document kept in a value), cost no
    /// search call each.
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
            if (Vector128.IsHardwareAccelerated && value.Length - i >= Vector128<byte>.Count && destination.Length - position >= Vector128<byte>.Count)
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
