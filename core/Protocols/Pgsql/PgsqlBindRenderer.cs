using System.Buffers.Binary;

namespace Devtools.Core.Protocols.Pgsql;

/// <summary>
/// Renders what a portal runs: the statement's text, then its parameters in a trailing
/// SQL comment, <c>SELECT … WHERE id = $1 /* $1 = '42', $2 = NULL */</c>, so that the text
/// stays valid SQL and normalises to the statement alone. Text-format values are quoted
/// like SQL literals; binary values are decoded by their type (from Parse or
/// ParameterDescription) when it is a number, boolean, text or uuid, else shown as hex.
/// Each value and the whole list are bounded.
/// </summary>
internal static class PgsqlBindRenderer
{
    /// <summary>Bytes of rendered parameters at most (after the statement).</summary>
    public const int MaxParametersBytes = 1024;

    /// <summary>Bytes of one value shown (text), or bytes of a binary value shown as hex.</summary>
    public const int MaxValueBytes = 64;

    private const int MaxHexBytes = 32;

    private static readonly System.Buffers.SearchValues<byte> SpecialInText = System.Buffers.SearchValues.Create(
        [(byte)'\'', (byte)'*', 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31]);

    // Type oids (pg_type.dat).
    private const uint BoolOid = 16;
    private const uint NameOid = 19;
    private const uint Int8Oid = 20;
    private const uint Int2Oid = 21;
    private const uint Int4Oid = 23;
    private const uint TextOid = 25;
    private const uint OidOid = 26;
    private const uint JsonOid = 114;
    private const uint Float4Oid = 700;
    private const uint Float8Oid = 701;
    private const uint UnknownOid = 705;
    private const uint BpcharOid = 1042;
    private const uint VarcharOid = 1043;
    private const uint UuidOid = 2950;
    private const uint JsonbOid = 3802;

    /// <summary>
    /// Writes into <paramref name="output"/> the statement text and the parameters of
    /// <paramref name="bind"/> (a Bind payload, maybe only its kept prefix).
    /// </summary>
    public static void Render(ReadOnlySpan<byte> bind, PreparedStatement? statement, Utf8TextBuilder output)
    {
        output.Clear();
        var reader = new PgsqlReader(bind);
        if (!reader.TryReadCString(out _) || !reader.TryReadCString(out ReadOnlySpan<byte> statementName))
            return;
        WriteStatement(statementName, statement, output);

        // Parameter format codes: none (all text), one (for all) or one per parameter.
        if (!reader.TryReadInt16(out short formatCount) || formatCount < 0)
            return;
        ReadOnlySpan<byte> formats = reader.Rest[..Math.Min(reader.Remaining, formatCount * 2)];
        if (!reader.TrySkip(formatCount * 2) || !reader.TryReadInt16(out short count) || count <= 0)
            return;

        int limit = output.Length + MaxParametersBytes;
        output.Append(" /* "u8);
        for (int i = 0; i < count; i++)
        {
            if (i > 0)
                output.Append(", "u8);
            if (output.Length >= limit - 16)
            {
                output.Append("…"u8);
                break;
            }
            output.Append((byte)'$');
            output.Append((long)i + 1);
            output.Append(" = "u8);
            if (!reader.TryReadInt32(out int length))
            {
                output.Append("…"u8);
                break;
            }
            if (length < 0)
            {
                output.Append("NULL"u8);
                continue;
            }
            bool whole = reader.TryReadBytes(length, out ReadOnlySpan<byte> value);
            bool binary = FormatOf(formats, formatCount, i) == 1;
            if (binary)
                WriteBinary(value, whole, statement?.ParameterType(i) ?? 0, output);
            else
                WriteText(value, whole, output);
            if (!whole)
                break;
        }
        output.Append(" */"u8);
    }

    /// <summary>The statement's text, or a placeholder naming a statement not seen (prepared before capture, or closed).</summary>
    public static void WriteStatement(ReadOnlySpan<byte> name, PreparedStatement? statement, Utf8TextBuilder output)
    {
        if (statement is not null)
        {
            output.Append(statement.Text.Written);
            return;
        }
        output.Append("<unknown statement \""u8);
        output.Append(name);
        output.Append("\">"u8);
    }

    private static int FormatOf(ReadOnlySpan<byte> formats, int formatCount, int index)
    {
        int at = formatCount == 1 ? 0 : index;
        if (formatCount == 0 || (at + 1) * 2 > formats.Length)
            return 0;
        return BinaryPrimitives.ReadInt16BigEndian(formats[(at * 2)..]);
    }

    /// <summary>A text value as a SQL literal, cut at <see cref="MaxValueBytes"/> on a character boundary.</summary>
    private static void WriteText(ReadOnlySpan<byte> value, bool whole, Utf8TextBuilder output)
    {
        bool cut = !whole;
        if (value.Length > MaxValueBytes)
        {
            int end = MaxValueBytes;
            while (end > 0 && (value[end] & 0xC0) == 0x80)
                end--;
            value = value[..end];
            cut = true;
        }
        output.Append((byte)'\'');
        while (!value.IsEmpty)
        {
            // Plain runs are copied whole; only quotes, control characters and "*/" need care.
            int special = value.IndexOfAny(SpecialInText);
            if (special < 0)
            {
                output.Append(value);
                break;
            }
            output.Append(value[..special]);
            byte b = value[special];
            if (b == (byte)'\'')
            {
                output.Append("''"u8);
            }
            else if (b == (byte)'*')
            {
                // The parameters sit in a comment that "*/" would end.
                output.Append(special + 1 < value.Length && value[special + 1] == (byte)'/' ? "* "u8 : "*"u8);
            }
            else
            {
                // One line per record: control characters become spaces.
                output.Append((byte)' ');
            }
            value = value[(special + 1)..];
        }
        output.Append((byte)'\'');
        if (cut)
            output.Append("…"u8);
    }

    private static void WriteBinary(ReadOnlySpan<byte> value, bool whole, uint type, Utf8TextBuilder output)
    {
        if (whole)
        {
            switch (type)
            {
                case BoolOid when value.Length == 1:
                    output.Append(value[0] != 0 ? "true"u8 : "false"u8);
                    return;
                case Int2Oid when value.Length == 2:
                    output.Append((long)BinaryPrimitives.ReadInt16BigEndian(value));
                    return;
                case Int4Oid when value.Length == 4:
                    output.Append((long)BinaryPrimitives.ReadInt32BigEndian(value));
                    return;
                case OidOid when value.Length == 4:
                    output.Append((ulong)BinaryPrimitives.ReadUInt32BigEndian(value));
                    return;
                case Int8Oid when value.Length == 8:
                    output.Append(BinaryPrimitives.ReadInt64BigEndian(value));
                    return;
                case Float4Oid when value.Length == 4:
                    output.Append((double)BinaryPrimitives.ReadSingleBigEndian(value));
                    return;
                case Float8Oid when value.Length == 8:
                    output.Append(BinaryPrimitives.ReadDoubleBigEndian(value));
                    return;
                case UuidOid when value.Length == 16:
                    WriteUuid(value, output);
                    return;
                case JsonbOid when value.Length >= 1 && value[0] == 1:
                    WriteText(value[1..], whole, output);
                    return;
                case TextOid or VarcharOid or BpcharOid or NameOid or UnknownOid or JsonOid:
                    WriteText(value, whole, output);
                    return;
            }
        }
        else if (type is TextOid or VarcharOid or BpcharOid or NameOid or UnknownOid or JsonOid)
        {
            WriteText(value, whole, output);
            return;
        }
        // bytea and everything else: hex, as PostgreSQL's bytea_output = hex shows it.
        output.Append("'\\x"u8);
        output.AppendHex(value[..Math.Min(value.Length, MaxHexBytes)]);
        output.Append((byte)'\'');
        if (!whole || value.Length > MaxHexBytes)
            output.Append("…"u8);
    }

    private static void WriteUuid(ReadOnlySpan<byte> value, Utf8TextBuilder output)
    {
        output.Append((byte)'\'');
        output.AppendHex(value[..4]);
        output.Append((byte)'-');
        output.AppendHex(value[4..6]);
        output.Append((byte)'-');
        output.AppendHex(value[6..8]);
        output.Append((byte)'-');
        output.AppendHex(value[8..10]);
        output.Append((byte)'-');
        output.AppendHex(value[10..]);
        output.Append((byte)'\'');
    }
}
