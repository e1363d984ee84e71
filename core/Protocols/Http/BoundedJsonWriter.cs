using System.Buffers;
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
    /// known to need no escaping: one room check and three copies instead of a check per
    /// piece. False (and overflowed) when it does not fit, leaving nothing written.
    /// </summary>
    public bool TryWritePlainMember(bool comma, scoped ReadOnlySpan<byte> name, scoped ReadOnlySpan<byte> value)
    {
        int position = _position;
        int length = (comma ? 1 : 0) + name.Length + value.Length + 5;
        Span<byte> destination = _destination;
        if ((uint)length > (uint)(destination.Length - position))
        {
            Overflowed = true;
            return false;
        }
        if (comma)
            destination[position++] = (byte)',';
        destination[position++] = (byte)'"';
        name.CopyTo(destination[position..]);
        position += name.Length;
        "\":\""u8.CopyTo(destination[position..]);
        position += 3;
        value.CopyTo(destination[position..]);
        position += value.Length;
        destination[position++] = (byte)'"';
        _position = position;
        return true;
    }

    /// <summary>A quoted JSON string.</summary>
    public void WriteString(scoped ReadOnlySpan<byte> value)
    {
        WriteRaw((byte)'"');
        WriteEscaped(value);
        WriteRaw((byte)'"');
    }

    /// <summary>String content without quotes: copied when <paramref name="plain"/> says nothing in it needs escaping, else escaped.</summary>
    public void WriteText(scoped ReadOnlySpan<byte> value, bool plain)
    {
        if (plain)
            WriteRaw(value);
        else
            WriteEscaped(value);
    }

    /// <summary>String content, escaped, without quotes.</summary>
    public void WriteEscaped(scoped ReadOnlySpan<byte> value)
    {
        while (!value.IsEmpty && !Overflowed)
        {
            int special = value.IndexOfAny(JsonEscaping.SpecialBytes);
            if (special < 0)
            {
                WriteRaw(value);
                return;
            }
            WriteRaw(value[..special]);
            value = value[special..];
            byte b = value[0];
            if (b >= 0x80)
            {
                if (Rune.DecodeFromUtf8(value, out _, out int length) == OperationStatus.Done)
                {
                    WriteRaw(value[..length]);
                    value = value[length..];
                    continue;
                }
                WriteUnicodeEscape(b);
            }
            else
            {
                switch (b)
                {
                    case (byte)'"': WriteRaw("\\\""u8); break;
                    case (byte)'\\': WriteRaw("\\\\"u8); break;
                    case (byte)'\n': WriteRaw("\\n"u8); break;
                    case (byte)'\r': WriteRaw("\\r"u8); break;
                    case (byte)'\t': WriteRaw("\\t"u8); break;
                    default: WriteUnicodeEscape(b); break;
                }
            }
            value = value[1..];
        }
    }

    private void WriteUnicodeEscape(byte b)
    {
        ReadOnlySpan<byte> hex = "0123456789abcdef"u8;
        WriteRaw("\\u00"u8);
        WriteRaw(hex[b >> 4]);
        WriteRaw(hex[b & 0xF]);
    }
}
