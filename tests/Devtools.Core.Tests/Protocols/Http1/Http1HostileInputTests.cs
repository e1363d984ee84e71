using System.Text;
using Devtools.Core.Connections;

namespace Devtools.Core.Tests.Protocols.Http1;

/// <summary>Bytes nobody should send: the parser must reject them, resynchronise, stay bounded and never throw.</summary>
public class Http1HostileInputTests
{
    private const string Next = "GET /next HTTP/1.1\r\n\r\n";
    private const string Ok = "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n";
    private static readonly DataStreamOptions SmallStreams = new() { MaxBufferBytes = 64 * 1024 };

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void RandomGarbageNeverThrowsAndStaysBounded(int seed)
    {
        var random = new Random(seed);
        using var harness = new Http1Harness(streamOptions: SmallStreams);
        for (int i = 0; i < 300; i++)
        {
            byte[] bytes = new byte[random.Next(1, 4000)];
            random.NextBytes(bytes);
            Direction direction = random.Next(2) == 0 ? Direction.Ingress : Direction.Egress;
            if (random.Next(10) == 0)
                harness.Hole(direction, random.Next(1, 100_000), kind: HoleKind.Lost);
            else
                harness.Feed(direction, bytes);
            AssertBounded(harness);
        }
        harness.Close();
        Assert.True(harness.Http.ParseErrors + harness.Http.ResyncSkippedBytes > 0);
    }

    [Fact]
    public void ValidMessagesAfterGarbageAreFound()
    {
        var random = new Random(7);
        byte[] garbage = new byte[5000];
        random.NextBytes(garbage);
        // No line feed in the garbage: nothing in it can pass for a line start.
        for (int i = 0; i < garbage.Length; i++)
        {
            if (garbage[i] == (byte)'\n')
                garbage[i] = (byte)'x';
        }
        using var harness = new Http1Harness();
        harness.Request(garbage);
        harness.Request("\r\nGET /found HTTP/1.1\r\n\r\n");
        harness.Response(garbage);
        harness.Response("\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
        HttpRecord record = Assert.Single(harness.Records);
        Assert.Equal("/found", record.Target);
        Assert.Equal("ok", record.ResponseBodyText);
        Assert.True(harness.Http.ParseErrors >= 2);
        Assert.True(harness.Http.Resyncs >= 2);
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void MutatedTrafficNeverThrowsAndStaysBounded(int seed)
    {
        var random = new Random(seed);
        byte[] requests = Http1Samples.AllRequests;
        byte[] responses = Http1Samples.AllResponses;
        for (int round = 0; round < 150; round++)
        {
            using var harness = new Http1Harness(streamOptions: SmallStreams, options: new() { MaxHeadBytes = 512, MaxQueuedFrames = 8 });
            FeedRandomly(harness, harness.RequestDirection, Mutate(requests, random), random);
            FeedRandomly(harness, harness.ResponseDirection, Mutate(responses, random), random);
            harness.Close();
            Assert.True(harness.Records.Count <= Http1Samples.Requests.Length * 2);
        }
    }

    [Fact]
    public void GiganticHeaderLineIsRejectedAndTheNextMessageFound()
    {
        foreach (int pieceSize in (int[])[100_000, 1000, 97])
        {
            using var harness = new Http1Harness(options: new() { MaxHeadBytes = 4096 }, streamOptions: SmallStreams);
            byte[] request = Encoding.ASCII.GetBytes($"GET /big HTTP/1.1\r\nX-Big: {new string('a', 50_000)}\r\n\r\n{Next}");
            harness.FeedInPieces(harness.RequestDirection, request, pieceSize);
            AssertBounded(harness);
            harness.Response(Ok);
            Assert.Equal("/next", Assert.Single(harness.Records).Target);
            Assert.Equal(1, harness.Specific("oversized_heads"));
            Assert.Equal(1, harness.Http.ParseErrors);
        }
    }

    [Fact]
    public void GiganticHeadOfManyLinesIsRejected()
    {
        var head = new StringBuilder("GET /big HTTP/1.1\r\n");
        for (int i = 0; i < 10_000; i++)
            head.Append($"X-Field-{i}: value\r\n");
        head.Append("\r\n").Append(Next);
        using var harness = new Http1Harness(options: new() { MaxHeadBytes = 8192 });
        harness.FeedInPieces(harness.RequestDirection, Encoding.ASCII.GetBytes(head.ToString()), 1500);
        harness.Response(Ok);
        Assert.Equal("/next", Assert.Single(harness.Records).Target);
        Assert.Equal(1, harness.Specific("oversized_heads"));
    }

    [Fact]
    public void HeadAtExactlyTheLimitIsAccepted()
    {
        const int limit = 1024;
        string prefix = "GET / HTTP/1.1\r\nX-Pad: ";
        string head = prefix + new string('p', limit - prefix.Length - 4) + "\r\n\r\n";
        Assert.Equal(limit, head.Length);
        using var harness = new Http1Harness(options: new() { MaxHeadBytes = limit });
        harness.Request(head);
        harness.FeedInPieces(harness.RequestDirection, Encoding.ASCII.GetBytes(head), 10);
        harness.Response(Ok + Ok);
        Assert.Equal(2, harness.Records.Count);
        Assert.Equal(0, harness.Http.ParseErrors);
    }

    [Fact]
    public void EndlessRequestLineStaysBounded()
    {
        using var harness = new Http1Harness(streamOptions: SmallStreams);
        harness.Request("GET /");
        for (int i = 0; i < 200; i++)
        {
            harness.Request(new string('a', 10_000));
            AssertBounded(harness);
        }
        Assert.Equal(1, harness.Specific("oversized_heads"));
        harness.Request($"\r\n\r\n{Next}");
        harness.Response(Ok);
        Assert.Equal("/next", Assert.Single(harness.Records).Target);
    }

    [Theory]
    [InlineData("GET /a\0b HTTP/1.1\r\n\r\n")]
    [InlineData("GET /a HTTP/1.1\r\nX-Nul: a\0b\r\n\r\n")]
    [InlineData("GET /a HTTP/1.1\r\nX-N\0l: ab\r\n\r\n")]
    [InlineData("GET /a HTTP/1.1\r\nX-Cr: a\rb\r\n\r\n")]
    [InlineData("GET /a HTTP/1.1\r\nX-Space : a\r\n\r\n")]
    [InlineData("GET /a HTTP/1.1\r\n: empty name\r\n\r\n")]
    [InlineData("GET /a HTTP/1.1\r\n folded first\r\n\r\n")]
    [InlineData("GET  /a HTTP/1.1\r\n\r\n")]
    [InlineData("GET /a HTTP/1.2\r\n\r\n")]
    [InlineData("GET /a HTTP/2.0\r\n\r\n")]
    [InlineData("GET /a http/1.1\r\n\r\n")]
    [InlineData("G\0T /a HTTP/1.1\r\n\r\n")]
    [InlineData("GET /a\r\n\r\n")]
    public void MalformedRequestsAreRejected(string request)
    {
        using var harness = new Http1Harness();
        harness.Request(request + Next);
        harness.Response(Ok);
        Assert.Equal("/next", Assert.Single(harness.Records).Target);
        Assert.True(harness.Http.ParseErrors >= 1);
    }

    [Theory]
    [InlineData("HTTP/1.1 20 OK\r\n\r\n")]
    [InlineData("HTTP/1.1 2000 OK\r\n\r\n")]
    [InlineData("HTTP/1.1 099 Low\r\n\r\n")]
    [InlineData("HTTP/1.1 200 O\0K\r\n\r\n")]
    [InlineData("HTTP/1.3 200 OK\r\n\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 1\0\r\n\r\n")]
    public void MalformedResponsesAreRejected(string response)
    {
        using var harness = new Http1Harness();
        harness.Request("GET /a HTTP/1.1\r\n\r\n");
        harness.Response(response + Ok);
        Assert.Equal(200, Assert.Single(harness.Records).Status);
        Assert.True(harness.Http.ParseErrors >= 1);
    }

    [Fact]
    public void BareLineFeedsAreToleratedAsLineEnds()
    {
        using var harness = new Http1Harness();
        harness.Request("POST /lf HTTP/1.1\nHost: a\nTransfer-Encoding: chunked\n\n3\nabc\n0\n\n");
        harness.Response("HTTP/1.1 200 OK\nContent-Length: 2\n\nok");
        HttpRecord record = Assert.Single(harness.Records);
        Assert.Equal("/lf", record.Target);
        Assert.Equal("a", record.RequestHeader("Host"));
        Assert.Equal("abc", record.RequestBodyText);
        Assert.Equal("ok", record.ResponseBodyText);
        Assert.Equal(0, harness.Http.ParseErrors);
    }

    [Fact]
    public void BareLineFeedHeadFollowedByCrLfBytesEndsAtItsOwnEmptyLine()
    {
        using var harness = new Http1Harness();
        harness.Request("POST /lf HTTP/1.1\nContent-Length: 4\n\nab\r\n\r\n");
        harness.Response(Ok);
        HttpRecord record = Assert.Single(harness.Records);
        Assert.Equal("ab\r\n", record.RequestBodyText);
    }

    [Fact]
    public void ObsoleteLineFoldingIsJoinedWithSpaces()
    {
        using var harness = new Http1Harness();
        harness.Request("GET / HTTP/1.1\r\nX-Folded: first\r\n  second\r\n\tthird\r\nHost: a\r\n\r\n");
        harness.Response(Ok);
        HttpRecord record = Assert.Single(harness.Records);
        Assert.Equal("first    second   third", record.RequestHeader("X-Folded"));
        Assert.Equal("a", record.RequestHeader("Host"));
    }

    [Fact]
    public void FoldedContentLengthIsRejected()
    {
        using var harness = new Http1Harness();
        harness.Request("POST / HTTP/1.1\r\nContent-Length: 1\r\n 0\r\n\r\n0123456789" + Next);
        harness.Response(Ok);
        Assert.Equal("/next", Assert.Single(harness.Records).Target);
    }

    [Fact]
    public void EmptyLinesBetweenMessagesAreSkipped()
    {
        using var harness = new Http1Harness();
        harness.Request("\r\n\r\n\n\nGET /a HTTP/1.1\r\n\r\n\r\n\r\nGET /b HTTP/1.1\r\n\r\n");
        harness.Response(Ok + "\r\n" + Ok);
        Assert.Equal(["/a", "/b"], harness.Records.Select(r => r.Target));
        Assert.Equal(0, harness.Http.ParseErrors);
    }

    [Fact]
    public void ResponsesWithoutRequestsAreCountedUnmatched()
    {
        using var harness = new Http1Harness();
        harness.Response(Ok + Ok);
        harness.Request("GET /late HTTP/1.1\r\n\r\n");
        harness.Response(Ok);
        HttpRecord record = Assert.Single(harness.Records);
        Assert.Equal("/late", record.Target);
        Assert.Equal(2, harness.Http.UnmatchedResponses);
    }

    [Fact]
    public void PipelinedFloodIsBoundedByTheQueue()
    {
        using var harness = new Http1Harness(options: new() { MaxQueuedFrames = 16 });
        var flood = new StringBuilder();
        for (int i = 0; i < 1000; i++)
            flood.Append($"GET /{i} HTTP/1.1\r\n\r\n");
        harness.Request(flood.ToString());
        Assert.Equal(1000 - 16, harness.Http.QueueOverflowFrames);
        harness.Close();
        Assert.Equal(16, harness.Http.UnmatchedRequests);
    }

    [Fact]
    public void RecordsAreCountedWithoutASink()
    {
        using var harness = new Http1Harness(withSink: false);
        harness.Request("GET / HTTP/1.1\r\n\r\n");
        harness.Response(Ok);
        Assert.Empty(harness.Records);
        Assert.Equal(1, harness.Http.Records);
        Assert.Equal(1, harness.Specific("records_without_sink"));
    }

    private static void AssertBounded(Http1Harness harness)
    {
        Assert.InRange(harness.Connection.Ingress.BufferedBytes, 0, harness.StreamOptions.MaxBufferBytes);
        Assert.InRange(harness.Connection.Egress.BufferedBytes, 0, harness.StreamOptions.MaxBufferBytes);
    }

    private static void FeedRandomly(Http1Harness harness, Direction direction, byte[] bytes, Random random)
    {
        int pos = 0;
        while (pos < bytes.Length)
        {
            int n = Math.Min(bytes.Length - pos, random.Next(1, 200));
            if (random.Next(25) == 0)
                harness.Hole(direction, n, kind: HoleKind.Lost);
            else
                harness.Feed(direction, bytes.AsSpan(pos, n));
            AssertBounded(harness);
            pos += n;
        }
    }

    private static byte[] Mutate(byte[] original, Random random)
    {
        var bytes = new List<byte>(original);
        int mutations = random.Next(1, 8);
        byte[] interesting = [0, (byte)'\r', (byte)'\n', (byte)' ', (byte)':', (byte)'0', (byte)'f', (byte)';', 0xff, (byte)'9'];
        for (int m = 0; m < mutations && bytes.Count > 0; m++)
        {
            int at = random.Next(bytes.Count);
            switch (random.Next(5))
            {
                case 0: bytes[at] = (byte)random.Next(256); break;
                case 1: bytes[at] = interesting[random.Next(interesting.Length)]; break;
                case 2: bytes.Insert(at, interesting[random.Next(interesting.Length)]); break;
                case 3: bytes.RemoveRange(at, Math.Min(random.Next(1, 40), bytes.Count - at)); break;
                default: bytes.InsertRange(at, bytes.GetRange(at, Math.Min(random.Next(1, 60), bytes.Count - at))); break;
            }
        }
        return [.. bytes];
    }
}
