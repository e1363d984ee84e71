using System.Buffers.Binary;

namespace Devtools.Core.Protocols.Pgsql;

/// <summary>Whether bytes can be the start of a message: no, yes, or not enough bytes to tell.</summary>
internal enum WireVerdict : byte
{
    No,
    NeedMoreData,
    Yes,
}

/// <summary>
/// Checks of PostgreSQL wire syntax that do not depend on a connection's state: message
/// headers, untyped startup packets and whole payloads. Inference and resynchronisation
/// use them to be sure bytes are PostgreSQL before claiming them. Never throws.
/// </summary>
internal static class PgsqlWire
{
    /// <summary>Type byte and int32 length.</summary>
    public const int HeaderLength = 5;

    /// <summary>Int32 length and int32 request code.</summary>
    public const int StartupHeaderLength = 8;

    /// <summary>Longest identifier PostgreSQL keeps is 63 bytes; clients may send longer names, which it truncates.</summary>
    public const int MaxNameLength = 1024;

    /// <summary>
    /// Checks the header of a typed message at the start of <paramref name="data"/>:
    /// a type byte of this direction and a length its rule accepts.
    /// </summary>
    public static WireVerdict CheckHeader(ReadOnlySpan<byte> data, bool frontend, out PgsqlMessageRule rule, out int payloadLength)
    {
        payloadLength = 0;
        rule = default;
        if (data.IsEmpty)
            return WireVerdict.NeedMoreData;
        rule = PgsqlMessageRules.For(frontend, data[0]);
        if (!rule.IsValid)
            return WireVerdict.No;
        // A length under 1 GiB has its top two bits clear: garbage fails early.
        if (data.Length >= 2 && data[1] > 0x3f)
            return WireVerdict.No;
        if (data.Length < HeaderLength)
            return WireVerdict.NeedMoreData;
        int length = BinaryPrimitives.ReadInt32BigEndian(data[1..]);
        if (length < 4 || !rule.Accepts(length - 4L))
            return WireVerdict.No;
        payloadLength = length - 4;
        return WireVerdict.Yes;
    }

    /// <summary>
    /// Checks an untyped packet (StartupMessage, SSLRequest, GSSENCRequest, CancelRequest)
    /// at the start of <paramref name="data"/>: its length and request code.
    /// </summary>
    public static WireVerdict CheckStartupPacket(ReadOnlySpan<byte> data, out int length, out int code)
    {
        length = 0;
        code = 0;
        // Startup packets are shorter than 10000 bytes: two zero bytes lead.
        if (data.IsEmpty)
            return WireVerdict.NeedMoreData;
        if (data[0] != 0 || (data.Length >= 2 && data[1] != 0))
            return WireVerdict.No;
        if (data.Length < StartupHeaderLength)
            return WireVerdict.NeedMoreData;
        length = BinaryPrimitives.ReadInt32BigEndian(data);
        code = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
        bool valid = code switch
        {
            PgsqlStartupCodes.SslRequest or PgsqlStartupCodes.GssEncRequest => length == 8,
            // Protocol 3.2 lets the key grow to 256 bytes.
            PgsqlStartupCodes.CancelRequest => length is >= 16 and <= 12 + 256,
            >= PgsqlStartupCodes.Protocol30 and <= PgsqlStartupCodes.MaxProtocol3 => length is >= 9 and <= PgsqlStartupCodes.MaxStartupPacketLength,
            _ => false,
        };
        return valid ? WireVerdict.Yes : WireVerdict.No;
    }

    /// <summary>A StartupMessage's parameters: (name\0 value\0)* \0, with printable names.</summary>
    public static bool IsValidStartupParameters(ReadOnlySpan<byte> parameters)
    {
        var reader = new PgsqlReader(parameters);
        while (true)
        {
            if (!reader.TryReadCString(out ReadOnlySpan<byte> name))
                return false;
            if (name.IsEmpty)
                return reader.AtEnd;
            if (!IsPrintableAscii(name) || !reader.TryReadCString(out ReadOnlySpan<byte> value) || !IsText(value))
                return false;
        }
    }

    /// <summary>Does <paramref name="payload"/>, whole, parse as message <paramref name="tag"/> of this direction?</summary>
    public static bool IsValidPayload(bool frontend, byte tag, ReadOnlySpan<byte> payload) =>
        frontend ? IsValidFrontendPayload(tag, payload) : IsValidBackendPayload(tag, payload);

    /// <summary>
    /// A statement's text as far as it has arrived: no NUL before its end, no control
    /// characters but tabs and line ends.
    /// </summary>
    public static bool IsText(ReadOnlySpan<byte> text)
    {
        foreach (byte b in text)
        {
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r'))
                return false;
            if (b == 0x7f)
                return false;
        }
        return true;
    }

    public static bool IsPrintableAscii(ReadOnlySpan<byte> text)
    {
        foreach (byte b in text)
        {
            if (b is < 0x20 or > 0x7e)
                return false;
        }
        return true;
    }

    private static bool IsValidFrontendPayload(byte tag, ReadOnlySpan<byte> payload)
    {
        var r = new PgsqlReader(payload);
        switch (tag)
        {
            case PgsqlTags.Query:
                return r.TryReadCString(out ReadOnlySpan<byte> query) && r.AtEnd && IsText(query);
            case PgsqlTags.Parse:
                if (!ReadName(ref r) || !r.TryReadCString(out ReadOnlySpan<byte> statement) || !IsText(statement))
                    return false;
                return r.TryReadInt16(out short types) && types >= 0 && r.Remaining == types * 4;
            case PgsqlTags.Bind:
                return IsValidBind(ref r);
            case PgsqlTags.Execute:
                return ReadName(ref r) && r.TryReadInt32(out int maxRows) && maxRows >= 0 && r.AtEnd;
            case PgsqlTags.Describe:
            case PgsqlTags.Close:
                return r.TryReadByte(out byte kind) && kind is (byte)'S' or (byte)'P' && ReadName(ref r) && r.AtEnd;
            case PgsqlTags.Sync:
            case PgsqlTags.Flush:
            case PgsqlTags.Terminate:
            case PgsqlTags.CopyDone:
                return payload.IsEmpty;
            case PgsqlTags.FunctionCall:
                return r.TryReadInt32(out _) && ReadFormats(ref r) && ReadValues(ref r) && r.TryReadInt16(out short format) && format is 0 or 1 && r.AtEnd;
            case PgsqlTags.CopyFail:
                return r.TryReadCString(out ReadOnlySpan<byte> reason) && r.AtEnd && IsText(reason);
            case PgsqlTags.CopyData:
            case PgsqlTags.Password:
                return true;
            default:
                return false;
        }
    }

    private static bool IsValidBackendPayload(byte tag, ReadOnlySpan<byte> payload)
    {
        var r = new PgsqlReader(payload);
        switch (tag)
        {
            case PgsqlTags.Authentication:
                if (!r.TryReadInt32(out int code))
                    return false;
                return code switch
                {
                    0 or 2 or 3 or 7 or 9 => r.AtEnd,
                    5 => r.Remaining == 4,
                    8 or 10 or 11 or 12 => true,
                    _ => false,
                };
            case PgsqlTags.ParameterStatus:
                return r.TryReadCString(out ReadOnlySpan<byte> name) && IsPrintableAscii(name) && !name.IsEmpty
                    && r.TryReadCString(out ReadOnlySpan<byte> value) && IsText(value) && r.AtEnd;
            case PgsqlTags.BackendKeyData:
                return payload.Length >= 8;
            case PgsqlTags.ReadyForQuery:
                return payload.Length == 1 && payload[0] is (byte)'I' or (byte)'T' or (byte)'E';
            case PgsqlTags.RowDescription:
                if (!r.TryReadInt16(out short fields) || fields < 0)
                    return false;
                for (int i = 0; i < fields; i++)
                {
                    if (!r.TryReadCString(out _) || !r.TrySkip(18))
                        return false;
                }
                return r.AtEnd;
            case PgsqlTags.DataRow:
                return r.TryReadInt16(out short columns) && columns >= 0 && ReadValues(ref r, columns) && r.AtEnd;
            case PgsqlTags.CommandComplete:
                return r.TryReadCString(out ReadOnlySpan<byte> commandTag) && r.AtEnd && !commandTag.IsEmpty
                    && commandTag[0] is >= (byte)'A' and <= (byte)'Z' && IsPrintableAscii(commandTag);
            case PgsqlTags.ErrorResponse:
            case PgsqlTags.NoticeResponse:
                return IsValidFields(ref r);
            case PgsqlTags.ParseComplete:
            case PgsqlTags.BindComplete:
            case PgsqlTags.CloseComplete:
            case PgsqlTags.NoData:
            case PgsqlTags.PortalSuspended:
            case PgsqlTags.EmptyQueryResponse:
            case PgsqlTags.CopyDone:
                return payload.IsEmpty;
            case PgsqlTags.ParameterDescription:
                return r.TryReadInt16(out short types) && types >= 0 && r.Remaining == types * 4;
            case PgsqlTags.CopyInResponse:
            case PgsqlTags.CopyOutResponse:
            case PgsqlTags.CopyBothResponse:
                return r.TryReadByte(out byte format) && format <= 1 && ReadFormats(ref r) && r.AtEnd;
            case PgsqlTags.NotificationResponse:
                return r.TryReadInt32(out _) && r.TryReadCString(out _) && r.TryReadCString(out _) && r.AtEnd;
            case PgsqlTags.FunctionCallResponse:
                return ReadValues(ref r, 1) && r.AtEnd;
            case PgsqlTags.NegotiateProtocolVersion:
                if (!r.TryReadInt32(out _) || !r.TryReadInt32(out int options) || options < 0)
                    return false;
                for (int i = 0; i < options; i++)
                {
                    if (!r.TryReadCString(out _))
                        return false;
                }
                return r.AtEnd;
            case PgsqlTags.CopyData:
                return true;
            default:
                return false;
        }
    }

    /// <summary>ErrorResponse/NoticeResponse fields: (code letter, text\0)* \0.</summary>
    private static bool IsValidFields(ref PgsqlReader r)
    {
        bool any = false;
        while (r.TryReadByte(out byte code))
        {
            if (code == 0)
                return any && r.AtEnd;
            if (!char.IsAsciiLetter((char)code) || !r.TryReadCString(out ReadOnlySpan<byte> text) || !IsText(text))
                return false;
            any = true;
        }
        return false;
    }

    private static bool IsValidBind(ref PgsqlReader r) =>
        ReadName(ref r) && ReadName(ref r) && ReadFormats(ref r) && ReadValues(ref r) && ReadFormats(ref r) && r.AtEnd;

    private static bool ReadName(ref PgsqlReader r) =>
        r.TryReadCString(out ReadOnlySpan<byte> name) && name.Length <= MaxNameLength && IsText(name);

    /// <summary>int16 count, then that many int16 format codes (0 text, 1 binary).</summary>
    private static bool ReadFormats(ref PgsqlReader r)
    {
        if (!r.TryReadInt16(out short count) || count < 0)
            return false;
        for (int i = 0; i < count; i++)
        {
            if (!r.TryReadInt16(out short format) || format is not (0 or 1))
                return false;
        }
        return true;
    }

    /// <summary>int16 count, then that many values (int32 length, -1 for NULL, and the bytes).</summary>
    private static bool ReadValues(ref PgsqlReader r) => r.TryReadInt16(out short count) && count >= 0 && ReadValues(ref r, count);

    private static bool ReadValues(ref PgsqlReader r, int count)
    {
        for (int i = 0; i < count; i++)
        {
            if (!r.TryReadInt32(out int length) || length < -1 || (length > 0 && !r.TrySkip(length)))
                return false;
        }
        return true;
    }
}
