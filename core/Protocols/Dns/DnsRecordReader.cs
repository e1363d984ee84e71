using System.Buffers.Binary;

namespace Devtools.Core.Protocols.Dns;

/// <summary>The section of a message a record is in.</summary>
internal enum DnsSection : byte
{
    Answer,
    Authority,
    Additional,
}

/// <summary>A question: where its name is, what it asks.</summary>
internal readonly record struct DnsQuestion(int NameOffset, ushort Type, ushort Class);

/// <summary>A resource record: where its owner name and data are, and its fixed fields.</summary>
internal readonly record struct DnsRecord(DnsSection Section, int NameOffset, ushort Type, ushort Class, uint Ttl, int DataOffset, int DataLength)
{
    public int DataEnd => DataOffset + DataLength;
}

/// <summary>
/// Walks a message's questions, then its records, in order; stops (without throwing) at the
/// first one that does not parse or is not all there.
/// </summary>
internal ref struct DnsRecordReader
{
    private readonly ReadOnlySpan<byte> _message;
    private readonly DnsHeader _header;
    private int _offset;
    private int _questionsLeft;
    private int _recordIndex;

    public DnsRecordReader(ReadOnlySpan<byte> message)
    {
        _message = message;
        _offset = DnsHeader.Size;
        Stopped = !DnsHeader.TryRead(message, out _header);
        _questionsLeft = _header.QuestionCount;
    }

    /// <summary>A question or record did not parse or was cut short: nothing more can be read.</summary>
    public bool Stopped { get; private set; }

    public bool TryReadQuestion(out DnsQuestion question)
    {
        question = default;
        if (Stopped || _questionsLeft == 0)
            return false;
        if (DnsName.Skip(_message, _offset, out int end) != DnsNameStatus.Ok || end + DnsWire.QuestionFixedSize > _message.Length)
        {
            Stopped = true;
            return false;
        }
        question = new DnsQuestion(
            _offset,
            BinaryPrimitives.ReadUInt16BigEndian(_message[end..]),
            BinaryPrimitives.ReadUInt16BigEndian(_message[(end + 2)..]));
        _offset = end + DnsWire.QuestionFixedSize;
        _questionsLeft--;
        return true;
    }

    /// <summary>The next record, after any questions not read yet.</summary>
    public bool TryReadRecord(out DnsRecord record)
    {
        record = default;
        while (TryReadQuestion(out _))
        {
        }
        int total = _header.AnswerCount + _header.AuthorityCount + _header.AdditionalCount;
        if (Stopped || _questionsLeft > 0 || _recordIndex >= total)
            return false;
        if (DnsName.Skip(_message, _offset, out int end) != DnsNameStatus.Ok || end + DnsWire.RecordFixedSize > _message.Length)
        {
            Stopped = true;
            return false;
        }
        int dataLength = BinaryPrimitives.ReadUInt16BigEndian(_message[(end + 8)..]);
        int dataOffset = end + DnsWire.RecordFixedSize;
        if (dataOffset + dataLength > _message.Length)
        {
            Stopped = true;
            return false;
        }
        DnsSection section = _recordIndex < _header.AnswerCount ? DnsSection.Answer
            : _recordIndex < _header.AnswerCount + _header.AuthorityCount ? DnsSection.Authority
            : DnsSection.Additional;
        record = new DnsRecord(
            section,
            _offset,
            BinaryPrimitives.ReadUInt16BigEndian(_message[end..]),
            BinaryPrimitives.ReadUInt16BigEndian(_message[(end + 2)..]),
            BinaryPrimitives.ReadUInt32BigEndian(_message[(end + 4)..]),
            dataOffset,
            dataLength);
        _offset = dataOffset + dataLength;
        _recordIndex++;
        return true;
    }
}
