using System.Buffers.Binary;
using System.Text;

namespace Devtools.Core.Tests.Protocols.Pgsql;

/// <summary>Builds PostgreSQL protocol 3 messages, both directions, for tests.</summary>
internal static class PgWire
{
    // Frontend.
    public static byte[] Startup(string user = "app", string database = "shop") =>
        Untyped(3 << 16, Concat(CStr("user"), CStr(user), CStr("database"), CStr(database), CStr("application_name"), CStr("tests"), [0]));

    public static byte[] SslRequest() => Untyped(80877103, []);

    public static byte[] GssEncRequest() => Untyped(80877104, []);

    public static byte[] CancelRequest(int pid = 4242, int key = 77) => Untyped(80877102, Concat(Int32(pid), Int32(key)));

    public static byte[] Password(string text) => Msg('p', CStr(text));

    public static byte[] Query(string sql) => Msg('Q', CStr(sql));

    public static byte[] Parse(string name, string sql, params uint[] types) =>
        Msg('P', Concat(CStr(name), CStr(sql), Int16((short)types.Length), Concat([.. types.Select(t => Int32((int)t))])));

    /// <summary>Bind with explicit formats and raw values (null = SQL NULL).</summary>
    public static byte[] Bind(string portal, string statement, short[] formats, byte[]?[] values, short[]? resultFormats = null)
    {
        var parts = new List<byte[]> { CStr(portal), CStr(statement), Int16((short)formats.Length) };
        parts.AddRange(formats.Select(Int16));
        parts.Add(Int16((short)values.Length));
        foreach (byte[]? value in values)
        {
            parts.Add(Int32(value?.Length ?? -1));
            if (value is not null)
                parts.Add(value);
        }
        resultFormats ??= [];
        parts.Add(Int16((short)resultFormats.Length));
        parts.AddRange(resultFormats.Select(Int16));
        return Msg('B', Concat([.. parts]));
    }

    /// <summary>Bind with text parameters (null = SQL NULL).</summary>
    public static byte[] BindText(string portal, string statement, params string?[] values) =>
        Bind(portal, statement, [], [.. values.Select(v => v is null ? null : Encoding.UTF8.GetBytes(v))]);

    public static byte[] Describe(char kind, string name) => Msg('D', Concat([(byte)kind], CStr(name)));

    public static byte[] Execute(string portal = "", int maxRows = 0) => Msg('E', Concat(CStr(portal), Int32(maxRows)));

    public static byte[] Close(char kind, string name) => Msg('C', Concat([(byte)kind], CStr(name)));

    public static byte[] Sync() => Msg('S', []);

    public static byte[] Flush() => Msg('H', []);

    public static byte[] Terminate() => Msg('X', []);

    public static byte[] CopyData(string text) => Msg('d', Encoding.UTF8.GetBytes(text));

    public static byte[] CopyDone() => Msg('c', []);

    // Backend.
    public static byte[] SslRefused() => [(byte)'N'];

    public static byte[] AuthOk() => Msg('R', Int32(0));

    public static byte[] AuthSasl() => Msg('R', Concat(Int32(10), CStr("SCRAM-SHA-256"), [0]));

    public static byte[] AuthSaslContinue(string data) => Msg('R', Concat(Int32(11), Encoding.ASCII.GetBytes(data)));

    public static byte[] AuthSaslFinal(string data) => Msg('R', Concat(Int32(12), Encoding.ASCII.GetBytes(data)));

    public static byte[] ParameterStatus(string name, string value) => Msg('S', Concat(CStr(name), CStr(value)));

    public static byte[] BackendKeyData(int pid = 4242, int key = 77) => Msg('K', Concat(Int32(pid), Int32(key)));

    public static byte[] Ready(char status = 'I') => Msg('Z', [(byte)status]);

    public static byte[] RowDescription(params string[] columns) =>
        Msg('T', Concat(Int16((short)columns.Length), Concat([.. columns.Select(c => Concat(CStr(c), Int32(16384), Int16(1), Int32(23), Int16(4), Int32(-1), Int16(0)))])));

    public static byte[] DataRow(params string?[] values) =>
        Msg('D', Concat(Int16((short)values.Length), Concat([.. values.Select(v => v is null ? Int32(-1) : Concat(Int32(Encoding.UTF8.GetByteCount(v)), Encoding.UTF8.GetBytes(v)))])));

    public static byte[] CommandComplete(string tag) => Msg('C', CStr(tag));

    public static byte[] Error(string code, string message, string severity = "ERROR") =>
        Msg('E', Concat((byte[])[(byte)'S'], CStr(severity), [(byte)'V'], CStr(severity), [(byte)'C'], CStr(code), [(byte)'M'], CStr(message), [(byte)'F'], CStr("parse_relation.c"), [(byte)'L'], CStr("1392"), [0]));

    public static byte[] Notice(string message) =>
        Msg('N', Concat((byte[])[(byte)'S'], CStr("NOTICE"), [(byte)'V'], CStr("NOTICE"), [(byte)'C'], CStr("00000"), [(byte)'M'], CStr(message), [0]));

    public static byte[] ParseComplete() => Msg('1', []);

    public static byte[] BindComplete() => Msg('2', []);

    public static byte[] CloseComplete() => Msg('3', []);

    public static byte[] NoData() => Msg('n', []);

    public static byte[] ParameterDescription(params uint[] types) => Msg('t', Concat(Int16((short)types.Length), Concat([.. types.Select(t => Int32((int)t))])));

    public static byte[] PortalSuspended() => Msg('s', []);

    public static byte[] EmptyQuery() => Msg('I', []);

    public static byte[] CopyInResponse(int columns) => Msg('G', Concat([0], Int16((short)columns), Concat([.. Enumerable.Range(0, columns).Select(_ => Int16(0))])));

    public static byte[] CopyOutResponse(int columns) => Msg('H', Concat([0], Int16((short)columns), Concat([.. Enumerable.Range(0, columns).Select(_ => Int16(0))])));

    public static byte[] CopyDataOut(string text) => Msg('d', Encoding.UTF8.GetBytes(text));

    public static byte[] CopyDoneOut() => Msg('c', []);

    // Building blocks.
    public static byte[] Msg(char tag, byte[] payload)
    {
        byte[] message = new byte[5 + payload.Length];
        message[0] = (byte)tag;
        BinaryPrimitives.WriteInt32BigEndian(message.AsSpan(1), 4 + payload.Length);
        payload.CopyTo(message, 5);
        return message;
    }

    public static byte[] Untyped(int code, byte[] payload)
    {
        byte[] packet = new byte[8 + payload.Length];
        BinaryPrimitives.WriteInt32BigEndian(packet, packet.Length);
        BinaryPrimitives.WriteInt32BigEndian(packet.AsSpan(4), code);
        payload.CopyTo(packet, 8);
        return packet;
    }

    public static byte[] CStr(string text) => [.. Encoding.UTF8.GetBytes(text), 0];

    public static byte[] Int16(short value)
    {
        byte[] bytes = new byte[2];
        BinaryPrimitives.WriteInt16BigEndian(bytes, value);
        return bytes;
    }

    public static byte[] Int32(int value)
    {
        byte[] bytes = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(bytes, value);
        return bytes;
    }

    public static byte[] Int64(long value)
    {
        byte[] bytes = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(bytes, value);
        return bytes;
    }

    public static byte[] Concat(params byte[][] parts)
    {
        byte[] all = new byte[parts.Sum(p => p.Length)];
        int at = 0;
        foreach (byte[] part in parts)
        {
            part.CopyTo(all, at);
            at += part.Length;
        }
        return all;
    }
}
