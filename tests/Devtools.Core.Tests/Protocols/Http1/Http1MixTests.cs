using Devtools.Core.Connections;
using Devtools.Core.Protocols.Http;

namespace Devtools.Core.Tests.Protocols.Http1;

/// <summary>The realistic mix, whole and split every way: the records must not depend on how bytes arrive.</summary>
public class Http1MixTests
{
    [Fact]
    public void MixProducesOneRecordPerExchange()
    {
        List<HttpRecord> records = RunInterleaved();

        Assert.Equal(9, records.Count);
        Assert.Equal(["GET", "POST", "GET", "HEAD", "PUT", "GET", "POST", "DELETE", "GET"], records.Select(r => r.Method));
        Assert.Equal([200, 201, 200, 200, 204, 304, 200, 404, 200], records.Select(r => r.Status));

        HttpRecord user = records[0];
        Assert.Equal("/api/users/42?include=profile", user.Target);
        Assert.Equal(1, user.MajorVersion);
        Assert.Equal(1, user.MinorVersion);
        Assert.Equal("OK", user.Reason);
        Assert.Equal(8, user.RequestHeaders.Count);
        Assert.Equal("shop.example", user.RequestHeader("host"));
        Assert.Equal("Bearer abc.def.ghi", user.RequestHeader("Authorization"));
        Assert.Equal(Http1Samples.UserJson, user.ResponseBodyText);
        Assert.Equal(Http1Samples.UserJson.Length, user.ResponseBodySize);
        Assert.Equal(HttpContentType.Json, user.ContentType);
        Assert.Equal(0, user.RequestBodySize);

        HttpRecord order = records[1];
        Assert.Equal("{\"item\":\"book\",\"qty\":2}", order.RequestBodyText);
        Assert.Equal(23, order.RequestBodySize);
        Assert.Equal("Created", order.Reason);
        Assert.Equal("{\"id\":9}", order.ResponseBodyText);

        HttpRecord chunked = records[2];
        Assert.Equal("[{\"id\":1,\"a\"},{\"id\":2}]", chunked.ResponseBodyText);
        Assert.Equal(23, chunked.ResponseBodySize);
        // Trailer fields follow the header fields.
        Assert.Equal("X-Checksum", chunked.ResponseHeaders[^1].Key);
        Assert.Equal("abc123", chunked.ResponseHeaders[^1].Value);

        HttpRecord head = records[3];
        Assert.Equal(0, head.ResponseBodySize);
        Assert.Equal("123456", head.ResponseHeader("Content-Length"));
        Assert.Equal(HttpContentType.Unknown, head.ContentType);

        HttpRecord put = records[4];
        Assert.Equal("hello", put.RequestBodyText);
        Assert.Equal("No Content", put.Reason);

        Assert.Equal("Not Modified", records[5].Reason);
        Assert.Equal(0, records[5].ResponseBodySize);

        HttpRecord upload = records[6];
        Assert.Equal("hello world", upload.RequestBodyText);
        Assert.Equal(11, upload.RequestBodySize);
        Assert.Equal("ok", upload.ResponseBodyText);

        Assert.Equal(HttpContentType.Json, records[7].ContentType);

        HttpRecord legacy = records[8];
        Assert.Equal(0, legacy.MinorVersion);
        Assert.Equal("old school body", legacy.ResponseBodyText);
        Assert.Equal(15, legacy.ResponseBodySize);
    }

    [Fact]
    public void MixCountsFramesAndInformationalResponses()
    {
        using var harness = new Http1Harness();
        Feed(harness, Http1Samples.AllRequests, requestSplit: -1, Http1Samples.AllResponses, responseSplit: -1);
        Assert.Equal(9, harness.Http.RequestFrames);
        Assert.Equal(10, harness.Http.ResponseFrames);
        Assert.Equal(9, harness.Http.Records);
        Assert.Equal(1, harness.Specific("informational_responses"));
        Assert.Equal(0, harness.Http.ParseErrors);
        Assert.Equal(0, harness.Http.UnmatchedRequests);
        Assert.Equal(0, harness.Http.UnmatchedResponses);
        Assert.Equal(0, harness.Http.IncompleteFramesAtClose);
    }

    [Fact]
    public void PipelinedMixMatchesInterleavedMix()
    {
        string[] expected = [.. RunInterleaved().Select(r => r.Describe())];
        using var harness = new Http1Harness();
        Feed(harness, Http1Samples.AllRequests, -1, Http1Samples.AllResponses, -1);
        Assert.Equal(expected, harness.Records.Select(r => r.Describe()));
    }

    [Fact]
    public void RequestsSplitAtEveryOffsetGiveTheSameRecords()
    {
        string[] expected = [.. Unsplit().Select(r => r.Describe())];
        byte[] requests = Http1Samples.AllRequests;
        for (int split = 1; split < requests.Length; split++)
        {
            using var harness = new Http1Harness();
            Feed(harness, requests, split, Http1Samples.AllResponses, -1);
            Assert.True(expected.SequenceEqual(harness.Records.Select(r => r.Describe())), $"requests split at {split}");
            Assert.Equal(0, harness.Http.ParseErrors);
        }
    }

    [Fact]
    public void ResponsesSplitAtEveryOffsetGiveTheSameRecords()
    {
        string[] expected = [.. Unsplit().Select(r => r.Describe())];
        byte[] responses = Http1Samples.AllResponses;
        for (int split = 1; split < responses.Length; split++)
        {
            using var harness = new Http1Harness();
            Feed(harness, Http1Samples.AllRequests, -1, responses, split);
            Assert.True(expected.SequenceEqual(harness.Records.Select(r => r.Describe())), $"responses split at {split}");
            Assert.Equal(0, harness.Http.ParseErrors);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(64)]
    public void MixInSmallPiecesGivesTheSameRecords(int pieceSize)
    {
        string[] expected = [.. Unsplit().Select(r => r.Describe())];
        using var harness = new Http1Harness();
        harness.FeedInPieces(harness.RequestDirection, Http1Samples.AllRequests, pieceSize);
        harness.FeedInPieces(harness.ResponseDirection, Http1Samples.AllResponses, pieceSize);
        harness.Close();
        Assert.Equal(expected, harness.Records.Select(r => r.Describe()));
        Assert.Equal(0, harness.Http.ParseErrors);
    }

    [Fact]
    public void EachMessageInOneBytePiecesInterleavedGivesTheSameRecords()
    {
        string[] expected = [.. RunInterleaved().Select(r => r.Describe())];
        using var harness = new Http1Harness();
        for (int i = 0; i < Http1Samples.Requests.Length; i++)
        {
            harness.FeedInPieces(harness.RequestDirection, System.Text.Encoding.Latin1.GetBytes(Http1Samples.Requests[i]), 1);
            harness.FeedInPieces(harness.ResponseDirection, System.Text.Encoding.Latin1.GetBytes(Http1Samples.Responses[i]), 1);
        }
        harness.Close();
        Assert.Equal(expected, harness.Records.Select(r => r.Describe()));
    }

    [Theory]
    [InlineData(ConnectionRole.Server)]
    [InlineData(ConnectionRole.Client)]
    public void BothRolesSeeTheSameExchanges(ConnectionRole role)
    {
        using var harness = new Http1Harness(role);
        Assert.Equal(role == ConnectionRole.Server ? Direction.Ingress : Direction.Egress, harness.RequestDirection);
        for (int i = 0; i < Http1Samples.Requests.Length; i++)
        {
            harness.Request(Http1Samples.Requests[i]);
            harness.Response(Http1Samples.Responses[i]);
        }
        harness.Close();
        Assert.Equal(RunInterleaved().Select(r => r.Describe()), harness.Records.Select(r => r.Describe()));
        Assert.All(harness.Records, r => Assert.Equal(role, r.Connection.Role));
    }

    [Fact]
    public void LatencyRunsFromRequestStartToResponseEnd()
    {
        using var harness = new Http1Harness();
        harness.Request("POST /a HTTP/1.1\r\nContent-Length: 6\r\n\r\nab", timestampNs: 10_000);
        harness.Request("cdef", timestampNs: 12_000);
        harness.Response("HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\n", timestampNs: 50_000);
        harness.Response("wx", timestampNs: 60_000);
        harness.Response("yz", timestampNs: 75_500);

        HttpRecord record = Assert.Single(harness.Records);
        Assert.Equal(10_000, record.RequestStartNs);
        Assert.Equal(75_500, record.ResponseEndNs);
        Assert.Equal(65_500, record.LatencyNs);
    }

    /// <summary>Request then its response(s), one event each, like a real keep-alive connection.</summary>
    private static List<HttpRecord> RunInterleaved()
    {
        using var harness = new Http1Harness();
        for (int i = 0; i < Http1Samples.Requests.Length; i++)
        {
            harness.Request(Http1Samples.Requests[i]);
            harness.Response(Http1Samples.Responses[i]);
        }
        harness.Close();
        return harness.Records;
    }

    private static List<HttpRecord> Unsplit()
    {
        using var harness = new Http1Harness();
        Feed(harness, Http1Samples.AllRequests, -1, Http1Samples.AllResponses, -1);
        return harness.Records;
    }

    /// <summary>All requests (pipelined), then all responses, each in one or two events.</summary>
    private static void Feed(Http1Harness harness, byte[] requests, int requestSplit, byte[] responses, int responseSplit)
    {
        FeedSplit(harness, harness.RequestDirection, requests, requestSplit);
        FeedSplit(harness, harness.ResponseDirection, responses, responseSplit);
        harness.Close();
    }

    private static void FeedSplit(Http1Harness harness, Direction direction, byte[] bytes, int split)
    {
        if (split <= 0)
        {
            harness.Feed(direction, bytes);
            return;
        }
        harness.Feed(direction, bytes.AsSpan(0, split));
        harness.Feed(direction, bytes.AsSpan(split));
    }
}
