using System.Text;
using Devtools.Core.Connections;
using Devtools.Core.Protocols;
using Devtools.Core.Protocols.Http1;
using Devtools.Core.Protocols.Mysql;
using static Devtools.Core.Tests.Protocols.Mysql.MysqlBytes;

namespace Devtools.Core.Tests.Protocols.Mysql;

/// <summary>MySQL is recognised from commands, logins, greetings and responses, and from nothing else.</summary>
public class MysqlInferenceTests
{
    private static readonly MysqlProtocol Protocol = new();

    public static TheoryData<string, byte[]> Requests => new()
    {
        { "query", TextQuery("SELECT id, name FROM users WHERE id = 1") },
        { "lower-case query", TextQuery("select 1") },
        { "query with comment", TextQuery("/* app */ UPDATE t SET a = 1") },
        { "query with attributes", Packet(0, [3, 0, 1, .. "SELECT 1"u8.ToArray()]) },
        { "init db", Command(MysqlCommand.InitDb, "shop") },
        { "ping", Command(MysqlCommand.Ping) },
        { "quit", Command(MysqlCommand.Quit) },
        { "prepare", Command(MysqlCommand.StmtPrepare, "SELECT * FROM t WHERE id = ?") },
        { "execute", Execute(1, true, Param.I64(5)) },
        { "close", StatementCommand(MysqlCommand.StmtClose, 1) },
        { "reset connection", Command(MysqlCommand.ResetConnection) },
        { "field list", Packet(0, [(byte)MysqlCommand.FieldList, .. "orders\0"u8.ToArray()]) },
        { "login", Login(MysqlSamples.ClientCapabilities) },
        { "ssl request", Login(MysqlSamples.ClientCapabilities, sslRequest: true) },
    };

    public static TheoryData<string, byte[]> Responses => new()
    {
        { "greeting", Greeting() },
        { "mysql 8 greeting", Greeting(version: "8.0.36") },
        { "ok", Ok(1, affected: 1, insertId: 5) },
        { "ok with info", Ok(1, affected: 3, info: "Rows matched: 3  Changed: 3  Warnings: 0") },
        { "err", Err(1, 1146, "42S02", "Table 'shop.x' doesn't exist") },
        { "result set", ResultSet(1, ["id", "name"], [["1", "a"]], deprecateEof: true) },
    };

    public static TheoryData<string, byte[]> Others => new()
    {
        { "http request", Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\nHost: x\r\n\r\n") },
        { "http response", Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n") },
        { "redis command", Encoding.ASCII.GetBytes("*1\r\n$4\r\nPING\r\n") },
        { "redis inline", Encoding.ASCII.GetBytes("PING\r\n") },
        { "redis reply", Encoding.ASCII.GetBytes("+OK\r\n") },
        { "pg ssl request", [0, 0, 0, 8, 0x04, 0xD2, 0x16, 0x2F] },
        { "pg startup", [0, 0, 0, 41, 0, 3, 0, 0, .. "user\0postgres\0database\0shop\0\0"u8.ToArray()] },
        { "pg query", [(byte)'Q', 0, 0, 0, 0x16, .. "SELECT 1 FROM pg_am;\0"u8.ToArray()] },
        { "pg query 22", [(byte)'Q', 0, 0, 0, 22, .. "SELECT * FROM shop_o\0"u8.ToArray()] },
        { "pg auth ok", [(byte)'R', 0, 0, 0, 8, 0, 0, 0, 0, (byte)'S', 0, 0, 0, 0x16] },
        { "tls client hello", [0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, 0xFC, 0x03, 0x03, .. new byte[40]] },
        { "http2 preface", Encoding.ASCII.GetBytes("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n") },
        { "dns over tcp", [0x00, 0x1d, 0xab, 0xcd, 0x01, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x07, .. "example"u8.ToArray(), 3, .. "com"u8.ToArray(), 0, 0, 1, 0, 1] },
        { "ssh banner", Encoding.ASCII.GetBytes("SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n") },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public void RequestsAreRecognised(string name, byte[] bytes)
    {
        Assert.True(Protocol.Infer(bytes, Direction.Ingress, ConnectionRole.Server) == InferenceResult.Request, name);
        Assert.True(Protocol.Infer(bytes, Direction.Egress, ConnectionRole.Unknown) == InferenceResult.Request, name);
        // Going the wrong way for the role: not ours.
        Assert.True(Protocol.Infer(bytes, Direction.Egress, ConnectionRole.Server) == InferenceResult.NoMatch, name);
    }

    [Theory]
    [MemberData(nameof(Responses))]
    public void ResponsesAreRecognised(string name, byte[] bytes)
    {
        Assert.True(Protocol.Infer(bytes, Direction.Egress, ConnectionRole.Server) == InferenceResult.Response, name);
        Assert.True(Protocol.Infer(bytes, Direction.Ingress, ConnectionRole.Client) == InferenceResult.Response, name);
        Assert.True(Protocol.Infer(bytes, Direction.Ingress, ConnectionRole.Server) == InferenceResult.NoMatch, name);
    }

    [Theory]
    [MemberData(nameof(Others))]
    public void OtherProtocolsAreNotClaimed(string name, byte[] bytes)
    {
        foreach (Direction direction in (Direction[])[Direction.Ingress, Direction.Egress])
        {
            for (int length = 1; length <= bytes.Length; length++)
            {
                InferenceResult result = Protocol.Infer(bytes.AsSpan(0, length), direction, ConnectionRole.Unknown);
                Assert.True(result.Verdict != InferenceVerdict.Match, $"{name}: claimed from its first {length} bytes");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Requests))]
    public void HttpDoesNotClaimMysqlRequests(string name, byte[] bytes) =>
        Assert.True(new Http1Protocol().Infer(bytes, Direction.Ingress, ConnectionRole.Unknown).Verdict == InferenceVerdict.NoMatch, name);

    [Theory]
    [MemberData(nameof(Requests))]
    public void PartialPacketsAskForMoreRatherThanGuessing(string name, byte[] bytes)
    {
        for (int length = 1; length < Math.Min(bytes.Length, 5); length++)
            Assert.True(Protocol.Infer(bytes.AsSpan(0, length), Direction.Ingress, ConnectionRole.Server).Verdict != InferenceVerdict.NoMatch, $"{name} at {length}");
    }

    [Fact]
    public void ShortCommandsMustBeWhole()
    {
        byte[] ping = Command(MysqlCommand.Ping);
        Assert.Equal(InferenceResult.NeedMoreData, Protocol.Infer(ping.AsSpan(0, 4), Direction.Ingress, ConnectionRole.Server));
        Assert.Equal(InferenceResult.Request, Protocol.Infer(ping, Direction.Ingress, ConnectionRole.Server));
        // A ping of two bytes is no ping.
        Assert.Equal(InferenceResult.NoMatch, Protocol.Infer([2, 0, 0, 0, 0x0e, 0], Direction.Ingress, ConnectionRole.Server));
    }

    [Fact]
    public void RandomBytesAreNotClaimed()
    {
        var random = new Random(1234);
        int claimed = 0;
        var examples = new List<string>();
        byte[] buffer = new byte[256];
        for (int i = 0; i < 200_000; i++)
        {
            random.NextBytes(buffer);
            int length = random.Next(1, buffer.Length);
            if (Protocol.Infer(buffer.AsSpan(0, length), (Direction)(i & 1), ConnectionRole.Unknown).Verdict == InferenceVerdict.Match)
            {
                claimed++;
                examples.Add(Convert.ToHexString(buffer.AsSpan(0, Math.Min(length, 24))) + " len " + length);
            }
        }
        Assert.True(claimed == 0, $"{claimed} random buffers claimed:\n" + string.Join("\n", examples));
    }

    [Fact]
    public void RegisteredAfterHttpAndBothKeepTheirOwn()
    {
        var registry = new ProtocolRegistry(BuiltInProtocols.Create());
        ProtocolMatch? mysql = registry.Infer(TextQuery("SELECT 1"), Direction.Ingress, ConnectionRole.Server, ProtocolTransports.Tcp, out _);
        Assert.Equal("mysql", mysql?.Protocol.Name);
        ProtocolMatch? http = registry.Infer(Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\n\r\n"), Direction.Ingress, ConnectionRole.Server, ProtocolTransports.Tcp, out _);
        Assert.Equal("http", http?.Protocol.Name);
    }
}
