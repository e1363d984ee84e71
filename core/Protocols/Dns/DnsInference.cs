using System.Buffers.Binary;
using Devtools.Core.Connections;

namespace Devtools.Core.Protocols.Dns;

/// <summary>
/// Recognises DNS from a first message. DNS has no magic number, so this is strict: the
/// header must look like what resolvers and servers send (one question, a known opcode,
/// the reserved bit clear, counts a query can have) and the message must parse whole —
/// every name, pointer and record, nothing left over. Random UDP (QUIC, NTP, statsd)
/// fails within the header; what gets through the header fails in the names.
/// </summary>
internal static class DnsInference
{
    /// <summary>TCP: the 2-byte length before each message.</summary>
    public const int LengthPrefix = 2;

    /// <summary>Shortest message with a question: header, root name, type and class.</summary>
    private const int MinMessageWithQuestion = DnsHeader.Size + 1 + DnsWire.QuestionFixedSize;

    /// <summary>A datagram: one whole message.</summary>
    public static InferenceResult InferDatagram(ReadOnlySpan<byte> data)
    {
        if (data.Length < MinMessageWithQuestion || !DnsHeader.TryRead(data, out DnsHeader header) || !IsPlausibleFirstHeader(header))
            return InferenceResult.NoMatch;
        if (DnsMessageScanner.Scan(data, strict: true, out _) != DnsScanStatus.Complete)
            return InferenceResult.NoMatch;
        return header.IsResponse ? InferenceResult.Response : InferenceResult.Request;
    }

    /// <summary>
    /// A byte stream: a 2-byte length, then a message of that length. When the first event
    /// holds the whole message it must parse whole; otherwise its header and question must.
    /// </summary>
    public static InferenceResult InferStream(ReadOnlySpan<byte> data)
    {
        if (data.Length < LengthPrefix)
            return InferenceResult.NeedMoreData;
        int length = BinaryPrimitives.ReadUInt16BigEndian(data);
        if (length < MinMessageWithQuestion)
            return InferenceResult.NoMatch;
        ReadOnlySpan<byte> message = data[LengthPrefix..];
        if (message.Length < DnsHeader.Size)
            return InferenceResult.NeedMoreData;
        DnsHeader.TryRead(message, out DnsHeader header);
        if (!IsPlausibleFirstHeader(header))
            return InferenceResult.NoMatch;
        InferenceResult match = header.IsResponse ? InferenceResult.Response : InferenceResult.Request;
        if (message.Length >= length)
            return DnsMessageScanner.Scan(message[..length], strict: true, out _) == DnsScanStatus.Complete ? match : InferenceResult.NoMatch;

        // Only part of the message so far: its question must parse inside the announced length.
        DnsNameStatus name = DnsName.Validate(message, DnsHeader.Size, out int end);
        if (name == DnsNameStatus.Incomplete || (name == DnsNameStatus.Ok && end + DnsWire.QuestionFixedSize > message.Length))
            return InferenceResult.NeedMoreData;
        if (name != DnsNameStatus.Ok || end + DnsWire.QuestionFixedSize > length)
            return InferenceResult.NoMatch;
        ushort qtype = BinaryPrimitives.ReadUInt16BigEndian(message[end..]);
        ushort qclass = BinaryPrimitives.ReadUInt16BigEndian(message[(end + 2)..]);
        return qtype != 0 && DnsWire.IsPlausibleQuestionClass(qclass) ? match : InferenceResult.NoMatch;
    }

    /// <summary>
    /// What a first message's header must look like: one question (every resolver sends
    /// exactly one), QUERY, NOTIFY or UPDATE, Z clear; a query carries no answers or
    /// authority (NOTIFY may carry the SOA, UPDATE its prerequisites and updates) and at most
    /// OPT and a signature as additional records; a response has an assigned RCODE.
    /// </summary>
    public static bool IsPlausibleFirstHeader(in DnsHeader header)
    {
        if (header.QuestionCount != 1 || header.ReservedBit)
            return false;
        DnsOpcode opcode = header.Opcode;
        if (opcode is not (DnsOpcode.Query or DnsOpcode.Notify or DnsOpcode.Update))
            return false;
        if (header.IsResponse)
            return header.Rcode <= 10;
        if (header.Rcode != 0 || (header.Authoritative && opcode != DnsOpcode.Notify) || header.Truncated || header.AdditionalCount > 2)
            return false;
        return opcode switch
        {
            DnsOpcode.Query => header.AnswerCount == 0 && header.AuthorityCount == 0,
            DnsOpcode.Notify => header.AnswerCount <= 1 && header.AuthorityCount == 0,
            _ => true,
        };
    }

    /// <summary>
    /// A message start inside a TCP stream after a gap: a length that fits a header, then a
    /// header of the direction's kind (further messages of a zone transfer may have no question).
    /// </summary>
    public static bool IsPlausibleStreamBoundary(ReadOnlySpan<byte> data, MessageKind kind)
    {
        if (data.Length < LengthPrefix + DnsHeader.Size)
            return false;
        int length = BinaryPrimitives.ReadUInt16BigEndian(data);
        if (length < DnsHeader.Size || !DnsHeader.TryRead(data[LengthPrefix..], out DnsHeader header) || !IsPlausibleHeader(header, kind))
            return false;
        ReadOnlySpan<byte> message = data.Slice(LengthPrefix, Math.Min(length, data.Length - LengthPrefix));
        if (header.QuestionCount == 0)
            return header.IsResponse;
        DnsNameStatus name = DnsName.Validate(message, DnsHeader.Size, out _);
        return name == DnsNameStatus.Ok || (name == DnsNameStatus.Incomplete && message.Length < length);
    }

    /// <summary>
    /// The least a header in a stream already known to be DNS must be: of the direction's
    /// kind, with a known opcode, Z clear and at most one question (zone transfers send none
    /// after their first message).
    /// </summary>
    public static bool IsPlausibleHeader(in DnsHeader header, MessageKind kind) =>
        header.IsResponse == (kind == MessageKind.Response)
        && !header.ReservedBit
        && header.QuestionCount <= 1
        && header.Opcode is DnsOpcode.Query or DnsOpcode.Notify or DnsOpcode.Update;
}
