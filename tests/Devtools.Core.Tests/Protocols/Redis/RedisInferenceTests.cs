using System.Text;
using Devtools.Core.Connections;
using Devtools.Core.Protocols;
using Devtools.Core.Protocols.Redis;

namespace Devtools.Core.Tests.Protocols.Redis;

public class RedisInferenceTests
{
    private static readonly RedisProtocol Redis = new();

    [Theory]
    [InlineData("*1\r\n$4\r\nPING\r\n")]
    [InlineData("*3\r\n$3\r\nset\r\n$1\r\nk\r\n$1\r\nv\r\n")]
    [InlineData("*2\r\n$5\r\nHELLO\r\n$1\r\n3\r\n")]
    [InlineData("PING\r\n")]
    [InlineData("ping\n")]
    [InlineData("CLIENT LIST\r\n")]
    [InlineData("*2\r\n$8\r\nJSON.GET\r\n$1\r\nk\r\n")]
    public void CommandsAreRequests(string text)
    {
        Assert.Equal(InferenceResult.Request, Infer(text, Direction.Ingress, ConnectionRole.Server));
        Assert.Equal(InferenceResult.Request, Infer(text, Direction.Egress, ConnectionRole.Client));
    }

    [Theory]
    [InlineData("*1\r\n$4\r\nPING\r\n")]
    [InlineData("PING\r\n")]
    public void UnknownRoleCommandsAreRequests(string text) =>
        Assert.Equal(InferenceResult.Request, Infer(text, Direction.Egress, ConnectionRole.Unknown));

    [Theory]
    [InlineData("+OK\r\n")]
    [InlineData("+PONG\r\n")]
    [InlineData("-ERR unknown command 'FOO'\r\n")]
    [InlineData("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n")]
    [InlineData(":1\r\n")]
    [InlineData("$5\r\nhello\r\n")]
    [InlineData("$-1\r\n")]
    [InlineData("*-1\r\n")]
    [InlineData("*0\r\n")]
    [InlineData("*2\r\n$1\r\na\r\n$1\r\nb\r\n")]
    [InlineData("%7\r\n$6\r\nserver\r\n")]
    [InlineData("_\r\n")]
    [InlineData("#t\r\n")]
    [InlineData(",1.5\r\n")]
    [InlineData(">3\r\n$7\r\nmessage\r\n")]
    [InlineData("$1000\r\n")]
    public void RepliesAreResponses(string text)
    {
        Assert.Equal(InferenceResult.Response, Infer(text, Direction.Egress, ConnectionRole.Server));
        Assert.Equal(InferenceResult.Response, Infer(text, Direction.Ingress, ConnectionRole.Unknown));
    }

    [Theory]
    [InlineData("*1\r\n$4\r\nPI")]
    [InlineData("*1\r\n")]
    [InlineData("*")]
    [InlineData("PIN")]
    [InlineData("+O")]
    [InlineData("$5\r\nhel")]
    public void PartialMessagesNeedMoreData(string text) =>
        Assert.Equal(InferenceResult.NeedMoreData, Infer(text, Direction.Ingress, ConnectionRole.Unknown));

    [Theory]
    [InlineData("GET / HTTP/1.1\r\nHost: a\r\n\r\n")]
    [InlineData("MOVE /a HTTP/1.1\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\n")]
    [InlineData("get foo\r\n")]
    [InlineData("set foo 0 0 3\r\n")]
    [InlineData("+OK POP3 server ready\r\n")]
    [InlineData("-foo\r\n")]
    [InlineData("+\r\n")]
    [InlineData("SSH-2.0-OpenSSH_9.2\r\n")]
    [InlineData("EHLO example.com\r\n")]
    [InlineData("$5\r\nhelloXX")]
    [InlineData("*abc\r\n")]
    [InlineData(":12a\r\n")]
    [InlineData("hello world\r\n")]
    [InlineData("AUTH LOGIN\r\n")]
    [InlineData("TYPE I\r\n")]
    [InlineData("PING :irc.example.net\r\n")]
    public void OtherTextIsNotRedis(string text)
    {
        foreach (ConnectionRole role in (ConnectionRole[])[ConnectionRole.Unknown, ConnectionRole.Server, ConnectionRole.Client])
        {
            Assert.Equal(InferenceResult.NoMatch, Infer(text, Direction.Ingress, role));
            Assert.Equal(InferenceResult.NoMatch, Infer(text, Direction.Egress, role));
        }
    }

    [Fact]
    public void BinaryProtocolsAreNotRedis()
    {
        byte[][] samples =
        [
            [0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, 0xfc, 0x03, 0x03], // TLS ClientHello
            [0x00, 0x00, 0x00, 0x08, 0x04, 0xd2, 0x16, 0x2f], // PostgreSQL SSLRequest
            [0x2a, 0x00, 0x00, 0x00, 0x0a, 0x38, 0x2e, 0x30], // MySQL greeting of 42 bytes ('*')
            [0x3a, 0x00, 0x00, 0x00, 0x0a, 0x35, 0x2e, 0x37], // MySQL greeting of 58 bytes (':')
            [0x24, 0x00, 0x00, 0x00, 0x0a, 0x35, 0x2e, 0x37], // MySQL greeting of 36 bytes ('$')
            [0x2b, 0x00, 0x00, 0x00, 0x0a, 0x35, 0x2e, 0x37], // MySQL greeting of 43 bytes ('+')
            "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"u8.ToArray(),
        ];
        var random = new Random(3);
        for (int i = 0; i < 2000; i++)
        {
            byte[] bytes = new byte[random.Next(1, 64)];
            random.NextBytes(bytes);
            samples = [.. samples, bytes];
        }
        int matched = 0;
        foreach (byte[] sample in samples)
        {
            foreach (ConnectionRole role in (ConnectionRole[])[ConnectionRole.Unknown, ConnectionRole.Server])
            {
                if (Redis.Infer(sample, Direction.Ingress, role).Verdict == InferenceVerdict.Match)
                    matched++;
            }
        }
        Assert.Equal(0, matched);
    }

    [Theory]
    [InlineData("*1\r\n$4\r\nP!NG\r\n")]
    [InlineData("*1\r\n:1\r\n")]
    public void ArraysThatAreNoCommandsCanOnlyBeReplies(string text)
    {
        Assert.Equal(InferenceResult.NoMatch, Infer(text, Direction.Ingress, ConnectionRole.Server));
        Assert.Equal(InferenceResult.Response, Infer(text, Direction.Egress, ConnectionRole.Server));
        Assert.Equal(InferenceResult.Response, Infer(text, Direction.Egress, ConnectionRole.Unknown));
    }

    [Fact]
    public void MessagesGoingTheWrongWayAreNotRedis()
    {
        Assert.Equal(InferenceResult.NoMatch, Infer("+OK\r\n", Direction.Ingress, ConnectionRole.Server));
        Assert.Equal(InferenceResult.NoMatch, Infer("PING\r\n", Direction.Egress, ConnectionRole.Server));
    }

    [Fact]
    public void RegistryGivesHttpToHttpAndRedisToRedis()
    {
        var registry = new ProtocolRegistry(BuiltInProtocols.Create());
        Assert.Equal("http", registry.Infer("GET /ping HTTP/1.1\r\n\r\n"u8, Direction.Ingress, ConnectionRole.Server, ProtocolTransports.Tcp, out _)?.Protocol.Name);
        Assert.Equal("redis", registry.Infer("*1\r\n$4\r\nPING\r\n"u8, Direction.Ingress, ConnectionRole.Server, ProtocolTransports.Tcp, out _)?.Protocol.Name);
        Assert.Equal("redis", registry.Infer("PING\r\n"u8, Direction.Ingress, ConnectionRole.Server, ProtocolTransports.Tcp, out _)?.Protocol.Name);
        Assert.Equal("redis", registry.Infer("+PONG\r\n"u8, Direction.Egress, ConnectionRole.Server, ProtocolTransports.Tcp, out _)?.Protocol.Name);
    }

    [Fact]
    public void InferenceNeverThrowsOnPrefixesOfValidTraffic()
    {
        byte[] all = [.. RedisSamples.AllRequests, .. RedisSamples.AllResponses];
        for (int start = 0; start < all.Length; start++)
        {
            for (int length = 0; length <= Math.Min(64, all.Length - start); length++)
            {
                foreach (Direction direction in (Direction[])[Direction.Ingress, Direction.Egress])
                    Redis.Infer(all.AsSpan(start, length), direction, ConnectionRole.Unknown);
            }
        }
    }

    private static InferenceResult Infer(string text, Direction direction, ConnectionRole role) =>
        Redis.Infer(Encoding.Latin1.GetBytes(text), direction, role);
}
