namespace Devtools.Core.Tests.Protocols.Http1;

/// <summary>Responses that have no body whatever their headers say, and interim responses.</summary>
public class Http1NoBodyTests
{
    [Fact]
    public void ResponseToHeadHasNoBodyDespiteItsLength()
    {
        using var harness = new Http1Harness();
        harness.Request("HEAD /big HTTP/1.1\r\n\r\nGET /small HTTP/1.1\r\n\r\n");
        harness.Response("HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
        Assert.Equal(2, harness.Records.Count);
        Assert.Equal(0, harness.Records[0].ResponseBodySize);
        Assert.Equal("ok", harness.Records[1].ResponseBodyText);
    }

    [Fact]
    public void ResponseToHeadWithChunkedEncodingHasNoBody()
    {
        using var harness = new Http1Harness();
        harness.Request("HEAD / HTTP/1.1\r\n\r\n");
        harness.Response("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
        Assert.Single(harness.Records);
        Assert.Equal(0, harness.Records[0].ResponseBodySize);
    }

    [Fact]
    public void ContinueThenFinalResponsePairsWithTheRequestOnce()
    {
        using var harness = new Http1Harness();
        harness.Request("PUT /x HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n");
        harness.Response("HTTP/1.1 100 Continue\r\n\r\n");
        Assert.Empty(harness.Records);
        harness.Request("data");
        harness.Response("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
        HttpRecord record = Assert.Single(harness.Records);
        Assert.Equal(200, record.Status);
        Assert.Equal("data", record.RequestBodyText);
        Assert.Equal(1, harness.Specific("informational_responses"));
        Assert.Equal(0, harness.Http.UnmatchedResponses);
    }

    [Fact]
    public void SeveralInterimResponsesAreCountedAndDropped()
    {
        using var harness = new Http1Harness();
        harness.Request("GET / HTTP/1.1\r\n\r\n");
        harness.Response("HTTP/1.1 102 Processing\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nx");
        HttpRecord record = Assert.Single(harness.Records);
        Assert.Equal(200, record.Status);
        Assert.Equal(2, harness.Specific("informational_responses"));
    }

    [Theory]
    [InlineData("HTTP/1.1 204 No Content\r\nContent-Length: 10\r\n\r\n")]
    [InlineData("HTTP/1.1 304 Not Modified\r\nContent-Length: 10\r\n\r\n")]
    [InlineData("HTTP/1.1 304 Not Modified\r\nTransfer-Encoding: chunked\r\n\r\n")]
    public void NoContentAndNotModifiedHaveNoBody(string response)
    {
        using var harness = new Http1Harness();
        harness.Request("GET /a HTTP/1.1\r\n\r\nGET /b HTTP/1.1\r\n\r\n");
        harness.Response(response + "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
        Assert.Equal(2, harness.Records.Count);
        Assert.Equal(0, harness.Records[0].ResponseBodySize);
        Assert.Equal("ok", harness.Records[1].ResponseBodyText);
    }

    [Fact]
    public void ContentLengthZeroEndsAtTheHead()
    {
        using var harness = new Http1Harness();
        harness.Request("POST / HTTP/1.1\r\nContent-Length: 0\r\n\r\n");
        harness.Response("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
        Assert.Single(harness.Records);
    }

    [Fact]
    public void RequestWithoutLengthHasNoBody()
    {
        using var harness = new Http1Harness();
        harness.Request("POST /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\n\r\n");
        harness.Response("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
        Assert.Equal(["/a", "/b"], harness.Records.Select(r => r.Target));
    }

    [Fact]
    public void ResponseWithoutLengthRunsToTheClose()
    {
        using var harness = new Http1Harness();
        harness.Request("GET / HTTP/1.1\r\n\r\n");
        harness.Response("HTTP/1.1 200 OK\r\n\r\nHTTP/1.1 200 OK\r\n\r\nstill body");
        Assert.Empty(harness.Records);
        harness.Close();
        HttpRecord record = Assert.Single(harness.Records);
        Assert.Equal("HTTP/1.1 200 OK\r\n\r\nstill body", record.ResponseBodyText);
    }
}
