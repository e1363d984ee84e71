using Devtools.Core.Connections;
using Devtools.Core.Protocols;
using Devtools.Core.Protocols.Http;
using Devtools.Core.Tests.Protocols.Http1;

namespace Devtools.Core.Tests.Protocols.Http2;

/// <summary>The realistic mix, whole and split every way: the records must not depend on how bytes arrive.</summary>
public class Http2MixTests
{
    [Fact]
    public void MixProducesOneRecordPerStream()
    {
        using var harness = RunScript();
        List<HttpRecord> records = harness.Records;
        Assert.Equal(Http2Samples.CompletionOrder, records.Select(r => r.Target));
        Assert.All(records, r => Assert.Equal(2, r.MajorVersion));
        Assert.All(records, r => Assert.Equal(0, r.MinorVersion));

        HttpRecord order = records[0];
        Assert.Equal("POST", order.Method);
        Assert.Equal(201, order.Status);
        Assert.Equal(Http2Samples.Order, order.RequestBodyText);
        Assert.Equal(Http2Samples.Order.Length, order.RequestBodySize);
        Assert.Equal("{\"id\":9}", order.ResponseBodyText);
        Assert.Equal("/api/orders/9", order.ResponseHeader("location"));
        Assert.Equal(HttpContentType.Json, order.ContentType);

        HttpRecord user = records[1];
        Assert.Equal("GET", user.Method);
        Assert.Equal(200, user.Status);
        Assert.Equal("", user.Reason);
        Assert.Equal("shop.example", user.RequestHeader(":authority"));
        // Sent never-indexed and redacted by default: only the scheme, all redaction shows, is decoded.
        Assert.Equal("Bearer ", user.RequestHeader("authorization"));
        Assert.Equal(Http2Samples.UserJson, user.ResponseBodyText);
        Assert.Equal(Http2Samples.UserJson.Length, user.ResponseBodySize);

        HttpRecord unary = records[2];
        Assert.Equal(HttpContentType.Grpc, unary.ContentType);
        Assert.Equal("0", unary.ResponseHeader("grpc-status"));
        Assert.Equal("OK", unary.Reason);
        Assert.Equal("1", unary.RequestHeader("devtools.grpc.messages"));
        Assert.Equal(Http2Samples.ItemRequest.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), unary.RequestHeader("devtools.grpc.message_sizes"));
        Assert.Equal("1", unary.ResponseHeader("devtools.grpc.messages"));
        Assert.Equal(5 + Http2Samples.ItemReply.Length, unary.ResponseBodySize);

        HttpRecord cookies = records[3];
        Assert.Equal(404, cookies.Status);
        // Never indexed: redaction replaces it whole, so it is not decoded (it is, unredacted: below).
        Assert.Equal("", cookies.RequestHeader("cookie"));
        Assert.Equal(0, cookies.ResponseBodySize);

        HttpRecord slow = records[4];
        Assert.Equal(200, slow.Status);
        Assert.Equal("partial", slow.ResponseBodyText);
        Assert.Equal("RST_STREAM CANCEL", slow.Reason);
        Assert.Equal("CANCEL by client", slow.ResponseHeader("devtools.rst_stream"));

        HttpRecord list = records[5];
        Assert.Equal("3", list.ResponseHeader("devtools.grpc.messages"));
        string size = Http2Samples.ItemReply.Length.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal($"{size},{size},{size}", list.ResponseHeader("devtools.grpc.message_sizes"));
        Assert.Equal("OK", list.Reason);

        HttpRecord upload = records[6];
        Assert.Equal("PUT", upload.Method);
        Assert.Equal(204, upload.Status);
        Assert.Equal("hello world", upload.RequestBodyText);
        Assert.DoesNotContain(upload.ResponseHeaders, h => h.Value == "100");

        HttpRecord add = records[7];
        Assert.Equal("3", add.RequestHeader("devtools.grpc.messages"));
        Assert.Equal(5, add.Status == 200 ? 5 : 0);
        Assert.Equal("NOT_FOUND: no such item", add.Reason);
        Assert.Equal("5", add.ResponseHeader("grpc-status"));
    }

    [Fact]
    public void WithoutRedactionSecretsAreDecodedWhole()
    {
        using var harness = RunScript(options: new ProtocolOptions { RedactSecrets = false });
        Assert.Equal("Bearer abc.def.ghi", harness.Records[1].RequestHeader("authorization"));
        Assert.Equal(new string('c', 300), harness.Records[3].RequestHeader("cookie"));
    }

    [Fact]
    public void MixCountsFramesAndEvents()
    {
        using var harness = RunScript();
        Assert.Equal(8, harness.Http2.Records);
        Assert.Equal(0, harness.Http2.ParseErrors);
        Assert.Equal(0, harness.Http2.UnmatchedRequests);
        Assert.Equal(0, harness.Http2.UnmatchedResponses);
        Assert.Equal(7, harness.Specific("streams_completed"));
        Assert.Equal(1, harness.Specific("streams_reset"));
        Assert.Equal(1, harness.Specific("informational_responses"));
        Assert.Equal(1, harness.Specific("unknown_frame_types"));
        Assert.Equal(0, harness.Specific("hpack_errors"));
        Assert.Equal(0, harness.Specific("records_with_lost_headers"));
    }

    [Fact]
    public void RequestsThenResponsesMatchInterleaved()
    {
        string[] expected = [.. Describe(RunScript().Records)];
        using var harness = new Http2Harness();
        harness.Request(Http2Samples.AllRequests);
        harness.Response(Http2Samples.AllResponses);
        harness.Close();
        // Fed this way the client's reset comes before the response it cut short.
        Assert.Equal(expected.Where(d => !d.Contains("/slow", StringComparison.Ordinal)).Order(), Describe(harness.Records).Where(d => !d.Contains("/slow", StringComparison.Ordinal)).Order());
    }

    [Fact]
    public void RequestsSplitAtEveryOffsetGiveTheSameRecords()
    {
        string[] expected = Unsplit();
        byte[] requests = Http2Samples.AllRequests;
        for (int split = 1; split < requests.Length; split++)
        {
            using var harness = new Http2Harness();
            harness.Request(requests.AsSpan(0, split));
            harness.Request(requests.AsSpan(split));
            harness.Response(Http2Samples.AllResponses);
            harness.Close();
            Assert.True(expected.SequenceEqual(Describe(harness.Records)), $"requests split at {split}");
            Assert.Equal(0, harness.Http2.ParseErrors);
        }
    }

    [Fact]
    public void ResponsesSplitAtEveryOffsetGiveTheSameRecords()
    {
        string[] expected = Unsplit();
        byte[] responses = Http2Samples.AllResponses;
        for (int split = 1; split < responses.Length; split++)
        {
            using var harness = new Http2Harness();
            harness.Request(Http2Samples.AllRequests);
            harness.Response(responses.AsSpan(0, split));
            harness.Response(responses.AsSpan(split));
            harness.Close();
            Assert.True(expected.SequenceEqual(Describe(harness.Records)), $"responses split at {split}");
            Assert.Equal(0, harness.Http2.ParseErrors);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(9)]
    [InlineData(64)]
    public void ScriptInSmallPiecesGivesTheSameRecords(int pieceSize)
    {
        string[] expected = [.. Describe(RunScript().Records)];
        using var harness = new Http2Harness();
        foreach ((bool isRequest, byte[] bytes) in Http2Samples.Script)
            harness.FeedInPieces(Http2Samples.DirectionOf(harness, isRequest), bytes, pieceSize);
        harness.Close();
        Assert.Equal(expected, Describe(harness.Records));
        Assert.Equal(0, harness.Http2.ParseErrors);
    }

    [Theory]
    [InlineData(ConnectionRole.Server)]
    [InlineData(ConnectionRole.Client)]
    public void BothRolesSeeTheSameStreams(ConnectionRole role)
    {
        using var harness = RunScript(role);
        Assert.Equal(Describe(RunScript().Records), Describe(harness.Records));
        Assert.All(harness.Records, r => Assert.Equal(role, r.Connection.Role));
    }

    [Fact]
    public void LatencyRunsFromRequestHeadersToResponseEnd()
    {
        var client = new HpackTestEncoder();
        var server = new HpackTestEncoder();
        using var harness = new Http2Harness();
        harness.Request(H2.Concat(H2.Preface, H2.Settings()), timestampNs: 5_000);
        harness.Request(H2.Headers(1, client.Encode((":method", "POST"), (":path", "/a"), (":scheme", "http"))), timestampNs: 10_000);
        harness.Request(H2.Data(1, "abc", endStream: true), timestampNs: 12_000);
        harness.Response(H2.Concat(H2.Settings(), H2.Headers(1, server.Encode((":status", "200")))), timestampNs: 50_000);
        harness.Response(H2.Data(1, "x"), timestampNs: 60_000);
        harness.Response(H2.Data(1, "yz", endStream: true), timestampNs: 75_500);
        HttpRecord record = Assert.Single(harness.Records);
        Assert.Equal(10_000, record.RequestStartNs);
        Assert.Equal(75_500, record.ResponseEndNs);
        Assert.Equal(65_500, record.LatencyNs);
        Assert.Equal(3, record.ResponseBodySize);
    }

    internal static Http2Harness RunScript(ConnectionRole role = ConnectionRole.Server, ProtocolOptions? options = null)
    {
        var harness = new Http2Harness(role, options);
        foreach ((bool isRequest, byte[] bytes) in Http2Samples.Script)
            harness.Feed(Http2Samples.DirectionOf(harness, isRequest), bytes);
        harness.Close();
        return harness;
    }

    private static string[] Unsplit()
    {
        using var harness = new Http2Harness();
        harness.Request(Http2Samples.AllRequests);
        harness.Response(Http2Samples.AllResponses);
        harness.Close();
        return [.. Describe(harness.Records)];
    }

    internal static IEnumerable<string> Describe(IEnumerable<HttpRecord> records) => records.Select(r => r.Describe());
}
