using System.Text;
using Devtools.Core.Connections;
using Devtools.Core.Tests.Protocols.Http1;

namespace Devtools.Core.Tests.Protocols.Http2;

/// <summary>Connections HTTP/2 did not see start the usual way: joined late, or upgraded from HTTP/1.</summary>
public class Http2LateJoinAndUpgradeTests
{
    [Fact]
    public void ConnectionJoinedLateYieldsWhatCanBeKnownAndMarksTheRest()
    {
        // The encoders have been running for a while: their tables hold entries we never see.
        var client = new HpackTestEncoder();
        var server = new HpackTestEncoder();
        client.Encode((":method", "GET"), (":path", "/warm"), (":scheme", "http"), (":authority", "shop"), ("x-session", "s1"));
        server.Encode((":status", "200"), ("content-type", "application/json"), ("x-served-by", "n1"));

        using var harness = new Http2Harness(ConnectionRole.Server);
        // Mid-stream: a DATA frame of a stream whose headers we missed, then new streams.
        harness.Request(H2.Data(21, "tail of an upload", endStream: true));
        harness.Response(H2.Headers(21, server.Encode((":status", "201"), ("x-served-by", "n1")), endStream: true));
        harness.Request(H2.Headers(23, client.Encode((":method", "GET"), (":path", "/new"), (":scheme", "http"), (":authority", "shop"), ("x-session", "s1")), endStream: true));
        harness.Response(H2.Concat(H2.Headers(23, server.Encode((":status", "200"), ("content-type", "application/json"), ("x-served-by", "n1"))), H2.Data(23, "{}", endStream: true)));
        harness.Close();

        Assert.Equal(2, harness.Records.Count);
        HttpRecord upload = harness.Records[0];
        Assert.Equal(201, upload.Status);
        Assert.Equal("", upload.Method);
        Assert.Equal("", upload.Target);
        Assert.Equal("lost", upload.RequestHeader("devtools.headers"));
        Assert.Equal("lost", upload.ResponseHeader("devtools.headers"));
        Assert.Equal(17, upload.RequestBodySize);

        HttpRecord fresh = harness.Records[1];
        // :method GET and :scheme http are static entries; :path /new is a new literal.
        Assert.Equal("GET", fresh.Method);
        Assert.Equal("/new", fresh.Target);
        Assert.Equal(200, fresh.Status);
        Assert.Equal("lost", fresh.RequestHeader("devtools.headers"));
        Assert.Null(fresh.RequestHeader("x-session"));
        Assert.Equal(2, fresh.ResponseBodySize);
        Assert.Equal(0, harness.Http2.ParseErrors);
        Assert.Equal(2, harness.Specific("records_with_lost_headers"));
        // Nothing decoded is invented: every field shown is one the encoders sent.
        string[] sent = ["x-session", ":method", ":path", ":scheme", ":authority", "devtools.headers", ":status", "content-type", "x-served-by"];
        Assert.All(harness.Records.SelectMany(r => r.RequestHeaders.Concat(r.ResponseHeaders)), h => Assert.Contains(h.Key, sent));
    }

    [Fact]
    public void H2cUpgradeContinuesAsHttp2WithTheUpgradeRequestAsStreamOne()
    {
        var server = new HpackTestEncoder();
        var client = new HpackTestEncoder();
        using var harness = new Http2Harness(ConnectionRole.Server, startAsHttp1: true);
        harness.Request(Encoding.ASCII.GetBytes("GET /index.html HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nConnection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\nHTTP2-Settings: AAMAAABkAAQAoAAAAAIAAAAA\r\nUser-Agent: nghttp2/1.52.0\r\n\r\n"), timestampNs: 10_000);
        harness.Response(H2.Concat(
            Encoding.ASCII.GetBytes("HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: h2c\r\n\r\n"),
            H2.Settings((3, 100)),
            H2.Headers(1, server.Encode((":status", "200"), ("content-type", "text/html"), ("content-length", "5"))),
            H2.Data(1, "hello", endStream: true)), timestampNs: 20_000);
        harness.Request(H2.Concat(H2.Preface, H2.Settings(), H2.SettingsAck), timestampNs: 30_000);
        harness.Request(H2.Headers(3, client.Encode((":method", "GET"), (":path", "/second"), (":scheme", "http"), (":authority", "127.0.0.1:8080")), endStream: true));
        harness.Response(H2.Concat(H2.SettingsAck, H2.Headers(3, server.Encode((":status", "404")), endStream: true)), timestampNs: 50_000);
        harness.Close();

        Assert.Equal(["/index.html", "/second"], harness.Records.Select(r => r.Target));
        HttpRecord first = harness.Records[0];
        Assert.Equal(2, first.MajorVersion);
        Assert.Equal("GET", first.Method);
        Assert.Equal(200, first.Status);
        Assert.Equal("hello", first.ResponseBodyText);
        Assert.Equal("h2c", first.RequestHeader("Upgrade"));
        Assert.Equal("127.0.0.1:8080", first.RequestHeader(":authority"));
        Assert.Equal(10_000, first.RequestStartNs);
        Assert.Equal(20_000, first.ResponseEndNs);
        Assert.Equal(404, harness.Records[1].Status);
        Assert.Equal(1, harness.Counters.Protocol("http").Specific("exchanges_handed_over").Value);
        Assert.Equal(1, harness.Specific("h2c_upgrades"));
        Assert.Equal(0, harness.Http2.ParseErrors);
        Assert.Equal(0, harness.Counters.Protocol("http").ParseErrors);
    }

    [Fact]
    public void WebSocketUpgradeIsNotTakenOver()
    {
        using var harness = new Http2Harness(ConnectionRole.Server, startAsHttp1: true);
        harness.Request(Encoding.ASCII.GetBytes("GET /chat HTTP/1.1\r\nHost: a\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n"));
        harness.Response(Encoding.ASCII.GetBytes("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n"));
        harness.Close();
        HttpRecord record = Assert.Single(harness.Records);
        Assert.Equal(1, record.MajorVersion);
        Assert.Equal(101, record.Status);
        Assert.Equal(0, harness.Http2.Connections);
    }
}
