using System.Text;
using Devtools.Core.Connections;
using Devtools.Core.Protocols;

namespace Devtools.Core.Tests.Protocols.Http1;

/// <summary>Bodies: large ones over many events, chunked ones split anywhere, and bytes missing from them.</summary>
public class Http1BodyTests
{
    private const string Get = "GET / HTTP/1.1\r\nHost: a\r\n\r\n";

    [Fact]
    public void LargeContentLengthBodyKeepsOnlyThePrefixAndTheTrueSize()
    {
        using var harness = new Http1Harness();
        byte[] body = Pattern(100_000);
        harness.Request(Get);
        harness.Response($"HTTP/1.1 200 OK\r\nContent-Length: {body.Length}\r\n\r\n");
        harness.FeedInPieces(harness.ResponseDirection, body, 1000);
        long lastEventNs = harness.Now - 1000;
        harness.Request(Get);
        harness.Response("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");

        Assert.Equal(2, harness.Records.Count);
        HttpRecord big = harness.Records[0];
        Assert.Equal(100_000, big.ResponseBodySize);
        Assert.Equal(body.AsSpan(0, 512).ToArray(), big.ResponseBody);
        Assert.Equal(lastEventNs, big.ResponseEndNs);
        Assert.Equal("ok", harness.Records[1].ResponseBodyText);
        Assert.True(harness.Connection.Stream(harness.ResponseDirection).BufferedBytes == 0);
    }

    [Fact]
    public void LargeBodyInOneEventIsSkippedByTheDriver()
    {
        using var harness = new Http1Harness();
        byte[] body = Pattern(20_000);
        harness.Request(Get);
        byte[] response = [.. Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Length: {body.Length}\r\n\r\n"), .. body, .. Encoding.ASCII.GetBytes("HTTP/1.1 204 No Content\r\n\r\n")];
        harness.Request(Get);
        harness.Response(response);

        Assert.Equal(2, harness.Records.Count);
        Assert.Equal(20_000, harness.Records[0].ResponseBodySize);
        Assert.Equal(512, harness.Records[0].ResponseBody.Length);
        Assert.Equal(204, harness.Records[1].Status);
    }

    [Fact]
    public void MaxBodyBytesBoundsThePrefix()
    {
        using var harness = new Http1Harness(options: new() { MaxBodyBytes = 4 });
        harness.Request("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n3\r\ndef\r\n0\r\n\r\n");
        harness.Response("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n0123456789");
        HttpRecord record = Assert.Single(harness.Records);
        Assert.Equal("abcd", record.RequestBodyText);
        Assert.Equal(6, record.RequestBodySize);
        Assert.Equal("0123", record.ResponseBodyText);
        Assert.Equal(10, record.ResponseBodySize);
    }

    [Fact]
    public void ZeroMaxBodyBytesKeepsNoBodyButCountsIt()
    {
        using var harness = new Http1Harness(options: new() { MaxBodyBytes = 0 });
        harness.Request("POST / HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc");
        harness.Response("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
        HttpRecord record = Assert.Single(harness.Records);
        Assert.Empty(record.RequestBody);
        Assert.Equal(3, record.RequestBodySize);
        Assert.Equal(2, record.ResponseBodySize);
    }

    [Fact]
    public void AbsurdLimitsAreClamped()
    {
        using var harness = new Http1Harness(options: new() { MaxBodyBytes = int.MaxValue, MaxHeadBytes = int.MaxValue });
        harness.Request("POST / HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc");
        harness.Response("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
        Assert.Equal("abc", Assert.Single(harness.Records).RequestBodyText);
    }

    [Fact]
    public void ChunkedBodySplitAtEveryOffsetDecodesTheSame()
    {
        string response = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "1A;a=1;b=\"x y\"\r\nabcdefghijklmnopqrstuvwxyz\r\n"
            + "00000004\r\nWiki\r\n"
            + "5 ; spaced\r\npedia\r\n"
            + "0\r\nX-Trailer: one\r\nX-Other: two\r\n\r\n";
        byte[] bytes = Encoding.ASCII.GetBytes(response);
        for (int split = 1; split < bytes.Length; split++)
        {
            using var harness = new Http1Harness();
            harness.Request(Get);
            harness.Response(bytes.AsSpan(0, split));
            harness.Response(bytes.AsSpan(split));
            HttpRecord record = Assert.Single(harness.Records);
            Assert.Equal("abcdefghijklmnopqrstuvwxyzWikipedia", record.ResponseBodyText);
            Assert.Equal(35, record.ResponseBodySize);
            Assert.Equal("one", record.ResponseHeader("X-Trailer"));
            Assert.Equal("two", record.ResponseHeader("X-Other"));
            Assert.Equal("chunked", record.ResponseHeader("Transfer-Encoding"));
        }
    }

    [Fact]
    public void ManyChunksOverManyEventsKeepThePrefixAndCountEverything()
    {
        using var harness = new Http1Harness();
        harness.Request(Get);
        harness.Response("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\n");
        var expected = new StringBuilder();
        for (int i = 0; i < 500; i++)
        {
            string chunk = $"{{\"n\":{i}}},";
            expected.Append(chunk);
            harness.Response($"{chunk.Length:x}\r\n{chunk}\r\n");
        }
        harness.Response("0\r\n\r\n");
        HttpRecord record = Assert.Single(harness.Records);
        Assert.Equal(expected.Length, record.ResponseBodySize);
        Assert.Equal(expected.ToString(0, 512), record.ResponseBodyText);
    }

    [Fact]
    public void SendfileBodyCompletesAtTheFillerWithItsTimestamp()
    {
        using var harness = new Http1Harness();
        harness.Request("GET /file HTTP/1.1\r\n\r\n", timestampNs: 1_000);
        harness.Response("HTTP/1.1 200 OK\r\nContent-Length: 65536\r\n\r\n", timestampNs: 2_000);
        harness.Hole(harness.ResponseDirection, 65536, timestampNs: 9_000);

        // The record exists now: it does not wait for the next response to arrive.
        HttpRecord record = Assert.Single(harness.Records);
        Assert.Equal(65536, record.ResponseBodySize);
        Assert.Empty(record.ResponseBody);
        Assert.Equal(9_000, record.ResponseEndNs);
        Assert.Equal(8_000, record.LatencyNs);
        Assert.Equal(65536, harness.Http.AbsorbedHoleBytes);
        Assert.Equal(0, harness.Http.FramesLostToGaps);

        harness.Request("GET /next HTTP/1.1\r\n\r\n");
        harness.Response("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nx");
        Assert.Equal(2, harness.Records.Count);
        Assert.Equal(0, harness.Http.Resyncs);
    }

    [Fact]
    public void HoleInsideTheKeptPrefixIsAbsorbedAndThePrefixStopsAtIt()
    {
        using var harness = new Http1Harness();
        harness.Request(Get);
        harness.Response("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n0123456789");
        harness.Hole(harness.ResponseDirection, 30);
        harness.Response(new string('z', 60));
        harness.Request(Get);
        harness.Response("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");

        Assert.Equal(2, harness.Records.Count);
        Assert.Equal("0123456789", harness.Records[0].ResponseBodyText);
        Assert.Equal(100, harness.Records[0].ResponseBodySize);
        Assert.Equal(30, harness.Http.AbsorbedHoleBytes);
        Assert.Equal(0, harness.Http.FramesLostToGaps);
        Assert.Equal(0, harness.Http.ParseErrors);
    }

    [Fact]
    public void LostBytesBeyondThePrefixAreSkippedByTheDriver()
    {
        using var harness = new Http1Harness();
        byte[] body = Pattern(2000);
        harness.Request(Get);
        harness.Response([.. Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\n"), .. body]);
        harness.Hole(harness.ResponseDirection, 2500, kind: HoleKind.Lost);
        harness.Response(Pattern(500));
        Assert.Single(harness.Records);
        Assert.Equal(5000, harness.Records[0].ResponseBodySize);
        Assert.Equal(body.AsSpan(0, 512).ToArray(), harness.Records[0].ResponseBody);
        Assert.Equal(2500, harness.Http.AbsorbedHoleBytes);
    }

    [Fact]
    public void HoleCoveringABodyEndAndTheNextMessageStartEndsTheFrameThenResyncs()
    {
        using var harness = new Http1Harness();
        harness.Request(Get);
        harness.Request(Get);
        harness.Request(Get);
        harness.Response("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n01234");
        // 5 body bytes, then the second response's first 30 bytes, went missing.
        harness.Hole(harness.ResponseDirection, 35, kind: HoleKind.Lost);
        harness.Response("gth: 1\r\n\r\nxHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");

        Assert.Equal(2, harness.Records.Count);
        Assert.Equal("01234", harness.Records[0].ResponseBodyText);
        Assert.Equal(10, harness.Records[0].ResponseBodySize);
        Assert.Equal(5, harness.Http.AbsorbedHoleBytes);
        Assert.Equal(1, harness.Http.Resyncs);
        // Requests 2 and 3 were both answered as far as FIFO can tell; the lost response shifts them.
        Assert.Equal("ok", harness.Records[1].ResponseBodyText);
    }

    [Fact]
    public void HoleInsideChunkDataIsAbsorbed()
    {
        using var harness = new Http1Harness();
        harness.Request(Get);
        harness.Response("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n10\r\nabcd");
        harness.Hole(harness.ResponseDirection, 8);
        harness.Response("wxyz\r\n3\r\nend\r\n0\r\n\r\n");
        HttpRecord record = Assert.Single(harness.Records);
        Assert.Equal("abcd", record.ResponseBodyText);
        Assert.Equal(19, record.ResponseBodySize);
        Assert.Equal(8, harness.Http.AbsorbedHoleBytes);
    }

    [Fact]
    public void HoleCoveringChunkDataAndItsLineEndLosesTheFrame()
    {
        using var harness = new Http1Harness();
        harness.Request(Get);
        harness.Response("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nab");
        harness.Hole(harness.ResponseDirection, 6, kind: HoleKind.Lost);
        harness.Response("3\r\nend\r\n0\r\n\r\n");
        harness.Request(Get);
        harness.Response("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
        Assert.Equal(1, harness.Http.FramesLostToGaps);
        HttpRecord record = Assert.Single(harness.Records);
        Assert.Equal("ok", record.ResponseBodyText);
    }

    [Fact]
    public void HoleInHeadersDropsTheFrameAndResyncsAtTheNextMessage()
    {
        using var harness = new Http1Harness();
        harness.Request("GET /lost HTTP/1.1\r\nHost: a\r\n");
        harness.Hole(harness.RequestDirection, 20, kind: HoleKind.Lost);
        harness.Request("X-Tail: 1\r\n\r\nGET /found HTTP/1.1\r\nHost: a\r\n\r\n");
        harness.Response("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");

        HttpRecord record = Assert.Single(harness.Records);
        Assert.Equal("/found", record.Target);
        Assert.Equal(1, harness.Http.FramesLostToGaps);
        Assert.Equal(1, harness.Http.Resyncs);
        Assert.True(harness.Http.ResyncSkippedBytes > 0);
    }

    [Fact]
    public void CloseDelimitedBodyCompletesAtClose()
    {
        using var harness = new Http1Harness();
        harness.Request("GET / HTTP/1.1\r\n\r\n");
        harness.Response("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html>");
        harness.Response("<body>hi</body>");
        harness.Hole(harness.ResponseDirection, 1000, kind: HoleKind.Lost);
        long lastNs = harness.Now;
        harness.Response("</html>", timestampNs: lastNs);
        Assert.Empty(harness.Records);
        harness.Close();
        HttpRecord record = Assert.Single(harness.Records);
        Assert.Equal("<html><body>hi</body>", record.ResponseBodyText);
        Assert.Equal(6 + 15 + 1000 + 7, record.ResponseBodySize);
        Assert.Equal(lastNs, record.ResponseEndNs);
    }

    [Fact]
    public void MessageCutShortByTheCloseIsCounted()
    {
        using var harness = new Http1Harness();
        harness.Request("POST / HTTP/1.1\r\nContent-Length: 10\r\n\r\nabc");
        harness.Close();
        Assert.Empty(harness.Records);
        Assert.Equal(1, harness.Http.IncompleteFramesAtClose);
    }

    [Fact]
    public void CloseInsideSkippedBodyBytesIsCounted()
    {
        using var harness = new Http1Harness();
        harness.Request(Get);
        harness.Response([.. Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\n"), .. Pattern(1000)]);
        harness.Close();
        Assert.Empty(harness.Records);
        Assert.Equal(1, harness.Http.FramesLostToGaps);
        Assert.Equal(1, harness.Http.UnmatchedRequests);
    }

    private static byte[] Pattern(int length)
    {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++)
            bytes[i] = (byte)('a' + (i % 26));
        return bytes;
    }
}
