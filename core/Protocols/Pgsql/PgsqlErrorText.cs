namespace Devtools.Core.Protocols.Pgsql;

/// <summary>
/// Renders an ErrorResponse as one line: "ERROR: SQLSTATE 42P01: relation \"x\" does not
/// exist" — severity (the non-localised V field, else S), SQLSTATE code (C) and message (M).
/// </summary>
internal static class PgsqlErrorText
{
    public static void Write(ReadOnlySpan<byte> fields, Utf8TextBuilder output)
    {
        ReadOnlySpan<byte> severity = default;
        ReadOnlySpan<byte> localisedSeverity = default;
        ReadOnlySpan<byte> code = default;
        ReadOnlySpan<byte> message = default;
        bool messageCut = false;
        var reader = new PgsqlReader(fields);
        while (reader.TryReadByte(out byte field) && field != 0)
        {
            bool whole = reader.TryReadCString(out ReadOnlySpan<byte> value);
            if (!whole)
                value = reader.Rest;
            switch (field)
            {
                case (byte)'V': severity = value; break;
                case (byte)'S': localisedSeverity = value; break;
                case (byte)'C': code = value; break;
                case (byte)'M': message = value; messageCut = !whole; break;
            }
            if (!whole)
                break;
        }
        if (severity.IsEmpty)
            severity = localisedSeverity.IsEmpty ? "ERROR"u8 : localisedSeverity;
        output.Append(severity);
        output.Append(": "u8);
        if (!code.IsEmpty)
        {
            output.Append("SQLSTATE "u8);
            output.Append(code);
            output.Append(": "u8);
        }
        output.Append(message);
        if (messageCut)
            output.Append("…"u8);
    }
}
