using System.Text;
using Devtools.Core.Connections;
using Devtools.Core.Protocols.Http1;

namespace Devtools.Core.Tests.Protocols.Http1;

/// <summary>101 Switching Protocols and CONNECT tunnels end HTTP/1 on the connection.</summary>
public class Http1UpgradeTests
{
    private static readonly byte[] WebSocketFrame = [0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58];

    [Fact]
    public void WebSocketUpgradeRecordsThePairThenStopsParsing()
    {
        using var harness = new Http1Harness();
        harness.Request("GET /chat HTTP/1.1\r\nHost: a\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n");
        byte[] response = [.. Encoding.ASCII.GetBytes("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n"), .. WebSocketFrame];
        harness.Response(response);
        harness.Request(WebSocketFrame);
        harness.Request("GET /not-http-anymore HTTP/1.1\r\n\r\n");
        harness.Response(WebSocketFrame);
        harness.Close();

        HttpRecord record = Assert.Single(harness.Records);
        Assert.Equal(101, record.Status);
        Assert.Equal("websocket", record.ResponseHeader("Upgrade"));
        Assert.Equal(1, harness.Specific("protocol_switches"));
        Assert.Equal((WebSocketFrame.Length * 3) + 34, harness.Specific("bytes_after_switch"));
        Assert.Equal(0, harness.Http.ParseErrors);
        Assert.Equal(0, harness.Http.UnmatchedRequests);
    }

    [Fact]
    public void ConnectTunnelStopsParsing()
    {
        using var harness = new Http1Harness(ConnectionRole.Client);
        harness.Request("CONNECT api.example:443 HTTP/1.1\r\nHost: api.example:443\r\n\r\n");
        harness.Response("HTTP/1.1 200 Connection Established\r\n\r\n");
        harness.Request([0x16, 0x03, 0x01, 0x02, 0x00, 0x01]);
        harness.Response([0x16, 0x03, 0x03, 0x00, 0x7a]);
        harness.Close();
        HttpRecord record = Assert.Single(harness.Records);
        Assert.Equal("CONNECT", record.Method);
        Assert.Equal("api.example:443", record.Target);
        Assert.Equal(0, harness.Http.ParseErrors);
        Assert.Equal(11, harness.Specific("bytes_after_switch"));
    }

    [Fact]
    public void RefusedConnectKeepsHttp()
    {
        using var harness = new Http1Harness();
        harness.Request("CONNECT api.example:443 HTTP/1.1\r\n\r\n");
        harness.Response("HTTP/1.1 407 Proxy Authentication Required\r\nContent-Length: 0\r\n\r\n");
        harness.Request("GET / HTTP/1.1\r\n\r\n");
        harness.Response("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
        Assert.Equal(2, harness.Records.Count);
        Assert.Equal(0, harness.Specific("protocol_switches"));
    }

    [Fact]
    public void DeclinedUpgradeKeepsHttp()
    {
        using var harness = new Http1Harness();
        harness.Request("GET / HTTP/1.1\r\nUpgrade: h2c\r\nConnection: Upgrade, HTTP2-Settings\r\nHTTP2-Settings: AAMAAABkAAQAAP__\r\n\r\n");
        harness.Response("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
        harness.Request("GET /again HTTP/1.1\r\n\r\n");
        harness.Response("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
        Assert.Equal(2, harness.Records.Count);
    }

    [Fact]
    public void SwitchHandlerTakesTheBytesAfterTheSwitch()
    {
        var handler = new RecordingSwitchHandler();
        using var harness = new Http1Harness(switchHandler: handler);
        harness.Request("GET / HTTP/1.1\r\nUpgrade: h2c\r\nConnection: Upgrade, HTTP2-Settings\r\nHTTP2-Settings: AAMAAABkAAQAAP__\r\n\r\n");
        byte[] settings = [0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0x00, 0x00];
        harness.Response([.. Encoding.ASCII.GetBytes("HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: h2c\r\n\r\n"), .. settings]);

        Assert.Single(harness.Records);
        Assert.Equal(ProtocolSwitch.Upgrade, handler.Kind);
        Assert.Equal("h2c", handler.UpgradeProtocol);
        Assert.Equal("/", handler.RequestTarget);
        Assert.Same(harness.Connection, handler.Connection);
        // The bytes after the 101 are still in the stream for the new protocol.
        Assert.Equal(settings, harness.Connection.Stream(harness.ResponseDirection).Readable.ToArray());
        Assert.Equal(0, harness.Specific("bytes_after_switch"));
    }

    private sealed class RecordingSwitchHandler : IProtocolSwitchHandler
    {
        public Connection? Connection { get; private set; }

        public ProtocolSwitch Kind { get; private set; }

        public string? UpgradeProtocol { get; private set; }

        public string? RequestTarget { get; private set; }

        public SwitchTakeover TryTakeOver(in ProtocolSwitchContext context)
        {
            Connection = context.Connection;
            Kind = context.Kind;
            UpgradeProtocol = Encoding.ASCII.GetString(context.UpgradeProtocol);
            RequestTarget = context.HasRequest ? Encoding.ASCII.GetString(context.Request.Target) : null;
            return SwitchTakeover.Bytes;
        }
    }
}
