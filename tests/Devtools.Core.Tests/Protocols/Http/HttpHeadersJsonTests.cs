using System.Buffers;
using System.Text;
using System.Text.Json;
using Devtools.Core.Protocols;
using Devtools.Core.Protocols.Http;

namespace Devtools.Core.Tests.Protocols.Http;

public class HttpHeadersJsonTests
{
    [Fact]
    public void WritesHeadersAsAnObject()
    {
        Assert.Equal("{\"Host\":\"example.com\",\"Accept\":\"*/*\"}", Json("Host: example.com\r\nAccept: */*\r\n"));
    }

    [Fact]
    public void WritesAnEmptyObjectWithoutHeaders()
    {
        Assert.Equal("{}", Json(""));
    }

    [Fact]
    public void JoinsRepeatedNamesInArrivalOrderUnderTheFirstSpelling()
    {
        Assert.Equal(
            "{\"Accept\":\"a, b, c\",\"Host\":\"h\"}",
            Json("Accept: a\r\nHost: h\r\naccept: b\r\nACCEPT: c\r\n"));
    }

    [Fact]
    public void RedactsSecrets()
    {
        string json = Json(
            "Authorization: Bearer abc.def\r\n"
            + "Proxy-Authorization: Basic dXNlcjpwYXNz\r\n"
            + "Cookie: session=1\r\n"
            + "Set-Cookie: a=1\r\n"
            + "Set-Cookie: b=2\r\n"
            + "X-Api-Key: k\r\n"
            + "X-Auth-Token: t\r\n"
            + "X-Amz-Security-Token: s\r\n"
            + "X-CSRF-Token: c\r\n"
            + "X-Client-Secret: s\r\n"
            + "X-Db-Password: p\r\n"
            + "X-My-Apikey: k\r\n"
            + "Authorization-Extra: keep\r\n"
            + "Host: visible\r\n");
        Assert.Equal(
            "{\"Authorization\":\"Bearer <redacted>\",\"Proxy-Authorization\":\"Basic <redacted>\",\"Cookie\":\"<redacted>\","
            + "\"Set-Cookie\":\"<redacted>, <redacted>\",\"X-Api-Key\":\"<redacted>\",\"X-Auth-Token\":\"<redacted>\","
            + "\"X-Amz-Security-Token\":\"<redacted>\",\"X-CSRF-Token\":\"<redacted>\",\"X-Client-Secret\":\"<redacted>\","
            + "\"X-Db-Password\":\"<redacted>\",\"X-My-Apikey\":\"<redacted>\",\"Authorization-Extra\":\"keep\",\"Host\":\"visible\"}",
            json);
    }

    [Fact]
    public void AuthorizationWithoutSchemeIsRedactedWhole()
    {
        Assert.Equal("{\"Authorization\":\"<redacted>\"}", Json("Authorization: secret-token-only\r\n"));
    }

    [Fact]
    public void KeepsSecretsWhenRedactionIsOff()
    {
        Assert.Equal("{\"Authorization\":\"Bearer abc\"}", Json("Authorization: Bearer abc\r\n", redact: false));
    }

    [Fact]
    public void EscapesWhatJsonRequires()
    {
        byte[] lines = [.. "X-Q: a\"b\\c\td\u0001"u8, 0xC3, 0xA9, 0xE9, .. "\r\n"u8];
        string json = Write(HttpHeaders.FromHttp1Lines(lines), 8192, redact: true);
        Assert.Equal("{\"X-Q\":\"a\\\"b\\\\c\\td\\u0001é\\u00e9\"}", json);
        Assert.Equal("a\"b\\c\td\u0001éé", JsonDocument.Parse(json).RootElement.GetProperty("X-Q").GetString());
    }

    [Fact]
    public void TruncatesWholeMembersAndStaysValid()
    {
        var lines = new StringBuilder();
        for (int i = 0; i < 100; i++)
            lines.Append($"X-Field-{i:D2}: value-{i}\r\n");
        for (int max = 2; max < 400; max++)
        {
            string json = Json(lines.ToString(), max: max);
            Assert.True(Encoding.UTF8.GetByteCount(json) <= max, $"{max}: {json}");
            using JsonDocument document = JsonDocument.Parse(json);
            int members = document.RootElement.EnumerateObject().Count();
            // Whole members only, in order.
            Assert.Equal(Enumerable.Range(0, members).Select(i => $"value-{i}"), document.RootElement.EnumerateObject().Select(p => p.Value.GetString()));
        }
        Assert.Equal("{\"X-Field-00\":\"value-0\"}", Json(lines.ToString(), max: 30));
        Assert.Equal("{}", Json(lines.ToString(), max: 10));
    }

    [Fact]
    public void ReportsWhetherEverythingFit()
    {
        HttpHeaders headers = HttpHeaders.FromHttp1Lines("A: 1\r\nB: 2\r\n"u8);
        var output = new ArrayBufferWriter<byte>();
        Assert.True(HttpHeadersJson.Write(headers, output, new ProtocolOptions()));
        output.Clear();
        Assert.False(HttpHeadersJson.Write(headers, output, maxBytes: 12, redactSecrets: true));
        Assert.Equal("{\"A\":\"1\"}", Encoding.UTF8.GetString(output.WrittenSpan));
    }

    [Fact]
    public void HandlesManyRepeatedNames()
    {
        var lines = new StringBuilder();
        for (int i = 0; i < 200; i++)
            lines.Append($"X-{i % 3}: {i}\r\n");
        string json = Json(lines.ToString(), max: 64 * 1024);
        using JsonDocument document = JsonDocument.Parse(json);
        Assert.Equal(3, document.RootElement.EnumerateObject().Count());
        Assert.StartsWith("0, 3, 6", document.RootElement.GetProperty("X-0").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void WritesAppendedToWhatTheWriterHolds()
    {
        var output = new ArrayBufferWriter<byte>();
        output.Write("["u8);
        HttpHeadersJson.Write(HttpHeaders.FromHttp1Lines("A: 1\r\n"u8), output, 100, redactSecrets: true);
        output.Write(","u8);
        HttpHeadersJson.Write(HttpHeaders.FromHttp1Lines("B: 2\r\n"u8), output, 100, redactSecrets: true);
        output.Write("]"u8);
        Assert.Equal("[{\"A\":\"1\"},{\"B\":\"2\"}]", Encoding.UTF8.GetString(output.WrittenSpan));
    }

    private static string Json(string lines, int max = 8192, bool redact = true) =>
        Write(HttpHeaders.FromHttp1Lines(Encoding.Latin1.GetBytes(lines)), max, redact);

    private static string Write(HttpHeaders headers, int max, bool redact)
    {
        var output = new ArrayBufferWriter<byte>();
        HttpHeadersJson.Write(headers, output, max, redact);
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }
}
