using System.Buffers.Binary;

namespace Devtools.Core.Protocols.Dns;

/// <summary>How far a message could be read.</summary>
internal enum DnsScanStatus : byte
{
    /// <summary>Header, questions and every record read.</summary>
    Complete,

    /// <summary>The bytes ended inside the records: a message cut short (by the capture or the sender).</summary>
    Incomplete,

    /// <summary>Header and questions read, a record is broken: the records after it are unknown.</summary>
    Malformed,

    /// <summary>No header, or a question that does not parse: not a DNS message we can pair.</summary>
    Invalid,
}

/// <summary>What one pass over a message learned: enough to pair it and to describe its header.</summary>
internal struct DnsMessageSummary
{
    public DnsHeader Header;

    /// <summary>Hash of the first question (name ignoring case, type, class); 0 when there is none.</summary>
    public ulong QuestionKey;

    public ushort QuestionType;

    /// <summary>RCODE: the header's 4 bits, extended by the OPT record's 8 when there is one (RFC 6891).</summary>
    public int Rcode;

    /// <summary>Records (answers, authority, additional) read whole.</summary>
    public int RecordsRead;

    /// <summary>Bytes after the last record.</summary>
    public int TrailingBytes;
}

/// <summary>
/// One pass over a DNS message: header, questions (names read whole to key the message), then
/// each record stepped over by its owner name and RDLENGTH. Bounded by the message length
/// whatever the counts claim; never throws.
/// </summary>
internal static class DnsMessageScanner
{
    /// <summary>
    /// Scans <paramref name="message"/>. <paramref name="strict"/> is for inference, where
    /// any doubt means "not DNS": every name is followed through its pointers, classes and
    /// types must be plausible, A/AAAA data sized right, and no byte may be left over.
    /// </summary>
    public static DnsScanStatus Scan(ReadOnlySpan<byte> message, bool strict, out DnsMessageSummary summary)
    {
        summary = default;
        if (!DnsHeader.TryRead(message, out DnsHeader header))
            return DnsScanStatus.Invalid;
        summary.Header = header;
        summary.Rcode = header.Rcode;
        int offset = DnsHeader.Size;
        for (int q = 0; q < header.QuestionCount; q++)
        {
            int end;
            DnsNameStatus name;
            ulong hash = 0;
            if (q == 0)
                name = DnsName.Hash(message, offset, out hash, out end);
            else
                name = strict ? DnsName.Validate(message, offset, out end) : DnsName.Skip(message, offset, out end);
            if (name != DnsNameStatus.Ok || end + DnsWire.QuestionFixedSize > message.Length)
                return DnsScanStatus.Invalid;
            ushort qtype = BinaryPrimitives.ReadUInt16BigEndian(message[end..]);
            ushort qclass = BinaryPrimitives.ReadUInt16BigEndian(message[(end + 2)..]);
            if (strict && (qtype == 0 || !DnsWire.IsPlausibleQuestionClass(qclass)))
                return DnsScanStatus.Invalid;
            if (q == 0)
            {
                summary.QuestionType = qtype;
                summary.QuestionKey = Fnv.Add(Fnv.Add(hash, qtype), (ushort)(qclass & 0x7FFF));
            }
            offset = end + DnsWire.QuestionFixedSize;
        }

        int records = header.AnswerCount + header.AuthorityCount + header.AdditionalCount;
        int firstAdditional = header.AnswerCount + header.AuthorityCount;
        if (strict && (long)records * DnsWire.MinRecordSize > message.Length - offset)
            return DnsScanStatus.Invalid;
        for (int i = 0; i < records; i++)
        {
            int end;
            DnsNameStatus name = strict ? DnsName.Validate(message, offset, out end) : DnsName.Skip(message, offset, out end);
            if (name == DnsNameStatus.Incomplete)
                return strict ? DnsScanStatus.Invalid : DnsScanStatus.Incomplete;
            if (name == DnsNameStatus.Malformed)
                return strict ? DnsScanStatus.Invalid : DnsScanStatus.Malformed;
            if (end + DnsWire.RecordFixedSize > message.Length)
                return strict ? DnsScanStatus.Invalid : DnsScanStatus.Incomplete;
            ushort type = BinaryPrimitives.ReadUInt16BigEndian(message[end..]);
            int rdlength = BinaryPrimitives.ReadUInt16BigEndian(message[(end + 8)..]);
            int next = end + DnsWire.RecordFixedSize + rdlength;
            if (next > message.Length)
                return strict ? DnsScanStatus.Invalid : DnsScanStatus.Incomplete;
            if (type == DnsWire.TypeOpt && i >= firstAdditional)
            {
                // The OPT "TTL" carries the upper 8 bits of the RCODE.
                summary.Rcode = (message[end + 4] << 4) | header.Rcode;
                if (strict && end != offset + 1)
                    return DnsScanStatus.Invalid;
            }
            if (strict && !PlausibleRecord(message, type, end, rdlength))
                return DnsScanStatus.Invalid;
            summary.RecordsRead++;
            offset = next;
        }
        summary.TrailingBytes = message.Length - offset;
        return strict && summary.TrailingBytes != 0 ? DnsScanStatus.Invalid : DnsScanStatus.Complete;
    }

    private static bool PlausibleRecord(ReadOnlySpan<byte> message, ushort type, int fixedStart, int rdlength)
    {
        if (type == 0)
            return false;
        ushort rclass = BinaryPrimitives.ReadUInt16BigEndian(message[(fixedStart + 2)..]);
        if (type == DnsWire.TypeOpt || rclass != DnsWire.ClassIn)
            return true;
        // (UPDATE deletes records with empty data, but in class ANY or NONE.)
        return type switch
        {
            DnsWire.TypeA => rdlength == 4,
            DnsWire.TypeAaaa => rdlength == 16,
            _ => true,
        };
    }
}
