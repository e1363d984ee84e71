using System.Text;
using Devtools.Core.Connections;
using Devtools.Core.Protocols;
using Devtools.Core.Protocols.Http2;

namespace Devtools.Core.Tests.Protocols.Http2;

/// <summary>What HTTP/2 claims from first bytes, and what it must leave to others.</summary>
public class Http2InferenceTests
{
    private static readonly Http2Protocol Protocol = new();

    [Fact]
    public void ClientPrefaceIsARequest()
    {
        Assert.Equal(InferenceResult.Request, Infer(H2.Concat(H2.Preface, H2.Settings()), Direction.Egress, ConnectionRole.Unknown));
        Assert.Equal(InferenceResult.Request, Infer(H2.Preface, Direction.Ingress, ConnectionRole.Server));
        Assert.Equal(InferenceResult.NoMatch, Infer(H2.Preface, Direction.Egress, ConnectionRole.Server));
    }

    [Fact]
    public void PartialPrefaceWaits()
    {
        for (int n = 1; n < 24; n++)
            Assert.Equal(InferenceVerdict.NeedMoreData, Infer(H2.Preface.AsSpan(0, n).ToArray(), Direction.Egress, ConnectionRole.Client).Verdict);
    }

    [Fact]
    public void ServerSettingsIsAResponse()
    {
        Assert.Equal(InferenceResult.Response, Infer(H2.Settings((3, 100), (4, 65535)), Direction.Ingress, ConnectionRole.Unknown));
        Assert.Equal(InferenceResult.Response, Infer(H2.Concat(H2.Settings(), H2.WindowUpdate(0, 1000)), Direction.Egress, ConnectionRole.Server));
    }

    [Fact]
    public void FramesOfAConnectionJoinedLateAreRecognised()
    {
        var server = new HpackTestEncoder();
        byte[] response = H2.Concat(H2.Headers(5, server.Encode((":status", "200"), ("content-type", "text/plain"))), H2.Data(5, "hi", endStream: true));
        Assert.Equal(InferenceResult.Response, Infer(response, Direction.Ingress, ConnectionRole.Unknown));
        Assert.Equal(InferenceResult.Response, Infer(response, Direction.Egress, ConnectionRole.Server));
        var client = new HpackTestEncoder();
        byte[] request = H2.Headers(7, client.Encode((":method", "GET"), (":path", "/"), (":scheme", "http")), endStream: true);
        Assert.Equal(InferenceResult.Request, Infer(request, Direction.Egress, ConnectionRole.Unknown));
        // A single whole frame, exactly one event.
        Assert.Equal(InferenceResult.Request, Infer(H2.WindowUpdate(0, 100), Direction.Egress, ConnectionRole.Client));
    }

    [Theory]
    [InlineData("GET / HTTP/1.1\r\nHost: a\r\n\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\n\r\n")]
    [InlineData("PRI * HTTP/1.1\r\n\r\n")]
    [InlineData("*1\r\n$4\r\nPING\r\n")]
    [InlineData("+PONG\r\n")]
    public void TextProtocolsAreNotClaimed(string text)
    {
        foreach (ConnectionRole role in (ConnectionRole[])[ConnectionRole.Unknown, ConnectionRole.Client, ConnectionRole.Server])
            Assert.Equal(InferenceVerdict.NoMatch, Infer(Encoding.ASCII.GetBytes(text), Direction.Egress, role).Verdict);
    }

    [Theory]
    [InlineData("0000000804d2162f")]                                       // PostgreSQL SSLRequest
    [InlineData("00000029000300007573657200706f7374677265730000")]         // PostgreSQL StartupMessage (length 41)
    [InlineData("4a0000000a382e302e3333000b000000")]                       // MySQL server greeting
    [InlineData("001d12340100000100000000000003777777076578616d706c6503636f6d0000010001")] // DNS over TCP
    [InlineData("16030100c8010000c40303")]                                 // TLS ClientHello
    [InlineData("000000")]                                                 // too short to say, and never a frame
    public void OtherBinaryProtocolsAreNotClaimed(string hex)
    {
        byte[] bytes = Convert.FromHexString(hex);
        foreach (ConnectionRole role in (ConnectionRole[])[ConnectionRole.Unknown, ConnectionRole.Client, ConnectionRole.Server])
            Assert.NotEqual(InferenceVerdict.Match, Infer(bytes, Direction.Egress, role).Verdict);
    }

    [Fact]
    public void RandomBytesAreAlmostNeverClaimed()
    {
        var random = new Random(5);
        int claimed = 0;
        for (int i = 0; i < 100_000; i++)
        {
            byte[] bytes = new byte[random.Next(1, 200)];
            random.NextBytes(bytes);
            if (Infer(bytes, Direction.Egress, ConnectionRole.Client).Verdict == InferenceVerdict.Match)
                claimed++;
        }
        Assert.True(claimed <= 2, $"{claimed} random inputs were taken for HTTP/2");
    }

    private static InferenceResult Infer(byte[] bytes, Direction direction, ConnectionRole role) => Protocol.Infer(bytes, direction, role);
}
