using System.Buffers.Binary;

namespace Devtools.Core.Protocols.Pgsql;

/// <summary>
/// Reads the fields of one message payload: big-endian integers and NUL-terminated
/// strings. Every read says whether it fit, so truncated or hostile payloads end in a
/// false, never an exception.
/// </summary>
internal ref struct PgsqlReader(ReadOnlySpan<byte> payload)
{
    private readonly ReadOnlySpan<byte> _data = payload;
    private int _pos;

    public readonly int Position => _pos;

    public readonly int Remaining => _data.Length - _pos;

    public readonly bool AtEnd => _pos == _data.Length;

    public readonly ReadOnlySpan<byte> Rest => _data[_pos..];

    public bool TryReadByte(out byte value)
    {
        if (_pos >= _data.Length)
        {
            value = 0;
            return false;
        }
        value = _data[_pos++];
        return true;
    }

    public bool TryReadInt16(out short value)
    {
        if (Remaining < 2)
        {
            value = 0;
            return false;
        }
        value = BinaryPrimitives.ReadInt16BigEndian(_data[_pos..]);
        _pos += 2;
        return true;
    }

    public bool TryReadInt32(out int value)
    {
        if (Remaining < 4)
        {
            value = 0;
            return false;
        }
        value = BinaryPrimitives.ReadInt32BigEndian(_data[_pos..]);
        _pos += 4;
        return true;
    }

    /// <summary>A NUL-terminated string, without its NUL.</summary>
    public bool TryReadCString(out ReadOnlySpan<byte> value)
    {
        int end = _data[_pos..].IndexOf((byte)0);
        if (end < 0)
        {
            value = default;
            return false;
        }
        value = _data.Slice(_pos, end);
        _pos += end + 1;
        return true;
    }

    /// <summary>Up to <paramref name="count"/> bytes; false (with what there is) when fewer remain.</summary>
    public bool TryReadBytes(int count, out ReadOnlySpan<byte> value)
    {
        if (count < 0)
        {
            value = default;
            return false;
        }
        if (Remaining < count)
        {
            value = _data[_pos..];
            _pos = _data.Length;
            return false;
        }
        value = _data.Slice(_pos, count);
        _pos += count;
        return true;
    }

    public bool TrySkip(int count)
    {
        if (count < 0 || Remaining < count)
            return false;
        _pos += count;
        return true;
    }
}
