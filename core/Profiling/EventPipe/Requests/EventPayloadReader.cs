using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Devtools.Core.Profiling.EventPipe.Requests;

/// <summary>
/// Reads EventSource payload fields in place: UTF-16LE strings ending with a NUL
/// character, and the UInt16 element count that precedes a self-describing array.
/// The session decodes these events itself (TraceLog does not carry EventSource
/// metadata), and reading spans costs nothing per event.
/// </summary>
internal ref struct EventPayloadReader(ReadOnlySpan<byte> payload)
{
    private ReadOnlySpan<byte> _rest = payload;

    public bool TryReadString(out ReadOnlySpan<char> value)
    {
        ReadOnlySpan<char> chars = MemoryMarshal.Cast<byte, char>(_rest);
        int end = chars.IndexOf('\0');
        if (end < 0)
        {
            value = default;
            return false;
        }
        value = chars[..end];
        _rest = _rest[((end + 1) * sizeof(char))..];
        return true;
    }

    public bool TryReadUInt16(out ushort value)
    {
        if (_rest.Length < sizeof(ushort))
        {
            value = 0;
            return false;
        }
        value = BinaryPrimitives.ReadUInt16LittleEndian(_rest);
        _rest = _rest[sizeof(ushort)..];
        return true;
    }
}
