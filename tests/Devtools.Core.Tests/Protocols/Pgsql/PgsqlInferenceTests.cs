using System.Text;
using Devtools.Core.Connections;
using Devtools.Core.Protocols;
using Devtools.Core.Protocols.Pgsql;
using static Devtools.Core.Tests.Protocols.Pgsql.PgWire;

namespace Devtools.Core.Tests.Protocols.Pgsql;

public class PgsqlInferenceTests
{
    private static readonly PgsqlProtocol Protocol = new();

    public static TheoryData<string, byte[]> ClientStarts => new()
    {
        { "startup", Startup() },
        { "ssl request", SslRequest() },
        { "gssenc request", GssEncRequest() },
        { "cancel", CancelRequest() },
        { "query", PgWire.Query("SELECT 1") },
        { "long query, first bytes", PgWire.Query("SELECT " + new string('x', 5000))[..100] },
        { "extended", Concat(Parse("", "SELECT $1", 23), Bind("", "", [1], [Int32(1)]), Describe('P', ""), Execute(), Sync()) },
        { "bind", BindText("", "P_0", "1") },
        { "execute", Execute() },
        { "sync", Sync() },
        { "terminate", Terminate() },
        { "close", Close('S', "s1") },
        { "describe", Describe('S', "s1") },
        { "flush", Flush() },
    };

    public static TheoryData<string, byte[]> ServerStarts => new()
    {
        { "auth sasl", AuthSasl() },
        { "auth ok and more", Concat(AuthOk(), ParameterStatus("a", "b"), BackendKeyData(), Ready()) },
        { "ready", Ready() },
        { "row description", Concat(RowDescription("a", "b"), DataRow("1", null), CommandComplete("SELECT 1"), Ready()) },
        { "parse complete", Concat(ParseComplete(), BindComplete(), NoData(), CommandComplete("INSERT 0 1"), Ready('T')) },
        { "error", Concat(Error("42P01", "nope"), Ready()) },
        { "notice", Notice("hello") },
        { "parameter description", Concat(ParameterDescription(23, 25), NoData()) },
        { "empty query", Concat(EmptyQuery(), Ready()) },
        { "suspended", PortalSuspended() },
        { "close complete", CloseComplete() },
    };

    [Theory]
    [MemberData(nameof(ClientStarts))]
    public void ClientMessagesAreRequests(string name, byte[] data)
    {
        Assert.True(Infer(data, Direction.Ingress, ConnectionRole.Server) == InferenceResult.Request, name);
        Assert.True(Infer(data, Direction.Egress, ConnectionRole.Client) == InferenceResult.Request, name);
        // The wrong way round they are not ours.
        Assert.NotEqual(InferenceResult.Request, Infer(data, Direction.Egress, ConnectionRole.Server));
    }

    [Theory]
    [MemberData(nameof(ServerStarts))]
    public void ServerMessagesAreResponses(string name, byte[] data)
    {
        Assert.True(Infer(data, Direction.Egress, ConnectionRole.Server) == InferenceResult.Response, name);
        Assert.True(Infer(data, Direction.Ingress, ConnectionRole.Client) == InferenceResult.Response, name);
    }

    [Fact]
    public void UnknownRoleIsDecidedByUnambiguousMessages()
    {
        Assert.Equal(InferenceResult.Request, Infer(Startup(), Direction.Egress, ConnectionRole.Unknown));
        Assert.Equal(InferenceResult.Request, Infer(PgWire.Query("SELECT 1"), Direction.Egress, ConnectionRole.Unknown));
        Assert.Equal(InferenceResult.Response, Infer(Concat(ParseComplete(), BindComplete()), Direction.Ingress, ConnectionRole.Unknown));
        Assert.Equal(InferenceResult.Response, Infer(Ready(), Direction.Ingress, ConnectionRole.Unknown));
    }

    [Fact]
    public void PartialMessagesWaitForMore()
    {
        Assert.Equal(InferenceResult.NeedMoreData, Infer([(byte)'Q'], Direction.Ingress, ConnectionRole.Server));
        Assert.Equal(InferenceResult.NeedMoreData, Infer([0, 0, 0], Direction.Ingress, ConnectionRole.Server));
        Assert.Equal(InferenceResult.NeedMoreData, Infer(Startup().AsSpan(0, 20), Direction.Ingress, ConnectionRole.Server));
        Assert.Equal(InferenceResult.NeedMoreData, Infer(Ready().AsSpan(0, 3), Direction.Egress, ConnectionRole.Server));
    }

    [Theory]
    [InlineData("GET / HTTP/1.1\r\nHost: a\r\n\r\n")]
    [InlineData("POST /api HTTP/1.1\r\nContent-Length: 2\r\n\r\n{}")]
    [InlineData("PUT /x HTTP/1.1\r\n\r\n")]
    [InlineData("DELETE /x HTTP/1.1\r\n\r\n")]
    [InlineData("HEAD / HTTP/1.0\r\n\r\n")]
    [InlineData("CONNECT a:443 HTTP/1.1\r\n\r\n")]
    [InlineData("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")]
    [InlineData("*2\r\n$3\r\nGET\r\n$1\r\nk\r\n")]
    [InlineData("+OK\r\n")]
    [InlineData("-ERR unknown command\r\n")]
    [InlineData(":1\r\n")]
    [InlineData("$5\r\nhello\r\n")]
    [InlineData("PING\r\n")]
    [InlineData("SET k v\r\n")]
    [InlineData("QUIT\r\n")]
    [InlineData("EHLO mail.example\r\n")]
    [InlineData("SSH-2.0-OpenSSH_9.2\r\n")]
    public void TextProtocolsAreNotClaimed(string text)
    {
        byte[] data = Encoding.ASCII.GetBytes(text);
        foreach (Direction direction in (Direction[])[Direction.Ingress, Direction.Egress])
        {
            foreach (ConnectionRole role in (ConnectionRole[])[ConnectionRole.Server, ConnectionRole.Client, ConnectionRole.Unknown])
                Assert.Equal(InferenceVerdict.NoMatch, Infer(data, direction, role).Verdict);
        }
    }

    public static TheoryData<string, byte[]> BinaryNeighbours => new()
    {
        // MySQL: server greeting, client handshake response, COM_QUERY, OK and ERR packets.
        { "mysql greeting", Convert.FromHexString("4a0000000a382e302e333300080000003b5b0b2c5a43680000ffffff0200ffdf1500000000000000000000586f3b3e5526294a31207a00") },
        { "mysql com_query", Concat([0x21, 0, 0, 0, 3], Encoding.ASCII.GetBytes("SELECT * FROM users WHERE id = 1")) },
        { "mysql com_query Q-sized", Concat([0x51, 0, 0, 0, 3], Encoding.ASCII.GetBytes(new string('x', 80))) },
        { "mysql ok", Convert.FromHexString("0700000200000002000000") },
        { "mysql err", Concat([0x17, 0, 0, 1, 0xff, 0x48, 0x04, (byte)'#'], Encoding.ASCII.GetBytes("42S02Unknown table")) },
        { "tls client hello", Convert.FromHexString("160301020001000001fc0303") },
        { "dns over tcp", Convert.FromHexString("001d12340100000100000000000003777777076578616d706c6503636f6d0000010001") },
        { "zeros", new byte[64] },
    };

    [Theory]
    [MemberData(nameof(BinaryNeighbours))]
    public void BinaryProtocolsAreNotClaimed(string name, byte[] data)
    {
        foreach (Direction direction in (Direction[])[Direction.Ingress, Direction.Egress])
        {
            foreach (ConnectionRole role in (ConnectionRole[])[ConnectionRole.Server, ConnectionRole.Client, ConnectionRole.Unknown])
                Assert.True(Infer(data, direction, role).Verdict != InferenceVerdict.Match, $"{name} {direction} {role}");
        }
    }

    [Fact]
    public void TrailingGarbageAfterAValidMessageIsNotClaimed()
    {
        byte[] data = Concat(PgWire.Query("SELECT 1"), Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\n"));
        Assert.Equal(InferenceVerdict.NoMatch, Infer(data, Direction.Ingress, ConnectionRole.Server).Verdict);
    }

    [Fact]
    public void RandomBytesNeverThrow()
    {
        var random = new Random(3);
        int matches = 0;
        for (int i = 0; i < 20_000; i++)
        {
            byte[] data = new byte[random.Next(1, 64)];
            random.NextBytes(data);
            if (Infer(data, (Direction)random.Next(2), (ConnectionRole)random.Next(3)).Verdict == InferenceVerdict.Match)
                matches++;
        }
        Assert.True(matches < 20, $"{matches} random byte strings were claimed");
    }

    [Fact]
    public void InferenceOrderDoesNotLetHttpOrPgsqlClaimTheOther()
    {
        var registry = new ProtocolRegistry(BuiltInProtocols.Create());
        Assert.Equal("pgsql", registry.Infer(Startup(), Direction.Ingress, ConnectionRole.Server, ProtocolTransports.Tcp, out _)?.Protocol.Name);
        Assert.Equal("pgsql", registry.Infer(PgWire.Query("SELECT 1"), Direction.Ingress, ConnectionRole.Server, ProtocolTransports.Tcp, out _)?.Protocol.Name);
        Assert.Equal("http", registry.Infer("GET / HTTP/1.1\r\n\r\n"u8, Direction.Ingress, ConnectionRole.Server, ProtocolTransports.Tcp, out _)?.Protocol.Name);
    }

    private static InferenceResult Infer(ReadOnlySpan<byte> data, Direction direction, ConnectionRole role) => Protocol.Infer(data, direction, role);
}
