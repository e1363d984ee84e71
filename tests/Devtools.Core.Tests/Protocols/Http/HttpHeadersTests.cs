using System.Text;
using Devtools.Core.Protocols.Http;
using Devtools.Core.Tests.Protocols.Http1;

namespace Devtools.Core.Tests.Protocols.Http;

public class HttpHeadersTests
{
    [Fact]
    public void EnumeratesHttp1LinesThenTrailerLines()
    {
        byte[] lines = Encoding.ASCII.GetBytes("Host: a\r\nAccept:  */*  \r\nX-Empty:\r\nBare: lf\n");
        byte[] trailers = Encoding.ASCII.GetBytes("X-Checksum: 1\r\n\r\n");
        HttpHeaders headers = HttpHeaders.FromHttp1Lines(lines, trailers);
        Assert.Equal(
            [new("Host", "a"), new("Accept", "*/*"), new("X-Empty", ""), new("Bare", "lf"), new("X-Checksum", "1")],
            CollectingHttpSink.Materialise(headers));
        Assert.Equal(5, headers.Count);
        Assert.True(headers.TryGetValue("ACCEPT"u8, out ReadOnlySpan<byte> accept));
        Assert.Equal("*/*", Encoding.ASCII.GetString(accept));
        Assert.False(headers.TryGetValue("missing"u8, out _));
    }

    [Fact]
    public void EnumeratesADecodedFieldList()
    {
        byte[] store = Encoding.ASCII.GetBytes(":status200content-typeapplication/grpc");
        HttpFieldRange[] fields = [new(0, 7, 7, 3), new(10, 12, 22, 16), new(1000, 5, 0, 1)];
        HttpHeaders headers = HttpHeaders.FromFieldList(store, fields);
        Assert.Equal([new(":status", "200"), new("content-type", "application/grpc")], CollectingHttpSink.Materialise(headers));
        Assert.Equal(3, headers.Count);
        Assert.False(headers.IsEmpty);
    }

    [Fact]
    public void EmptyHeadersEnumerateNothing()
    {
        Assert.True(HttpHeaders.FromHttp1Lines(default).IsEmpty);
        Assert.Empty(CollectingHttpSink.Materialise(HttpHeaders.FromHttp1Lines(default)));
        Assert.Empty(CollectingHttpSink.Materialise(HttpHeaders.FromFieldList(default, default)));
    }

    [Theory]
    [InlineData("application/json", HttpContentType.Json)]
    [InlineData("Application/JSON; charset=utf-8", HttpContentType.Json)]
    [InlineData("application/problem+json", HttpContentType.Json)]
    [InlineData("application/grpc", HttpContentType.Grpc)]
    [InlineData("application/grpc+proto", HttpContentType.Grpc)]
    [InlineData("text/html", HttpContentType.Unknown)]
    [InlineData("", HttpContentType.Unknown)]
    [InlineData("APPLICATION/JSON", HttpContentType.Json)]
    [InlineData("application/jsonl", HttpContentType.Json)]
    [InlineData("application/js0n", HttpContentType.Unknown)]
    [InlineData("application\u000fjson", HttpContentType.Json)]
    [InlineData("application/jso", HttpContentType.Unknown)]
    [InlineData("Application/gRPC", HttpContentType.Grpc)]
    [InlineData("application/grpc+json", HttpContentType.Grpc)]
    public void ClassifiesContentTypes(string value, HttpContentType expected) =>
        Assert.Equal(expected, HttpContentTypes.Classify(Encoding.ASCII.GetBytes(value)));

    [Fact]
    public void TokensEqualWordsIgnoringCaseExactlyAsAsciiDoes()
    {
        const string tchars = "!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        var random = new Random(13);
        foreach (string word in (string[])["content-length", "transfer-encoding", "content-type", "connection"])
        {
            byte[] lower = Encoding.ASCII.GetBytes(word);
            for (int round = 0; round < 3000; round++)
            {
                // Mostly the word in random case, with now and then a byte swapped for any tchar.
                byte[] token = [.. lower.Select(b => random.Next(20) == 0 ? (byte)tchars[random.Next(tchars.Length)] : random.Next(2) == 0 ? (byte)char.ToUpperInvariant((char)b) : b)];
                Assert.Equal(Ascii.EqualsIgnoreCase(token, lower), HttpSyntax.TokenEqualsIgnoreCase(token, lower));
            }
            Assert.False(HttpSyntax.TokenEqualsIgnoreCase(lower.AsSpan(1), lower));
        }
    }
}
