using System.Text;

namespace Devtools.Core.Tests.Protocols.Http1;

/// <summary>A realistic mix of HTTP/1 exchanges on one keep-alive connection, in order.</summary>
public static class Http1Samples
{
    public const string UserJson = "{\"id\":42,\"name\":\"Ada Lovelace\",\"email\":\"ada@example.com\",\"roles\":[\"admin\",\"dev\"]}";

    public static readonly string[] Requests =
    [
        "GET /api/users/42?include=profile HTTP/1.1\r\nHost: shop.example\r\nUser-Agent: curl/8.5.0\r\nAccept: application/json\r\n"
            + "Accept-Encoding: gzip\r\nAuthorization: Bearer abc.def.ghi\r\nX-Request-Id: 7f3a\r\nCookie: session=xyz\r\nConnection: keep-alive\r\n\r\n",
        "POST /api/orders HTTP/1.1\r\nHost: shop.example\r\nContent-Type: application/json\r\nContent-Length: 23\r\n\r\n{\"item\":\"book\",\"qty\":2}\r\n",
        "GET /orders?count=3 HTTP/1.1\r\nHost: shop.example\r\n\r\n",
        "HEAD /files/report.pdf HTTP/1.1\r\nHost: shop.example\r\n\r\n",
        "PUT /api/items/5 HTTP/1.1\r\nHost: shop.example\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\nhello",
        "GET /logo.png HTTP/1.1\r\nHost: shop.example\r\nIf-None-Match: \"abc\"\r\n\r\n",
        "POST /upload HTTP/1.1\r\nHost: shop.example\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\n\r\n",
        "DELETE /api/orders/9 HTTP/1.1\r\nHost: shop.example\r\n\r\n",
        "GET /legacy HTTP/1.0\r\n\r\n",
    ];

    public static readonly string[] Responses =
    [
        $"HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: {UserJson.Length}\r\nDate: Mon, 01 Jan 2024 00:00:00 GMT\r\nServer: Kestrel\r\n\r\n{UserJson}",
        "HTTP/1.1 201 Created\r\nLocation: /api/orders/9\r\nContent-Type: application/json\r\nContent-Length: 8\r\n\r\n{\"id\":9}",
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nTrailer: X-Checksum\r\n\r\n"
            + "1;name=value\r\n[\r\n0c\r\n{\"id\":1,\"a\"}\r\nA\r\n,{\"id\":2}]\r\n0\r\nX-Checksum: abc123\r\n\r\n",
        "HTTP/1.1 200 OK\r\nContent-Type: application/pdf\r\nContent-Length: 123456\r\n\r\n",
        "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n",
        "HTTP/1.1 304 Not Modified\r\nETag: \"abc\"\r\n\r\n",
        "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok",
        "HTTP/1.1 404 Not Found\r\nContent-Type: application/problem+json\r\nContent-Length: 21\r\n\r\n{\"error\":\"not found\"}",
        "HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nold school body",
    ];

    public static byte[] AllRequests => Encoding.Latin1.GetBytes(string.Concat(Requests));

    public static byte[] AllResponses => Encoding.Latin1.GetBytes(string.Concat(Responses));
}
