using System.Buffers.Binary;

namespace Devtools.Core.Protocols.Dns;

/// <summary>The fixed 12-byte header every DNS message starts with (RFC 1035 §4.1.1).</summary>
public readonly record struct DnsHeader(
    ushort TransactionId,
    ushort Flags,
    ushort QuestionCount,
    ushort AnswerCount,
    ushort AuthorityCount,
    ushort AdditionalCount)
{
    public const int Size = 12;

    /// <summary>QR: set in responses.</summary>
    public bool IsResponse => (Flags & 0x8000) != 0;

    public DnsOpcode Opcode => (DnsOpcode)((Flags >> 11) & 0xF);

    /// <summary>AA: the answer comes from an authority for the name.</summary>
    public bool Authoritative => (Flags & 0x0400) != 0;

    /// <summary>TC: the message was cut to fit the transport (a UDP answer; retry over TCP).</summary>
    public bool Truncated => (Flags & 0x0200) != 0;

    public bool RecursionDesired => (Flags & 0x0100) != 0;

    public bool RecursionAvailable => (Flags & 0x0080) != 0;

    /// <summary>Z: reserved, zero in every conforming message.</summary>
    public bool ReservedBit => (Flags & 0x0040) != 0;

    public bool AuthenticData => (Flags & 0x0020) != 0;

    public bool CheckingDisabled => (Flags & 0x0010) != 0;

    /// <summary>The header's 4-bit RCODE (EDNS extends it with 8 more bits in OPT).</summary>
    public int Rcode => Flags & 0xF;

    /// <summary>Reads the header at the start of <paramref name="message"/>; false when it is shorter than a header.</summary>
    public static bool TryRead(ReadOnlySpan<byte> message, out DnsHeader header)
    {
        if (message.Length < Size)
        {
            header = default;
            return false;
        }
        header = new DnsHeader(
            BinaryPrimitives.ReadUInt16BigEndian(message),
            BinaryPrimitives.ReadUInt16BigEndian(message[2..]),
            BinaryPrimitives.ReadUInt16BigEndian(message[4..]),
            BinaryPrimitives.ReadUInt16BigEndian(message[6..]),
            BinaryPrimitives.ReadUInt16BigEndian(message[8..]),
            BinaryPrimitives.ReadUInt16BigEndian(message[10..]));
        return true;
    }
}

/// <summary>DNS operation codes (the header's OPCODE).</summary>
public enum DnsOpcode : byte
{
    Query = 0,
    InverseQuery = 1,
    Status = 2,
    Notify = 4,
    Update = 5,
    StatefulOperations = 6,
}
