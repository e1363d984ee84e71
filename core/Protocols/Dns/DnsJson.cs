using System.Buffers.Binary;
using System.Text.Json;

namespace Devtools.Core.Protocols.Dns;

/// <summary>
/// Writes the JSON of dns_events' columns in Pixie's shapes: headers as
/// <c>{"txid":1234,"qr":0,"opcode":0,"aa":0,...,"num_addl":1}</c>, queries as
/// <c>{"queries":[{"name":"example.com","type":"A"}]}</c>, answers as
/// <c>{"answers":[{"name":"example.com","type":"A","ttl":300,"addr":"1.2.3.4"}]}</c>.
/// </summary>
/// <remarks>
/// <para>Beyond Pixie: "rcode_name" in answer headers; "ttl" and, outside class IN, "class"
/// on records; type-specific fields for CNAME, NS, PTR, DNAME, MX, SRV, TXT, SOA,
/// SVCB/HTTPS, CAA; other types as their "rdlength"; authority and additional records when
/// there are any; the OPT record as "edns"; "capture_truncated" and "malformed" flags.</para>
/// <para>Names are in presentation format without the final dot ("." is the root); label
/// bytes outside printable ASCII are written \DDD, so values are always ASCII.</para>
/// <para>A body stops taking records once it passes its byte bound, and says how many it
/// left out ("omitted").</para>
/// </remarks>
internal sealed class DnsJson
{
    private const int ScratchBytes = DnsName.MaxPresentationLength + 4;
    private const int MaxTextBytes = 255;

    private readonly byte[] _scratch = new byte[ScratchBytes];
    private readonly byte[] _text = new byte[MaxTextBytes * 4];

    public static void WriteHeader(Utf8JsonWriter json, in DnsMessage message, bool withRcodeName)
    {
        DnsHeader h = message.Header;
        json.WriteStartObject();
        json.WriteNumber("txid"u8, h.TransactionId);
        json.WriteNumber("qr"u8, h.IsResponse ? 1 : 0);
        json.WriteNumber("opcode"u8, (int)h.Opcode);
        json.WriteNumber("aa"u8, h.Authoritative ? 1 : 0);
        json.WriteNumber("tc"u8, h.Truncated ? 1 : 0);
        json.WriteNumber("rd"u8, h.RecursionDesired ? 1 : 0);
        json.WriteNumber("ra"u8, h.RecursionAvailable ? 1 : 0);
        json.WriteNumber("ad"u8, h.AuthenticData ? 1 : 0);
        json.WriteNumber("cd"u8, h.CheckingDisabled ? 1 : 0);
        json.WriteNumber("rcode"u8, message.Rcode);
        if (withRcodeName)
        {
            Span<byte> name = stackalloc byte[DnsNames.MaxLength];
            json.WriteString("rcode_name"u8, name[..DnsNames.FormatRcode(message.Rcode, name)]);
        }
        json.WriteNumber("num_queries"u8, h.QuestionCount);
        json.WriteNumber("num_answers"u8, h.AnswerCount);
        json.WriteNumber("num_auth"u8, h.AuthorityCount);
        json.WriteNumber("num_addl"u8, h.AdditionalCount);
        if ((message.Defects & DnsMessageDefects.CaptureTruncated) != 0)
            json.WriteBoolean("capture_truncated"u8, true);
        if ((message.Defects & DnsMessageDefects.Malformed) != 0)
            json.WriteBoolean("malformed"u8, true);
        json.WriteEndObject();
    }

    /// <summary>
    /// A message's body: its questions as "queries" (for queries), its records by section
    /// ("answers" always present in answers), its OPT record as "edns".
    /// </summary>
    public void WriteBody(Utf8JsonWriter json, ReadOnlySpan<byte> message, bool isQuery, int maxBytes)
    {
        var reader = new DnsRecordReader(message);
        json.WriteStartObject();
        if (isQuery)
        {
            json.WriteStartArray("queries"u8);
            while (reader.TryReadQuestion(out DnsQuestion question))
                WriteQuestion(json, message, question);
            json.WriteEndArray();
        }
        else
        {
            json.WriteStartArray("answers"u8);
        }

        DnsSection? open = isQuery ? null : DnsSection.Answer;
        int omitted = 0;
        int optOffset = -1;
        DnsRecord opt = default;
        while (reader.TryReadRecord(out DnsRecord record))
        {
            if (record.Type == DnsWire.TypeOpt && record.Section == DnsSection.Additional)
            {
                if (optOffset < 0)
                {
                    optOffset = record.NameOffset;
                    opt = record;
                }
                continue;
            }
            if (json.BytesCommitted + json.BytesPending > maxBytes)
            {
                omitted++;
                continue;
            }
            if (open != record.Section)
            {
                if (open is not null)
                    json.WriteEndArray();
                json.WriteStartArray(SectionName(record.Section));
                open = record.Section;
            }
            WriteRecord(json, message, record);
        }
        if (open is not null)
            json.WriteEndArray();
        if (optOffset >= 0)
            WriteEdns(json, message, opt);
        if (omitted > 0)
            json.WriteNumber("omitted"u8, omitted);
        json.WriteEndObject();
    }

    private static ReadOnlySpan<byte> SectionName(DnsSection section) => section switch
    {
        DnsSection.Answer => "answers"u8,
        DnsSection.Authority => "authority"u8,
        _ => "additional"u8,
    };

    private void WriteQuestion(Utf8JsonWriter json, ReadOnlySpan<byte> message, in DnsQuestion question)
    {
        json.WriteStartObject();
        bool nameOk = WriteName(json, "name"u8, message, question.NameOffset, out _);
        WriteType(json, question.Type);
        if ((question.Class & 0x7FFF) != DnsWire.ClassIn)
            WriteClass(json, question.Class);
        if (!nameOk)
            json.WriteBoolean("malformed"u8, true);
        json.WriteEndObject();
    }

    private void WriteRecord(Utf8JsonWriter json, ReadOnlySpan<byte> message, in DnsRecord record)
    {
        json.WriteStartObject();
        bool nameOk = WriteName(json, "name"u8, message, record.NameOffset, out _);
        WriteType(json, record.Type);
        if ((record.Class & 0x7FFF) != DnsWire.ClassIn)
            WriteClass(json, record.Class);
        json.WriteNumber("ttl"u8, record.Ttl);
        bool dataOk = WriteData(json, message, record);
        if (!dataOk)
            json.WriteNumber("rdlength"u8, record.DataLength);
        if (!nameOk || !dataOk)
            json.WriteBoolean("malformed"u8, true);
        json.WriteEndObject();
    }

    /// <summary>The record's data as fields of its type; false (nothing written) when the data does not parse as that type.</summary>
    private bool WriteData(Utf8JsonWriter json, ReadOnlySpan<byte> message, in DnsRecord record)
    {
        ReadOnlySpan<byte> data = message.Slice(record.DataOffset, record.DataLength);
        Span<byte> text = _text;
        switch (record.Type)
        {
            case DnsWire.TypeA when data.Length == 4:
                json.WriteString("addr"u8, text[..DnsAddressText.FormatIPv4(data, text)]);
                return true;
            case DnsWire.TypeAaaa when data.Length == 16:
                json.WriteString("addr"u8, text[..DnsAddressText.FormatIPv6(data, text)]);
                return true;
            case DnsWire.TypeA or DnsWire.TypeAaaa:
                return false;
            case DnsWire.TypeCname:
                return WriteNameData(json, "cname"u8, message, record.DataOffset, record.DataEnd);
            case DnsWire.TypeNs:
                return WriteNameData(json, "ns"u8, message, record.DataOffset, record.DataEnd);
            case DnsWire.TypePtr:
                return WriteNameData(json, "ptr"u8, message, record.DataOffset, record.DataEnd);
            case DnsWire.TypeDname:
                return WriteNameData(json, "dname"u8, message, record.DataOffset, record.DataEnd);
            case DnsWire.TypeMx:
                if (data.Length < 3 || !NameFits(message, record.DataOffset + 2, record.DataEnd))
                    return false;
                json.WriteNumber("preference"u8, BinaryPrimitives.ReadUInt16BigEndian(data));
                return WriteNameData(json, "exchange"u8, message, record.DataOffset + 2, record.DataEnd);
            case DnsWire.TypeSrv:
                if (data.Length < 7 || !NameFits(message, record.DataOffset + 6, record.DataEnd))
                    return false;
                json.WriteNumber("priority"u8, BinaryPrimitives.ReadUInt16BigEndian(data));
                json.WriteNumber("weight"u8, BinaryPrimitives.ReadUInt16BigEndian(data[2..]));
                json.WriteNumber("port"u8, BinaryPrimitives.ReadUInt16BigEndian(data[4..]));
                return WriteNameData(json, "target"u8, message, record.DataOffset + 6, record.DataEnd);
            case DnsWire.TypeTxt:
                return WriteTxt(json, data);
            case DnsWire.TypeSoa:
                return WriteSoa(json, message, record);
            case DnsWire.TypeSvcb or DnsWire.TypeHttps:
                return WriteServiceBinding(json, message, record);
            case DnsWire.TypeCaa:
                return WriteCaa(json, data);
            default:
                json.WriteNumber("rdlength"u8, record.DataLength);
                return true;
        }
    }

    private bool WriteTxt(Utf8JsonWriter json, ReadOnlySpan<byte> data)
    {
        for (ReadOnlySpan<byte> rest = data; !rest.IsEmpty; rest = rest[(1 + rest[0])..])
        {
            if (1 + rest[0] > rest.Length)
                return false;
        }
        json.WriteStartArray("text"u8);
        for (ReadOnlySpan<byte> rest = data; !rest.IsEmpty; rest = rest[(1 + rest[0])..])
            json.WriteStringValue(_text.AsSpan(0, EscapeText(rest.Slice(1, rest[0]), _text)));
        json.WriteEndArray();
        return true;
    }

    private bool WriteSoa(Utf8JsonWriter json, ReadOnlySpan<byte> message, in DnsRecord record)
    {
        if (DnsName.Validate(message, record.DataOffset, out int mnameEnd) != DnsNameStatus.Ok || mnameEnd > record.DataEnd
            || DnsName.Validate(message, mnameEnd, out int rnameEnd) != DnsNameStatus.Ok || rnameEnd + 20 != record.DataEnd)
            return false;
        WriteName(json, "mname"u8, message, record.DataOffset, out _);
        WriteName(json, "rname"u8, message, mnameEnd, out _);
        ReadOnlySpan<byte> numbers = message.Slice(rnameEnd, 20);
        json.WriteNumber("serial"u8, BinaryPrimitives.ReadUInt32BigEndian(numbers));
        json.WriteNumber("refresh"u8, BinaryPrimitives.ReadUInt32BigEndian(numbers[4..]));
        json.WriteNumber("retry"u8, BinaryPrimitives.ReadUInt32BigEndian(numbers[8..]));
        json.WriteNumber("expire"u8, BinaryPrimitives.ReadUInt32BigEndian(numbers[12..]));
        json.WriteNumber("minimum"u8, BinaryPrimitives.ReadUInt32BigEndian(numbers[16..]));
        return true;
    }

    /// <summary>SVCB and HTTPS (RFC 9460): priority and target; the parameters as their length.</summary>
    private bool WriteServiceBinding(Utf8JsonWriter json, ReadOnlySpan<byte> message, in DnsRecord record)
    {
        if (record.DataLength < 3 || DnsName.Validate(message, record.DataOffset + 2, out int targetEnd) != DnsNameStatus.Ok || targetEnd > record.DataEnd)
            return false;
        json.WriteNumber("priority"u8, BinaryPrimitives.ReadUInt16BigEndian(message[record.DataOffset..]));
        WriteName(json, "target"u8, message, record.DataOffset + 2, out _);
        json.WriteNumber("rdlength"u8, record.DataLength);
        return true;
    }

    private bool WriteCaa(Utf8JsonWriter json, ReadOnlySpan<byte> data)
    {
        if (data.Length < 2 || 2 + data[1] > data.Length)
            return false;
        json.WriteNumber("flags"u8, data[0]);
        json.WriteString("tag"u8, _text.AsSpan(0, EscapeText(data.Slice(2, data[1]), _text)));
        ReadOnlySpan<byte> value = data[(2 + data[1])..];
        json.WriteString("value"u8, _text.AsSpan(0, EscapeText(value[..Math.Min(value.Length, MaxTextBytes)], _text)));
        return true;
    }

    private void WriteEdns(Utf8JsonWriter json, ReadOnlySpan<byte> message, in DnsRecord opt)
    {
        json.WriteStartObject("edns"u8);
        json.WriteNumber("udp_size"u8, opt.Class);
        json.WriteNumber("ext_rcode"u8, opt.Ttl >> 24);
        json.WriteNumber("version"u8, (opt.Ttl >> 16) & 0xFF);
        json.WriteNumber("do"u8, (opt.Ttl >> 15) & 1);
        json.WriteStartArray("options"u8);
        ReadOnlySpan<byte> options = message.Slice(opt.DataOffset, opt.DataLength);
        while (options.Length >= 4)
        {
            int code = BinaryPrimitives.ReadUInt16BigEndian(options);
            int length = Math.Min(BinaryPrimitives.ReadUInt16BigEndian(options[2..]), options.Length - 4);
            ReadOnlySpan<byte> value = options.Slice(4, length);
            json.WriteStartObject();
            json.WriteNumber("code"u8, code);
            json.WriteNumber("length"u8, length);
            if (code == 15 && value.Length >= 2)
            {
                // Extended DNS Errors (RFC 8914): why a resolver failed, worth seeing.
                json.WriteNumber("info_code"u8, BinaryPrimitives.ReadUInt16BigEndian(value));
                ReadOnlySpan<byte> extra = value[2..];
                json.WriteString("text"u8, _text.AsSpan(0, EscapeText(extra[..Math.Min(extra.Length, MaxTextBytes)], _text)));
            }
            json.WriteEndObject();
            options = options[(4 + length)..];
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteType(Utf8JsonWriter json, ushort type)
    {
        Span<byte> name = stackalloc byte[DnsNames.MaxLength];
        json.WriteString("type"u8, name[..DnsNames.FormatType(type, name)]);
    }

    private static void WriteClass(Utf8JsonWriter json, ushort rclass)
    {
        Span<byte> name = stackalloc byte[DnsNames.MaxLength];
        json.WriteString("class"u8, name[..DnsNames.FormatClass((ushort)(rclass & 0x7FFF), name)]);
    }

    /// <summary>A name that is whole and ends exactly at <paramref name="end"/> (the end of the record's data).</summary>
    private static bool NameFits(ReadOnlySpan<byte> message, int offset, int end) =>
        DnsName.Validate(message, offset, out int nameEnd) == DnsNameStatus.Ok && nameEnd == end;

    private bool WriteNameData(Utf8JsonWriter json, ReadOnlySpan<byte> property, ReadOnlySpan<byte> message, int offset, int end)
    {
        if (!NameFits(message, offset, end))
            return false;
        WriteName(json, property, message, offset, out _);
        return true;
    }

    /// <summary>Writes the name (as much as could be read); false when it is not a valid name.</summary>
    private bool WriteName(Utf8JsonWriter json, ReadOnlySpan<byte> property, ReadOnlySpan<byte> message, int offset, out int end)
    {
        DnsNameStatus status = DnsName.Format(message, offset, _scratch, out int written, out end);
        json.WriteString(property, _scratch.AsSpan(0, written));
        return status == DnsNameStatus.Ok;
    }

    /// <summary>Character-string bytes as ASCII: printable bytes as they are, '\' doubled, the rest \DDD.</summary>
    private static int EscapeText(ReadOnlySpan<byte> value, Span<byte> destination)
    {
        int position = 0;
        foreach (byte b in value)
        {
            if (b == (byte)'\\')
            {
                destination[position++] = (byte)'\\';
                destination[position++] = (byte)'\\';
            }
            else if (b is >= 0x20 and < 0x7F)
            {
                destination[position++] = b;
            }
            else
            {
                destination[position++] = (byte)'\\';
                destination[position++] = (byte)('0' + (b / 100));
                destination[position++] = (byte)('0' + (b / 10 % 10));
                destination[position++] = (byte)('0' + (b % 10));
            }
        }
        return position;
    }
}
