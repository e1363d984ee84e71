using System.Text;
using System.Text.Json;

namespace Devtools.Benchmarks.Storage;

/// <summary>
/// Realistic http_events content as the capture path has it: UTF-8 bytes parsed out of socket
/// data. Request headers are ~300 B of JSON, bodies are small.
/// </summary>
internal sealed class HttpEventSamples
{
    public HttpEventSamples()
    {
        RequestHeaders =
        [
            ("Host", "shop.default.svc.cluster.local:8080"),
            ("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0"),
            ("Accept", "application/json, text/plain, */*"),
            ("Accept-Encoding", "gzip, deflate, br"),
            ("Content-Type", "application/json"),
            ("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"),
            ("X-Request-Id", "7c3e5a1e-9d0b-4c52-8f7e-2a6b1d9e0f44"),
        ];
        ReqHeadersJson = ToJson(RequestHeaders);
        RespHeadersJson = ToJson([("Content-Type", "application/json; charset=utf-8"), ("Content-Length", "57"), ("Server", "Kestrel")]);
        Paths = Enumerable.Range(0, 64).Select(i => Encoding.UTF8.GetBytes($"/api/v1/orders/{1000 + i}/items?page={i % 3}")).ToArray();
        ReqBody = """{"sku":"A-1042","quantity":2,"note":"gift wrap"}"""u8.ToArray();
        RespBody = """{"id":1042,"status":"accepted","eta":"2024-05-01T10:00:00Z"}"""u8.ToArray();
    }

    public (string Name, string Value)[] RequestHeaders { get; }

    public byte[] ReqHeadersJson { get; }

    public byte[] RespHeadersJson { get; }

    public byte[][] Paths { get; }

    public byte[] ReqBody { get; }

    public byte[] RespBody { get; }

    public static ReadOnlySpan<byte> Get => "GET"u8;

    public static ReadOnlySpan<byte> Post => "POST"u8;

    public static ReadOnlySpan<byte> Ok => "OK"u8;

    public static ReadOnlySpan<byte> RemoteAddr => "10.244.1.17"u8;

    public static ReadOnlySpan<byte> LocalAddr => "10.244.0.5"u8;

    private static byte[] ToJson((string Name, string Value)[] headers)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            foreach ((string name, string value) in headers)
            {
                json.WriteString(name, value);
            }

            json.WriteEndObject();
        }

        return stream.ToArray();
    }
}
