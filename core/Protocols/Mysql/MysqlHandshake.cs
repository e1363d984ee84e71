using System.Buffers.Binary;

namespace Devtools.Core.Protocols.Mysql;

/// <summary>What a look at a handshake packet concluded.</summary>
internal enum HandshakeVerdict : byte
{
    No,
    Yes,

    /// <summary>Plausible so far; more bytes would tell.</summary>
    Maybe,
}

/// <summary>
/// Recognises the connection phase's fixed-shape packets: the server greeting (protocol
/// 10) and the client's HandshakeResponse41 or SSLRequest. Both are skipped, not recorded,
/// but they tell the capabilities and whether the stream turns into TLS.
/// </summary>
internal static class MysqlHandshake
{
    public const byte ProtocolVersion = 10;

    /// <summary>Bytes of a greeting's payload that <see cref="ReadGreeting"/> wants to see.</summary>
    public const int GreetingProbeLength = 128;

    /// <summary>Fixed part of a login packet: capabilities, max packet size, charset, filler.</summary>
    public const int LoginFixedLength = 32;

    private const int MaxVersionLength = 96;

    /// <summary>
    /// A protocol 10 greeting: version 10, a printable NUL-terminated server version, a
    /// connection id, 8 bytes of scramble and a zero filler, then the capability flags.
    /// </summary>
    public static HandshakeVerdict ReadGreeting(ReadOnlySpan<byte> payload, int payloadLength, out MysqlCapabilities capabilities)
    {
        capabilities = MysqlCapabilities.None;
        if (payload.IsEmpty)
            return HandshakeVerdict.Maybe;
        if (payload[0] != ProtocolVersion || payloadLength < 1 + 2 + 4 + 8 + 1 + 2)
            return HandshakeVerdict.No;
        int end = -1;
        int scan = Math.Min(payload.Length, 1 + MaxVersionLength + 1);
        for (int i = 1; i < scan; i++)
        {
            byte b = payload[i];
            if (b == 0)
            {
                end = i;
                break;
            }
            if (b is < 0x20 or > 0x7E)
                return HandshakeVerdict.No;
        }
        if (end < 0)
            return payload.Length >= scan || payload.Length >= payloadLength ? HandshakeVerdict.No : HandshakeVerdict.Maybe;
        if (end == 1 || !IsDigit(payload[1]))
            return HandshakeVerdict.No;
        int filler = end + 1 + 4 + 8;
        if (filler + 3 > payloadLength)
            return HandshakeVerdict.No;
        if (payload.Length < filler + 3)
            return HandshakeVerdict.Maybe;
        if (payload[filler] != 0)
            return HandshakeVerdict.No;
        uint flags = BinaryPrimitives.ReadUInt16LittleEndian(payload[(filler + 1)..]);
        if (payload.Length >= filler + 8)
            flags |= (uint)BinaryPrimitives.ReadUInt16LittleEndian(payload[(filler + 6)..]) << 16;
        capabilities = (MysqlCapabilities)flags;
        return HandshakeVerdict.Yes;
    }

    /// <summary>
    /// A HandshakeResponse41 or SSLRequest: 4.1 capabilities, a max packet size, a charset and
    /// a zero filler (19 bytes: MariaDB puts its own capabilities in the last 4 of the 23).
    /// </summary>
    public static HandshakeVerdict ReadLogin(ReadOnlySpan<byte> payload, int payloadLength, out MysqlCapabilities capabilities, out bool sslRequest)
    {
        capabilities = MysqlCapabilities.None;
        sslRequest = false;
        if (payloadLength < LoginFixedLength)
            return HandshakeVerdict.No;
        if (payload.Length >= 4)
        {
            capabilities = (MysqlCapabilities)BinaryPrimitives.ReadUInt32LittleEndian(payload);
            if ((capabilities & MysqlCapabilities.Protocol41) == 0)
                return HandshakeVerdict.No;
        }
        int zeros = Math.Min(payload.Length, 28);
        if (zeros > 9 && payload[9..zeros].ContainsAnyExcept((byte)0))
            return HandshakeVerdict.No;
        if (payload.Length < 28)
            return HandshakeVerdict.Maybe;
        sslRequest = payloadLength == LoginFixedLength && (capabilities & MysqlCapabilities.Ssl) != 0;
        return HandshakeVerdict.Yes;
    }

    /// <summary>A TLS handshake record (what follows an SSL request): content type 22, version 3.x.</summary>
    public static bool IsTlsRecord(ReadOnlySpan<byte> data) =>
        data.Length >= 3 && data[0] == 0x16 && data[1] == 0x03 && data[2] <= 0x04;

    private static bool IsDigit(byte b) => b is >= (byte)'0' and <= (byte)'9';
}
