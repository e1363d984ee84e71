using Devtools.Core.Connections;
using Devtools.Core.Tests.Protocols.Http1;

namespace Devtools.Core.Tests.Protocols.Http2;

/// <summary>Bytes nobody should send, and bytes we did not see: never throw, stay bounded, resynchronise.</summary>
public class Http2HostileInputTests
{
    private static readonly DataStreamOptions SmallStreams = new() { MaxBufferBytes = 64 * 1024 };

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void RandomGarbageNeverThrowsAndStaysBounded(int seed)
    {
        var random = new Random(seed);
        using var harness = new Http2Harness(streamOptions: SmallStreams);
        harness.Request(H2.Preface);
        for (int i = 0; i < 300; i++)
        {
            byte[] bytes = new byte[random.Next(1, 4000)];
            random.NextBytes(bytes);
            // Zero bytes make random data look like frame headers more often.
            for (int j = 0; j < bytes.Length; j += random.Next(1, 20))
                bytes[j] = 0;
            Direction direction = random.Next(2) == 0 ? Direction.Ingress : Direction.Egress;
            if (random.Next(10) == 0)
                harness.Hole(direction, random.Next(1, 100_000), kind: HoleKind.Lost);
            else
                harness.Feed(direction, bytes);
            AssertBounded(harness);
        }
        harness.Close();
        Assert.True(harness.Http2.ParseErrors + harness.Http2.ResyncSkippedBytes > 0);
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void MutatedTrafficNeverThrowsAndStaysBounded(int seed)
    {
        var random = new Random(seed);
        for (int round = 0; round < 100; round++)
        {
            using var harness = new Http2Harness(streamOptions: SmallStreams, options: new() { MaxHeadBytes = 2048, MaxBodyBytes = 64 });
            foreach ((bool isRequest, byte[] bytes) in Http2Samples.Script)
            {
                byte[] mutated = (byte[])bytes.Clone();
                int flips = random.Next(0, 3);
                for (int f = 0; f < flips && mutated.Length > 0; f++)
                    mutated[random.Next(mutated.Length)] = (byte)random.Next(256);
                harness.Feed(Http2Samples.DirectionOf(harness, isRequest), mutated);
                AssertBounded(harness);
            }
            harness.Close();
            Assert.True(harness.Records.Count <= 16);
        }
    }

    [Fact]
    public void TruncatedScriptAtEveryLengthNeverThrows()
    {
        byte[] requests = Http2Samples.AllRequests;
        byte[] responses = Http2Samples.AllResponses;
        for (int cut = 0; cut < responses.Length; cut += 7)
        {
            using var harness = new Http2Harness();
            harness.Request(requests.AsSpan(0, Math.Min(cut, requests.Length)));
            harness.Response(responses.AsSpan(0, cut));
            harness.Close();
            Assert.Equal(0, harness.Http2.ParseErrors);
        }
    }

    [Fact]
    public void AbsurdFrameLengthIsRejectedAndTrafficResumes()
    {
        var client = new HpackTestEncoder();
        var server = new HpackTestEncoder();
        using var harness = new Http2Harness(streamOptions: SmallStreams);
        harness.Request(H2.Concat(H2.Preface, H2.Settings()));
        harness.Response(H2.Settings());
        // 16 MiB - 1 declared, more than the default maximum frame size.
        harness.Request([0xff, 0xff, 0xff, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 1, 2, 3]);
        harness.Request(H2.Headers(3, client.Encode((":method", "GET"), (":path", "/after"), (":scheme", "http"), (":authority", "a")), endStream: true));
        harness.Response(H2.Headers(3, server.Encode((":status", "200")), endStream: true));
        HttpRecord record = Assert.Single(harness.Records);
        Assert.Equal("/after", record.Target);
        Assert.Equal(200, record.Status);
        Assert.True(harness.Http2.ParseErrors >= 1);
        Assert.Equal(1, harness.Http2.Resyncs);
    }

    [Fact]
    public void EndlessContinuationsStayBounded()
    {
        var client = new HpackTestEncoder();
        using var harness = new Http2Harness(options: new() { MaxHeadBytes = 4096 }, streamOptions: SmallStreams);
        harness.Request(H2.Concat(H2.Preface, H2.Settings()));
        harness.Request(H2.Frame(1, 0, 1, client.Encode((":method", "GET"), (":path", "/big"))));
        byte[] filler = new byte[1000];
        for (int i = 0; i < 500; i++)
        {
            harness.Request(H2.Frame(9, 0, 1, filler));
            AssertBounded(harness);
        }
        harness.Request(H2.Frame(9, 4, 1, filler));
        Assert.Equal(1, harness.Specific("header_blocks_lost"));
        // The block was lost, so the request's headers are: the stream is still followed.
        harness.Response(H2.Settings());
        harness.Response(H2.Headers(1, new HpackTestEncoder().Encode((":status", "431")), endStream: true));
        harness.Request(H2.Data(1, "", endStream: true));
        HttpRecord record = Assert.Single(harness.Records);
        Assert.Equal(431, record.Status);
        Assert.Equal("lost", record.RequestHeader("devtools.headers"));
    }

    [Fact]
    public void TooManyOpenStreamsAreBounded()
    {
        var client = new HpackTestEncoder();
        using var harness = new Http2Harness();
        harness.Request(H2.Concat(H2.Preface, H2.Settings()));
        for (int id = 1; id < 2 * 1000; id += 2)
            harness.Request(H2.Headers(id, client.Encode((":method", "GET"), (":path", "/open"), (":scheme", "http"), (":authority", "a")), endStream: true));
        Assert.True(harness.Specific("streams_evicted") >= 1000 - 256);
        harness.Close();
        Assert.Empty(harness.Records);
        Assert.Equal(1000, harness.Http2.UnmatchedRequests);
    }

    [Fact]
    public void HoleInsideDataIsSteppedOver()
    {
        var client = new HpackTestEncoder();
        var server = new HpackTestEncoder();
        using var harness = new Http2Harness();
        harness.Request(H2.Concat(H2.Preface, H2.Settings(), H2.Headers(1, client.Encode((":method", "GET"), (":path", "/big"), (":scheme", "http"), (":authority", "a")), endStream: true)));
        harness.Response(H2.Settings());
        harness.Response(H2.Headers(1, server.Encode((":status", "200"))));
        byte[] data = H2.Data(1, new byte[10_000], endStream: true);
        harness.Response(data.AsSpan(0, 1000));
        harness.Hole(harness.ResponseDirection, 8000, kind: HoleKind.Truncated);
        harness.Response(data.AsSpan(9000));
        harness.Request(H2.Headers(3, client.Encode((":method", "GET"), (":path", "/next"), (":scheme", "http"), (":authority", "a")), endStream: true));
        harness.Response(H2.Headers(3, server.Encode((":status", "200")), endStream: true));
        Assert.Equal(["/big", "/next"], harness.Records.Select(r => r.Target));
        Assert.Equal(10_000, harness.Records[0].ResponseBodySize);
        Assert.Equal(512, harness.Records[0].ResponseBody.Length);
        Assert.Equal(0, harness.Http2.ParseErrors);
        Assert.Equal(8000, harness.Http2.AbsorbedHoleBytes);
    }

    [Fact]
    public void HoleInsideHeadersLosesTheTableNotTheConnection()
    {
        var client = new HpackTestEncoder();
        var server = new HpackTestEncoder();
        using var harness = new Http2Harness();
        harness.Request(H2.Concat(H2.Preface, H2.Settings()));
        harness.Response(H2.Settings());
        harness.Request(H2.Headers(1, client.Encode((":method", "GET"), (":path", "/one"), (":scheme", "http"), (":authority", "a"), ("x-trace", "t1")), endStream: true));
        harness.Response(H2.Headers(1, server.Encode((":status", "200"), ("x-server", "s")), endStream: true));
        // A response header block whose middle was lost: the server's table is unknown from here.
        byte[] lost = H2.Headers(3, server.Encode((":status", "200"), ("x-new", "n1")), endStream: true);
        harness.Request(H2.Headers(3, client.Encode((":method", "GET"), (":path", "/two"), (":scheme", "http"), (":authority", "a"), ("x-trace", "t1")), endStream: true));
        harness.Response(lost.AsSpan(0, 10));
        harness.Hole(harness.ResponseDirection, lost.Length - 12, kind: HoleKind.Lost);
        harness.Response(lost.AsSpan(lost.Length - 2));
        harness.Request(H2.Headers(5, client.Encode((":method", "GET"), (":path", "/three"), (":scheme", "http"), (":authority", "a")), endStream: true));
        // x-server is indexed in the server's table: unknown to us now; :status 200 is static.
        harness.Response(H2.Headers(5, server.Encode((":status", "200"), ("x-server", "s")), endStream: true));
        harness.Close();

        HttpRecord one = harness.Records.Single(r => r.Target == "/one");
        Assert.Equal("s", one.ResponseHeader("x-server"));
        HttpRecord three = harness.Records.Single(r => r.Target == "/three");
        Assert.Equal(200, three.Status);
        Assert.Equal("lost", three.ResponseHeader("devtools.headers"));
        Assert.Null(three.ResponseHeader("x-server"));
        Assert.True(harness.Specific("unknown_fields") >= 1);
    }

    [Fact]
    public void ResyncWaitingForMoreBytesGivesUpAtAHole()
    {
        var client = new HpackTestEncoder();
        var server = new HpackTestEncoder();
        using var harness = new Http2Harness();
        harness.Request(H2.Concat(H2.Preface, H2.Settings()));
        harness.Response(H2.Settings());
        // Lost bytes, then the start of a frame that could be a boundary but never completes.
        harness.Hole(harness.ResponseDirection, 100, kind: HoleKind.Lost);
        harness.Response(H2.Data(1, new byte[200]).AsSpan(0, 50));
        harness.Hole(harness.ResponseDirection, 150, kind: HoleKind.Lost);
        harness.Request(H2.Headers(1, client.Encode((":method", "GET"), (":path", "/x"), (":scheme", "http"), (":authority", "a")), endStream: true));
        harness.Response(H2.Concat(H2.Headers(1, server.Encode((":status", "200"))), H2.Data(1, "ok", endStream: true)));
        HttpRecord record = Assert.Single(harness.Records);
        Assert.Equal("/x", record.Target);
        Assert.Equal(2, record.ResponseBodySize);
    }

    private static void AssertBounded(Http2Harness harness)
    {
        Assert.True(harness.Connection.Egress.BufferedBytes <= 64 * 1024);
        Assert.True(harness.Connection.Ingress.BufferedBytes <= 64 * 1024);
    }
}
