using System.Buffers.Binary;
using System.Globalization;
using System.Text.Unicode;

namespace Devtools.Core.Protocols.Mysql;

/// <summary>
/// Writes a COM_STMT_EXECUTE as readable SQL: the prepared query with each '?' placeholder
/// (outside quotes and comments) replaced by the parameter's value, decoded from the binary
/// protocol — integers, floats, decimals, strings and blobs (bounded), dates and times.
/// Values past the kept part of the payload, or of a type whose size is unknown, stay '?'.
/// </summary>
internal static class MysqlExecuteText
{
    /// <summary>Bytes of a binary value shown as hex.</summary>
    private const int MaxHexBytes = 32;

    /// <summary>
    /// <paramref name="payload"/> is the kept prefix of the execute's payload (command byte
    /// first); <paramref name="payloadLength"/> its true length.
    /// </summary>
    public static void Write(ref MysqlMessage frame, ref PreparedStatement statement, ReadOnlySpan<byte> payload, bool queryAttributes, MysqlLimits limits)
    {
        ReadOnlySpan<byte> query = statement.Query;
        var values = new ParameterValues(payload, statement.ParameterCount);
        if (!values.TryLocate(ref statement, queryAttributes))
            values = default;
        WriteSubstituted(ref frame, query, ref values, limits);
    }

    private static void WriteSubstituted(ref MysqlMessage frame, ReadOnlySpan<byte> query, ref ParameterValues values, MysqlLimits limits)
    {
        int run = 0;
        int i = 0;
        while (i < query.Length && frame.TextRoom > 0)
        {
            byte c = query[i];
            switch (c)
            {
                case (byte)'\'' or (byte)'"' or (byte)'`':
                    i = AfterQuoted(query, i, c);
                    break;
                case (byte)'#':
                    i = AfterLine(query, i);
                    break;
                case (byte)'-' when i + 1 < query.Length && query[i + 1] == (byte)'-' && (i + 2 == query.Length || query[i + 2] <= (byte)' '):
                    i = AfterLine(query, i);
                    break;
                case (byte)'/' when i + 1 < query.Length && query[i + 1] == (byte)'*':
                    int end = query[(i + 2)..].IndexOf("*/"u8);
                    i = end < 0 ? query.Length : i + 2 + end + 2;
                    break;
                case (byte)'?':
                    frame.Append(query[run..i]);
                    if (!values.TryWriteNext(ref frame, limits))
                        frame.Append((byte)'?');
                    i++;
                    run = i;
                    break;
                default:
                    i++;
                    break;
            }
        }
        frame.Append(query[run..]);
    }

    private static int AfterQuoted(ReadOnlySpan<byte> query, int start, byte quote)
    {
        int i = start + 1;
        while (i < query.Length)
        {
            byte c = query[i];
            if (c == (byte)'\\' && quote != (byte)'`')
            {
                i += 2;
                continue;
            }
            if (c == quote)
            {
                // A doubled quote stands for one and does not end the literal.
                if (i + 1 < query.Length && query[i + 1] == quote)
                {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return query.Length;
    }

    private static int AfterLine(ReadOnlySpan<byte> query, int start)
    {
        int end = query[start..].IndexOf((byte)'\n');
        return end < 0 ? query.Length : start + end + 1;
    }

    /// <summary>The execute's null bitmap, types and values, read in parameter order.</summary>
    private ref struct ParameterValues
    {
        private readonly ReadOnlySpan<byte> _payload;
        private readonly int _count;
        private ReadOnlySpan<byte> _nulls;
        private ReadOnlySpan<byte> _types;
        private int _position;
        private int _next;
        private bool _stuck;

        public ParameterValues(ReadOnlySpan<byte> payload, int count)
        {
            _payload = payload;
            _count = count;
        }

        /// <summary>Finds the bitmap, the types (sent now, or remembered from an earlier execute) and the first value.</summary>
        public bool TryLocate(ref PreparedStatement statement, bool queryAttributes)
        {
            const int fixedLength = 10; // command, statement id, flags, iteration count
            if (_payload.Length < fixedLength || _count == 0)
                return false;
            int position = fixedLength;
            int count = _count;
            if (queryAttributes)
            {
                if (!MysqlWire.TryReadLengthEncoded(_payload, ref position, out ulong sent) || sent > ushort.MaxValue)
                    return false;
                count = (int)sent;
                if (count < _count)
                    return false;
            }
            int bitmapLength = (count + 7) / 8;
            if (position + bitmapLength + 1 > _payload.Length)
                return false;
            _nulls = _payload.Slice(position, bitmapLength);
            position += bitmapLength;
            bool bound = _payload[position++] == 1;
            if (bound)
            {
                Span<byte> types = statement.Types;
                for (int i = 0; i < count; i++)
                {
                    if (position + 2 > _payload.Length)
                        return false;
                    if (i < _count)
                    {
                        types[2 * i] = _payload[position];
                        types[(2 * i) + 1] = _payload[position + 1];
                    }
                    position += 2;
                    // With query attributes every parameter also has a name.
                    if (queryAttributes && !SkipString(_payload, ref position))
                        return false;
                }
                statement.HasTypes = true;
            }
            else if (!statement.HasTypes)
            {
                return false;
            }
            _types = statement.Types;
            _position = position;
            return true;
        }

        /// <summary>Writes the next parameter's value; false when it cannot be known.</summary>
        public bool TryWriteNext(ref MysqlMessage frame, MysqlLimits limits)
        {
            if (_stuck || _next >= _count || _types.IsEmpty)
                return false;
            int index = _next++;
            if ((_nulls[index / 8] & (1 << (index % 8))) != 0)
            {
                frame.Append("NULL"u8);
                return true;
            }
            byte type = _types[2 * index];
            bool unsigned = (_types[(2 * index) + 1] & 0x80) != 0;
            if (!TryWriteValue(ref frame, type, unsigned, limits))
            {
                // Later values start at an unknown place.
                _stuck = true;
                return false;
            }
            return true;
        }

        private bool TryWriteValue(ref MysqlMessage frame, byte type, bool unsigned, MysqlLimits limits)
        {
            ReadOnlySpan<byte> rest = _position <= _payload.Length ? _payload[_position..] : default;
            switch (type)
            {
                case 0x06: // NULL
                    frame.Append("NULL"u8);
                    return true;
                case 0x01: // TINY
                    if (rest.Length < 1)
                        return false;
                    frame.Append(unsigned ? rest[0] : (long)(sbyte)rest[0]);
                    _position += 1;
                    return true;
                case 0x02 or 0x0d: // SHORT, YEAR
                    if (rest.Length < 2)
                        return false;
                    frame.Append(unsigned ? BinaryPrimitives.ReadUInt16LittleEndian(rest) : (long)BinaryPrimitives.ReadInt16LittleEndian(rest));
                    _position += 2;
                    return true;
                case 0x03 or 0x09: // LONG, INT24
                    if (rest.Length < 4)
                        return false;
                    frame.Append(unsigned ? BinaryPrimitives.ReadUInt32LittleEndian(rest) : (long)BinaryPrimitives.ReadInt32LittleEndian(rest));
                    _position += 4;
                    return true;
                case 0x08: // LONGLONG
                    if (rest.Length < 8)
                        return false;
                    if (unsigned)
                        frame.Append(BinaryPrimitives.ReadUInt64LittleEndian(rest));
                    else
                        frame.Append(BinaryPrimitives.ReadInt64LittleEndian(rest));
                    _position += 8;
                    return true;
                case 0x04: // FLOAT
                    if (rest.Length < 4)
                        return false;
                    AppendFloat(ref frame, BinaryPrimitives.ReadSingleLittleEndian(rest));
                    _position += 4;
                    return true;
                case 0x05: // DOUBLE
                    if (rest.Length < 8)
                        return false;
                    frame.Append(BinaryPrimitives.ReadDoubleLittleEndian(rest));
                    _position += 8;
                    return true;
                case 0x07 or 0x0a or 0x0c: // TIMESTAMP, DATE, DATETIME
                    return TryWriteDateTime(ref frame, rest);
                case 0x0b: // TIME
                    return TryWriteTime(ref frame, rest);
                case 0x00 or 0xf6: // DECIMAL, NEWDECIMAL: digits as text
                    return TryWriteString(ref frame, rest, quoted: false, limits);
                case 0x0f or 0xf5 or 0xf7 or 0xf8 or 0xfd or 0xfe: // VARCHAR, JSON, ENUM, SET, VAR_STRING, STRING
                    return TryWriteString(ref frame, rest, quoted: true, limits);
                case 0x10 or 0xf9 or 0xfa or 0xfb or 0xfc or 0xff: // BIT, blobs, GEOMETRY
                    return TryWriteBinary(ref frame, rest, limits);
                default:
                    return false;
            }
        }

        private bool TryWriteString(ref MysqlMessage frame, ReadOnlySpan<byte> rest, bool quoted, MysqlLimits limits)
        {
            if (!MysqlWire.TryReadLengthEncoded(rest, out ulong length, out int size))
                return false;
            ReadOnlySpan<byte> value = rest[size..];
            bool whole = (ulong)value.Length >= length;
            if (whole)
                value = value[..(int)length];
            if (quoted)
                AppendQuoted(ref frame, value, whole, limits.MaxParameterBytes);
            else
                frame.Append(value[..Math.Min(value.Length, limits.MaxParameterBytes)]);
            Advance(whole, size, length);
            return true;
        }

        /// <summary>Blobs that hold text are shown as text; others as X'hex', the first bytes only.</summary>
        private bool TryWriteBinary(ref MysqlMessage frame, ReadOnlySpan<byte> rest, MysqlLimits limits)
        {
            if (!MysqlWire.TryReadLengthEncoded(rest, out ulong length, out int size))
                return false;
            ReadOnlySpan<byte> value = rest[size..];
            bool whole = (ulong)value.Length >= length;
            if (whole)
                value = value[..(int)length];
            if (Utf8.IsValid(value) && !value.ContainsAnyInRange((byte)0, (byte)8))
            {
                AppendQuoted(ref frame, value, whole, limits.MaxParameterBytes);
            }
            else
            {
                frame.Append("X'"u8);
                ReadOnlySpan<byte> shown = value[..Math.Min(value.Length, MaxHexBytes)];
                Span<byte> hex = stackalloc byte[2];
                foreach (byte b in shown)
                {
                    hex[0] = HexDigit(b >> 4);
                    hex[1] = HexDigit(b & 0xF);
                    frame.Append(hex);
                }
                if (!whole || length > MaxHexBytes)
                    frame.Append("..."u8);
                frame.Append((byte)'\'');
            }
            Advance(whole, size, length);
            return true;
        }

        /// <summary>Moves past a value; one cut short by the kept payload leaves later values unknown.</summary>
        private void Advance(bool whole, int size, ulong length)
        {
            if (whole)
                _position += size + (int)length;
            else
                _stuck = true;
        }

        private static void AppendQuoted(ref MysqlMessage frame, ReadOnlySpan<byte> value, bool whole, int maxBytes)
        {
            bool cut = !whole || value.Length > maxBytes;
            if (value.Length > maxBytes)
                value = value[..maxBytes];
            frame.Append((byte)'\'');
            while (!value.IsEmpty)
            {
                int quote = value.IndexOfAny((byte)'\'', (byte)'\\');
                if (quote < 0)
                {
                    frame.Append(value);
                    break;
                }
                frame.Append(value[..quote]);
                frame.Append(value[quote]);
                frame.Append(value[quote]);
                value = value[(quote + 1)..];
            }
            if (cut)
                frame.Append("..."u8);
            frame.Append((byte)'\'');
        }

        private bool TryWriteDateTime(ref MysqlMessage frame, ReadOnlySpan<byte> rest)
        {
            if (rest.IsEmpty)
                return false;
            int length = rest[0];
            if (length is not (0 or 4 or 7 or 11))
                return false;
            if (rest.Length < 1 + length)
                return false;
            ReadOnlySpan<byte> v = rest.Slice(1, length);
            frame.Append((byte)'\'');
            if (length == 0)
            {
                frame.Append("0000-00-00"u8);
            }
            else
            {
                frame.AppendPadded(BinaryPrimitives.ReadUInt16LittleEndian(v), 4);
                frame.Append((byte)'-');
                frame.AppendPadded(v[2], 2);
                frame.Append((byte)'-');
                frame.AppendPadded(v[3], 2);
            }
            if (length >= 7)
            {
                frame.Append((byte)' ');
                AppendClock(ref frame, v[4], v[5], v[6]);
            }
            if (length == 11)
            {
                frame.Append((byte)'.');
                frame.AppendPadded(BinaryPrimitives.ReadUInt32LittleEndian(v[7..]), 6);
            }
            frame.Append((byte)'\'');
            _position += 1 + length;
            return true;
        }

        private bool TryWriteTime(ref MysqlMessage frame, ReadOnlySpan<byte> rest)
        {
            if (rest.IsEmpty)
                return false;
            int length = rest[0];
            if (length is not (0 or 8 or 12))
                return false;
            if (rest.Length < 1 + length)
                return false;
            ReadOnlySpan<byte> v = rest.Slice(1, length);
            frame.Append((byte)'\'');
            if (length == 0)
            {
                frame.Append("00:00:00"u8);
            }
            else
            {
                if (v[0] == 1)
                    frame.Append((byte)'-');
                long hours = (BinaryPrimitives.ReadUInt32LittleEndian(v[1..]) * 24L) + v[5];
                AppendClock(ref frame, hours, v[6], v[7]);
                if (length == 12)
                {
                    frame.Append((byte)'.');
                    frame.AppendPadded(BinaryPrimitives.ReadUInt32LittleEndian(v[8..]), 6);
                }
            }
            frame.Append((byte)'\'');
            _position += 1 + length;
            return true;
        }

        private static void AppendClock(ref MysqlMessage frame, long hours, int minutes, int seconds)
        {
            frame.AppendPadded(hours, 2);
            frame.Append((byte)':');
            frame.AppendPadded(minutes, 2);
            frame.Append((byte)':');
            frame.AppendPadded(seconds, 2);
        }

        private static void AppendFloat(ref MysqlMessage frame, float value)
        {
            Span<byte> digits = stackalloc byte[32];
            if (value.TryFormat(digits, out int written, default, CultureInfo.InvariantCulture))
                frame.Append(digits[..written]);
        }

        private static bool SkipString(ReadOnlySpan<byte> payload, ref int position)
        {
            if (!MysqlWire.TryReadLengthEncoded(payload, ref position, out ulong length) || length > int.MaxValue)
                return false;
            position += (int)length;
            return position <= payload.Length;
        }

        private static byte HexDigit(int nibble) => (byte)(nibble < 10 ? '0' + nibble : 'A' + nibble - 10);
    }
}
