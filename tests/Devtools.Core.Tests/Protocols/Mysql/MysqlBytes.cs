using System.Buffers.Binary;
using System.Text;
using Devtools.Core.Protocols.Mysql;

namespace Devtools.Core.Tests.Protocols.Mysql;

/// <summary>Builds MySQL wire bytes: packets, commands, responses, result sets, the handshake.</summary>
public static class MysqlBytes
{
    public const MysqlCapabilities ServerCapabilities = (MysqlCapabilities)0x81FFF7FE | MysqlCapabilities.DeprecateEof;

    public static byte[] Packet(int sequence, ReadOnlySpan<byte> payload)
    {
        var result = new List<byte>(payload.Length + 8);
        int offset = 0;
        while (true)
        {
            int length = Math.Min(payload.Length - offset, 0xFFFFFF);
            result.Add((byte)length);
            result.Add((byte)(length >> 8));
            result.Add((byte)(length >> 16));
            result.Add((byte)sequence++);
            result.AddRange(payload.Slice(offset, length).ToArray());
            offset += length;
            if (length < 0xFFFFFF)
                return [.. result];
        }
    }

    public static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];

    public static byte[] Command(MysqlCommand command, string text = "") =>
        Packet(0, [(byte)command, .. Encoding.UTF8.GetBytes(text)]);

    public static byte[] TextQuery(string sql) => Command(MysqlCommand.Query, sql);

    public static byte[] StatementCommand(MysqlCommand command, uint id, params byte[] extra)
    {
        byte[] payload = new byte[5 + extra.Length];
        payload[0] = (byte)command;
        BinaryPrimitives.WriteUInt32LittleEndian(payload.AsSpan(1), id);
        extra.CopyTo(payload, 5);
        return Packet(0, payload);
    }

    /// <summary>A binary parameter: MYSQL_TYPE, unsigned flag and the encoded value (null for NULL).</summary>
    public readonly record struct Param(byte Type, bool IsUnsigned, byte[]? Value)
    {
        public static Param I64(long v) => new(0x08, false, BitConverter.GetBytes(v));

        public static Param I32(int v) => new(0x03, false, BitConverter.GetBytes(v));

        public static Param I8(sbyte v) => new(0x01, false, [(byte)v]);

        public static Param U16(ushort v) => new(0x02, true, BitConverter.GetBytes(v));

        public static Param F64(double v) => new(0x05, false, BitConverter.GetBytes(v));

        public static Param F32(float v) => new(0x04, false, BitConverter.GetBytes(v));

        public static Param Text(string s) => new(0xfd, false, LengthEncodedString(Encoding.UTF8.GetBytes(s)));

        public static Param Blob(byte[] b) => new(0xfc, false, LengthEncodedString(b));

        public static Param Dec(string s) => new(0xf6, false, LengthEncodedString(Encoding.ASCII.GetBytes(s)));

        public static Param Null() => new(0x06, false, null);

        public static Param DateTime(int y, int mo, int d, int h, int mi, int s, uint micro = 0) =>
            micro == 0
                ? new(0x0c, false, [7, (byte)y, (byte)(y >> 8), (byte)mo, (byte)d, (byte)h, (byte)mi, (byte)s])
                : new(0x0c, false, [11, (byte)y, (byte)(y >> 8), (byte)mo, (byte)d, (byte)h, (byte)mi, (byte)s, .. BitConverter.GetBytes(micro)]);

        public static Param Date(int y, int mo, int d) => new(0x0a, false, [4, (byte)y, (byte)(y >> 8), (byte)mo, (byte)d]);

        public static Param Time(bool negative, uint days, int h, int mi, int s) =>
            new(0x0b, false, [8, (byte)(negative ? 1 : 0), .. BitConverter.GetBytes(days), (byte)h, (byte)mi, (byte)s]);
    }

    /// <summary>COM_STMT_EXECUTE with its parameters; types sent when <paramref name="bindTypes"/>.</summary>
    public static byte[] Execute(uint id, bool bindTypes, params Param[] parameters)
    {
        var payload = new List<byte> { (byte)MysqlCommand.StmtExecute };
        payload.AddRange(BitConverter.GetBytes(id));
        payload.Add(0); // no cursor
        payload.AddRange(BitConverter.GetBytes(1u));
        if (parameters.Length > 0)
        {
            byte[] nulls = new byte[(parameters.Length + 7) / 8];
            for (int i = 0; i < parameters.Length; i++)
            {
                if (parameters[i].Value is null)
                    nulls[i / 8] |= (byte)(1 << (i % 8));
            }
            payload.AddRange(nulls);
            payload.Add(bindTypes ? (byte)1 : (byte)0);
            if (bindTypes)
            {
                foreach (Param p in parameters)
                {
                    payload.Add(p.Type);
                    payload.Add(p.IsUnsigned ? (byte)0x80 : (byte)0);
                }
            }
            foreach (Param p in parameters)
                payload.AddRange(p.Value ?? []);
        }
        return Packet(0, payload.ToArray());
    }

    public static byte[] Ok(int sequence, ulong affected = 0, ulong insertId = 0, MysqlServerStatus status = MysqlServerStatus.AutoCommit, ushort warnings = 0, byte header = 0x00, string info = "")
    {
        var payload = new List<byte> { header };
        payload.AddRange(LengthEncodedInt(affected));
        payload.AddRange(LengthEncodedInt(insertId));
        payload.AddRange(BitConverter.GetBytes((ushort)status));
        payload.AddRange(BitConverter.GetBytes(warnings));
        payload.AddRange(Encoding.UTF8.GetBytes(info));
        return Packet(sequence, payload.ToArray());
    }

    public static byte[] Err(int sequence, ushort code, string state, string message) =>
        Packet(sequence, [0xFF, .. BitConverter.GetBytes(code), (byte)'#', .. Encoding.ASCII.GetBytes(state), .. Encoding.UTF8.GetBytes(message)]);

    public static byte[] Eof(int sequence, MysqlServerStatus status = MysqlServerStatus.AutoCommit, ushort warnings = 0) =>
        Packet(sequence, [0xFE, .. BitConverter.GetBytes(warnings), .. BitConverter.GetBytes((ushort)status)]);

    public static byte[] ColumnDefinition(int sequence, string name, byte type = 0xfd) =>
        Packet(sequence, [
            .. LengthEncodedString("def"u8.ToArray()), .. LengthEncodedString("shop"u8.ToArray()), .. LengthEncodedString("t"u8.ToArray()),
            .. LengthEncodedString("t"u8.ToArray()), .. LengthEncodedString(Encoding.UTF8.GetBytes(name)), .. LengthEncodedString(Encoding.UTF8.GetBytes(name)),
            0x0c, 0x21, 0x00, 0x50, 0x00, 0x00, 0x00, type, 0x00, 0x00, 0x00, 0x00, 0x00,
        ]);

    /// <summary>
    /// A text result set starting at <paramref name="sequence"/>: count, definitions, [EOF],
    /// rows, then EOF or (deprecated EOF) an OK with the EOF header.
    /// </summary>
    public static byte[] ResultSet(int sequence, string[] columns, string?[][] rows, bool deprecateEof, MysqlServerStatus status = MysqlServerStatus.AutoCommit, bool binary = false)
    {
        var parts = new List<byte[]> { Packet(sequence++, LengthEncodedInt((ulong)columns.Length)) };
        foreach (string column in columns)
            parts.Add(ColumnDefinition(sequence++, column));
        if (!deprecateEof)
            parts.Add(Eof(sequence++, status));
        foreach (string?[] row in rows)
            parts.Add(Packet(sequence++, binary ? BinaryRow(row) : TextRow(row)));
        parts.Add(deprecateEof ? Ok(sequence, status: status, header: 0xFE) : Eof(sequence, status));
        return Concat([.. parts]);
    }

    public static int ResultSetPackets(int columns, int rows, bool deprecateEof) => 1 + columns + (deprecateEof ? 0 : 1) + rows + 1;

    public static byte[] PrepareOk(int sequence, uint id, int columns, int parameters, bool deprecateEof)
    {
        var parts = new List<byte[]>
        {
            Packet(sequence++, [0x00, .. BitConverter.GetBytes(id), .. BitConverter.GetBytes((ushort)columns), .. BitConverter.GetBytes((ushort)parameters), 0x00, 0x00, 0x00]),
        };
        for (int i = 0; i < parameters; i++)
            parts.Add(ColumnDefinition(sequence++, "?"));
        if (parameters > 0 && !deprecateEof)
            parts.Add(Eof(sequence++));
        for (int i = 0; i < columns; i++)
            parts.Add(ColumnDefinition(sequence++, "c" + i));
        if (columns > 0 && !deprecateEof)
            parts.Add(Eof(sequence));
        return Concat([.. parts]);
    }

    public static byte[] Greeting(MysqlCapabilities capabilities = ServerCapabilities, string version = "5.5.5-10.11.6-MariaDB")
    {
        var payload = new List<byte> { 10 };
        payload.AddRange(Encoding.ASCII.GetBytes(version));
        payload.Add(0);
        payload.AddRange(BitConverter.GetBytes(42u));
        payload.AddRange("abcdefgh"u8.ToArray());
        payload.Add(0);
        payload.AddRange(BitConverter.GetBytes((ushort)capabilities));
        payload.Add(0x21);
        payload.AddRange(BitConverter.GetBytes((ushort)2));
        payload.AddRange(BitConverter.GetBytes((ushort)((uint)capabilities >> 16)));
        payload.Add(21);
        payload.AddRange(new byte[10]);
        payload.AddRange("ijklmnopqrst\0"u8.ToArray());
        payload.AddRange("mysql_native_password\0"u8.ToArray());
        return Packet(0, payload.ToArray());
    }

    /// <summary>HandshakeResponse41 (or, with <paramref name="sslRequest"/>, the 32-byte SSLRequest).</summary>
    public static byte[] Login(MysqlCapabilities capabilities, bool sslRequest = false, string user = "root")
    {
        var payload = new List<byte>();
        payload.AddRange(BitConverter.GetBytes((uint)(capabilities | MysqlCapabilities.Protocol41 | (sslRequest ? MysqlCapabilities.Ssl : 0))));
        payload.AddRange(BitConverter.GetBytes(16u << 20));
        payload.Add(0x21);
        payload.AddRange(new byte[23]);
        if (!sslRequest)
        {
            payload.AddRange(Encoding.ASCII.GetBytes(user));
            payload.Add(0);
            payload.Add(20);
            payload.AddRange(new byte[20]);
            payload.AddRange("mysql_native_password\0"u8.ToArray());
        }
        return Packet(1, payload.ToArray());
    }

    public static byte[] TextRow(string?[] values) =>
        [.. values.SelectMany(v => v is null ? [(byte)0xFB] : LengthEncodedString(Encoding.UTF8.GetBytes(v)))];

    /// <summary>A binary row of strings: header 0x00, null bitmap (offset 2), values.</summary>
    public static byte[] BinaryRow(string?[] values)
    {
        byte[] nulls = new byte[(values.Length + 7 + 2) / 8];
        for (int i = 0; i < values.Length; i++)
        {
            if (values[i] is null)
                nulls[(i + 2) / 8] |= (byte)(1 << ((i + 2) % 8));
        }
        return [0x00, .. nulls, .. values.Where(v => v is not null).SelectMany(v => LengthEncodedString(Encoding.UTF8.GetBytes(v!)))];
    }

    public static byte[] LengthEncodedInt(ulong value) => value switch
    {
        < 251 => [(byte)value],
        < 65536 => [0xFC, (byte)value, (byte)(value >> 8)],
        < 16777216 => [0xFD, (byte)value, (byte)(value >> 8), (byte)(value >> 16)],
        _ => [0xFE, .. BitConverter.GetBytes(value)],
    };

    public static byte[] LengthEncodedString(byte[] value) => [.. LengthEncodedInt((ulong)value.Length), .. value];
}
