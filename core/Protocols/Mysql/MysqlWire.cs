using System.Buffers.Binary;

namespace Devtools.Core.Protocols.Mysql;

/// <summary>
/// The MySQL packet layer and its integer encodings: every message travels as packets of
/// a 3-byte little-endian payload length and a 1-byte sequence id; a payload of exactly
/// 0xFFFFFF bytes continues in the next packet.
/// </summary>
internal static class MysqlWire
{
    public const int HeaderLength = 4;

    /// <summary>Payload length of a packet that the next packet continues.</summary>
    public const int MaxPayloadLength = 0xFFFFFF;

    public const byte OkHeader = 0x00;
    public const byte EofHeader = 0xFE;
    public const byte ErrHeader = 0xFF;
    public const byte LocalInfileHeader = 0xFB;

    /// <summary>A 4.1 EOF packet: header, warnings, status flags.</summary>
    public const int EofPacketLength = 5;

    /// <summary>The shortest OK packet: header, affected rows, last insert id (one byte each), status, warnings.</summary>
    public const int MinOkPacketLength = 7;

    public static int PayloadLength(ReadOnlySpan<byte> header) => header[0] | (header[1] << 8) | (header[2] << 16);

    /// <summary>
    /// True for the packet that ends a result set's rows: 0xFE with a payload too short to be a
    /// row (a text row starting with 0xFE holds a value of at least 2^24 bytes).
    /// </summary>
    public static bool IsTerminator(byte first, int payloadLength) => first == EofHeader && payloadLength < MaxPayloadLength;

    /// <summary>Reads a length-encoded integer; false when truncated or not an integer (0xFB NULL, 0xFF).</summary>
    public static bool TryReadLengthEncoded(ReadOnlySpan<byte> data, out ulong value, out int size)
    {
        value = 0;
        size = 0;
        if (data.IsEmpty)
            return false;
        byte first = data[0];
        switch (first)
        {
            case < 0xFB:
                value = first;
                size = 1;
                return true;
            case 0xFC when data.Length >= 3:
                value = BinaryPrimitives.ReadUInt16LittleEndian(data[1..]);
                size = 3;
                return true;
            case 0xFD when data.Length >= 4:
                value = (uint)(data[1] | (data[2] << 8) | (data[3] << 16));
                size = 4;
                return true;
            case 0xFE when data.Length >= 9:
                value = BinaryPrimitives.ReadUInt64LittleEndian(data[1..]);
                size = 9;
                return true;
            default:
                return false;
        }
    }

    /// <summary>Reads a length-encoded integer and moves <paramref name="position"/> past it.</summary>
    public static bool TryReadLengthEncoded(ReadOnlySpan<byte> data, ref int position, out ulong value)
    {
        if ((uint)position > (uint)data.Length || !TryReadLengthEncoded(data[position..], out value, out int size))
        {
            value = 0;
            return false;
        }
        position += size;
        return true;
    }

    /// <summary>The sequence id that follows <paramref name="sequence"/> (ids wrap at 256).</summary>
    public static byte Next(byte sequence) => unchecked((byte)(sequence + 1));
}
