using System.Buffers.Text;

namespace Devtools.Core.Protocols.Pgsql;

/// <summary>
/// A reusable, bounded UTF-8 text buffer: records are composed here (a statement with its
/// parameters, a list of command tags) without allocating. Text past
/// <see cref="Capacity"/> is dropped and <see cref="Truncated"/> set; the buffer grows
/// on demand up to the capacity and is kept for the next record.
/// </summary>
internal sealed class Utf8TextBuilder(int capacity)
{
    private byte[] _buffer = [];
    private int _length;

    public int Capacity { get; } = capacity;

    public int Length => _length;

    public bool Truncated { get; private set; }

    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _length);

    public int Room => Capacity - _length;

    public void Clear()
    {
        _length = 0;
        Truncated = false;
    }

    public void Append(ReadOnlySpan<byte> bytes)
    {
        int n = Math.Min(bytes.Length, Room);
        if (n < bytes.Length)
            Truncated = true;
        if (n == 0)
            return;
        Ensure(_length + n);
        bytes[..n].CopyTo(_buffer.AsSpan(_length));
        _length += n;
    }

    public void Append(byte b)
    {
        if (Room == 0)
        {
            Truncated = true;
            return;
        }
        Ensure(_length + 1);
        _buffer[_length++] = b;
    }

    public void Append(long value)
    {
        Span<byte> digits = stackalloc byte[20];
        Utf8Formatter.TryFormat(value, digits, out int written);
        Append(digits[..written]);
    }

    public void Append(ulong value)
    {
        Span<byte> digits = stackalloc byte[20];
        Utf8Formatter.TryFormat(value, digits, out int written);
        Append(digits[..written]);
    }

    public void Append(double value)
    {
        Span<byte> digits = stackalloc byte[32];
        if (Utf8Formatter.TryFormat(value, digits, out int written))
            Append(digits[..written]);
    }

    /// <summary>Lowercase hex of <paramref name="bytes"/>.</summary>
    public void AppendHex(ReadOnlySpan<byte> bytes)
    {
        foreach (byte b in bytes)
        {
            Append((byte)"0123456789abcdef"[b >> 4]);
            Append((byte)"0123456789abcdef"[b & 0xf]);
        }
    }

    /// <summary>Drops what was written after <paramref name="length"/>.</summary>
    public void Truncate(int length)
    {
        if (length < _length)
            _length = Math.Max(0, length);
    }

    private void Ensure(int size)
    {
        if (size <= _buffer.Length)
            return;
        int target = Math.Min(Capacity, Math.Max(size, Math.Max(256, _buffer.Length * 2)));
        // Grown once per connection at most a few times, then reused for every record.
        byte[] bigger = new byte[target];
        _buffer.AsSpan(0, _length).CopyTo(bigger);
        _buffer = bigger;
    }
}
