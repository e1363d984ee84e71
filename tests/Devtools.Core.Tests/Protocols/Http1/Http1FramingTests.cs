namespace Devtools.Core.Tests.Protocols.Http1;

/// <summary>RFC 9112 §6: Content-Length and Transfer-Encoding, valid, conflicting and absurd.</summary>
public class Http1FramingTests
{
    private const string Next = "GET /next HTTP/1.1\r\n\r\n";
    private const string Ok = "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n";

    [Theory]
    [InlineData("Content-Length: 5\r\nContent-Length: 5\r\n")]
    [InlineData("Content-Length: 5, 5\r\n")]
    [InlineData("Content-Length:5\r\n")]
    [InlineData("Content-Length: 5  \r\n")]
    public void RepeatedIdenticalContentLengthIsOneLength(string fields)
    {
        using var harness = new Http1Harness();
        harness.Request($"POST / HTTP/1.1\r\n{fields}\r\nhello{Next}");
        harness.Response(Ok + Ok);
        Assert.Equal(2, harness.Records.Count);
        Assert.Equal("hello", harness.Records[0].RequestBodyText);
        Assert.Equal(0, harness.Http.ParseErrors);
    }

    [Theory]
    [InlineData("Content-Length: 5\r\nContent-Length: 6\r\n")]
    [InlineData("Content-Length: 5, 6\r\n")]
    [InlineData("Content-Length: -1\r\n")]
    [InlineData("Content-Length: +5\r\n")]
    [InlineData("Content-Length: 0x10\r\n")]
    [InlineData("Content-Length: \r\n")]
    [InlineData("Content-Length: 9223372036854775808\r\n")]
    [InlineData("Content-Length: 99999999999999999999999999\r\n")]
    [InlineData("Transfer-Encoding: chunked\r\nContent-Length: abc\r\n")]
    [InlineData("Transfer-Encoding: gzip\r\n")]
    [InlineData("Transfer-Encoding: chunked, gzip\r\n")]
    [InlineData("Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n")]
    public void InvalidRequestFramingIsRejectedAndTheNextRequestFound(string fields)
    {
        using var harness = new Http1Harness();
        harness.Request($"POST /bad HTTP/1.1\r\n{fields}\r\nhello\r\n{Next}");
        harness.Response(Ok);
        HttpRecord record = Assert.Single(harness.Records);
        Assert.Equal("/next", record.Target);
        Assert.Equal(1, harness.Http.ParseErrors);
        Assert.Equal(1, harness.Specific("invalid_framing"));
    }

    [Fact]
    public void TransferEncodingInAnHttp10RequestIsFaultyFraming()
    {
        using var harness = new Http1Harness();
        harness.Request($"POST /bad HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n{Next}");
        harness.Response(Ok);
        Assert.Equal("/next", Assert.Single(harness.Records).Target);
        Assert.Equal(1, harness.Specific("invalid_framing"));
    }

    [Fact]
    public void ChunkedWinsOverContentLength()
    {
        using var harness = new Http1Harness();
        harness.Request($"POST / HTTP/1.1\r\nContent-Length: 100\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n{Next}");
        harness.Response(Ok + Ok);
        Assert.Equal(2, harness.Records.Count);
        Assert.Equal("abc", harness.Records[0].RequestBodyText);
        Assert.Equal(3, harness.Records[0].RequestBodySize);
    }

    [Fact]
    public void ResponseWithTransferCodingOtherThanChunkedRunsToTheClose()
    {
        using var harness = new Http1Harness();
        harness.Request("GET / HTTP/1.1\r\n\r\n");
        harness.Response("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\nContent-Length: 3\r\n\r\nabcdef");
        harness.Close();
        Assert.Equal("abcdef", Assert.Single(harness.Records).ResponseBodyText);
    }

    [Fact]
    public void LargestContentLengthIsAcceptedAndCutShortByTheClose()
    {
        using var harness = new Http1Harness();
        harness.Request($"POST / HTTP/1.1\r\nContent-Length: {long.MaxValue}\r\n\r\nabc");
        harness.Close();
        Assert.Empty(harness.Records);
        Assert.Equal(0, harness.Http.ParseErrors);
        Assert.Equal(1, harness.Http.IncompleteFramesAtClose);
    }

    [Theory]
    [InlineData("8000000000000000")]
    [InlineData("1ffffffffffffffff")]
    [InlineData("ffffffffffffffffffffffffffff")]
    [InlineData("")]
    [InlineData("-1")]
    [InlineData("zz")]
    [InlineData(";ext")]
    public void AbsurdChunkSizesAreRejected(string size)
    {
        using var harness = new Http1Harness();
        harness.Request($"POST /bad HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n{size}\r\nabc\r\n0\r\n\r\n{Next}");
        harness.Response(Ok);
        Assert.Equal("/next", Assert.Single(harness.Records).Target);
        Assert.Equal(1, harness.Specific("invalid_framing"));
    }

    [Fact]
    public void LargestChunkSizeIsAccepted()
    {
        using var harness = new Http1Harness();
        harness.Request("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n7fffffffffffffff\r\nabc");
        harness.Close();
        Assert.Equal(0, harness.Http.ParseErrors);
        Assert.Equal(1, harness.Http.IncompleteFramesAtClose);
    }

    [Fact]
    public void EndlessChunkExtensionIsRejected()
    {
        using var harness = new Http1Harness();
        harness.Request("POST /bad HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5;" + new string('e', 5000));
        Assert.Equal(1, harness.Specific("invalid_framing"));
        harness.Request($"\r\nhello\r\n0\r\n\r\n{Next}");
        harness.Response(Ok);
        Assert.Equal("/next", Assert.Single(harness.Records).Target);
    }

    [Fact]
    public void ChunkDataNotFollowedByALineEndIsRejected()
    {
        using var harness = new Http1Harness();
        harness.Request($"POST /bad HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcdef\r\n0\r\n\r\n{Next}");
        harness.Response(Ok);
        Assert.Equal("/next", Assert.Single(harness.Records).Target);
        Assert.Equal(1, harness.Specific("invalid_framing"));
    }

    [Fact]
    public void InvalidTrailerIsRejected()
    {
        using var harness = new Http1Harness();
        harness.Request($"POST /bad HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nno colon here\r\n\r\n{Next}");
        harness.Response(Ok);
        Assert.Equal("/next", Assert.Single(harness.Records).Target);
    }

    [Fact]
    public void ConnectionCloseIsAFramingFactOfTheMessage()
    {
        using var harness = new Http1Harness();
        harness.Request("GET / HTTP/1.1\r\nConnection: keep-alive, close\r\n\r\n");
        harness.Response("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
        Assert.Single(harness.Records);
    }
}
