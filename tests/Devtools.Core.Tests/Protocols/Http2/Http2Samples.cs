using System.Text;
using Devtools.Core.Connections;

namespace Devtools.Core.Tests.Protocols.Http2;

/// <summary>
/// A realistic h2c connection as a script of capture events: a browser-like client and a
/// gRPC client multiplexed on one connection, responses interleaved and out of order,
/// with padding, priority, CONTINUATIONs, trailers, a reset, an interim 100, PING,
/// WINDOW_UPDATE, PRIORITY and an unknown extension frame.
/// </summary>
public static class Http2Samples
{
    public const string UserJson = "{\"id\":42,\"name\":\"Ada Lovelace\",\"email\":\"ada@example.com\",\"roles\":[\"admin\",\"dev\"]}";
    public const string Order = "{\"item\":\"book\",\"qty\":2}";

    public static readonly byte[] ItemRequest = Encoding.ASCII.GetBytes("\n\u0004BK-1");
    public static readonly byte[] ItemReply = Encoding.ASCII.GetBytes("\n\u0004BK-1\u0012\u0004Book\u0018\u0003");
    public static readonly byte[] BigCookie = Encoding.ASCII.GetBytes(new string('c', 300));

    /// <summary>The events, in capture order: (true = request direction, bytes).</summary>
    public static IReadOnlyList<(bool IsRequest, byte[] Bytes)> Script { get; } = BuildScript();

    public static byte[] AllRequests => [.. Script.Where(e => e.IsRequest).SelectMany(e => e.Bytes)];

    public static byte[] AllResponses => [.. Script.Where(e => !e.IsRequest).SelectMany(e => e.Bytes)];

    /// <summary>Paths in the order their streams complete when the script is fed in order.</summary>
    public static readonly string[] CompletionOrder =
    [
        "/api/orders", "/api/users/42", "/shop.Catalog/GetItem", "/api/cookies", "/slow",
        "/shop.Catalog/ListItems", "/upload", "/shop.Catalog/AddItems",
    ];

    private static List<(bool, byte[])> BuildScript()
    {
        var client = new HpackTestEncoder();
        var server = new HpackTestEncoder();
        var script = new List<(bool, byte[])>();
        void C(params byte[][] frames) => script.Add((true, H2.Concat(frames)));
        void S(params byte[][] frames) => script.Add((false, H2.Concat(frames)));
        static (string, string)[] Get(string path) =>
        [
            (":method", "GET"), (":scheme", "http"), (":authority", "shop.example"), (":path", path),
            ("user-agent", "Mozilla/5.0 (X11; Linux x86_64) Firefox/121.0"), ("accept", "application/json"),
            ("authorization", "Bearer abc.def.ghi"),
        ];
        static (string, string)[] GrpcCall(string method) =>
        [
            (":method", "POST"), (":scheme", "http"), (":authority", "shop.example"), (":path", method),
            ("content-type", "application/grpc"), ("te", "trailers"), ("grpc-timeout", "5S"), ("user-agent", "grpc-dotnet/2.85.0"),
        ];

        S(H2.Settings((3, 100), (4, 65535), (5, 16384)));
        C(H2.Preface, H2.Settings((1, 4096), (2, 0), (4, 6291456)), H2.WindowUpdate(0, 15663105));
        S(H2.SettingsAck);
        C(H2.SettingsAck, H2.Headers(1, client.Encode(Get("/api/users/42")), endStream: true, priority: true));
        C(
            H2.Headers(3, client.Encode([(":method", "POST"), (":scheme", "http"), (":authority", "shop.example"), (":path", "/api/orders"), ("content-type", "application/json"), ("content-length", "23")])),
            H2.Data(3, Order[..10], padding: 7),
            H2.Data(3, Order[10..], endStream: true));
        S(
            H2.Headers(3, server.Encode((":status", "201"), ("content-type", "application/json"), ("location", "/api/orders/9"), ("server", "test"))),
            H2.Data(3, "{\"id\":9}", endStream: true));
        S(
            H2.Headers(1, server.Encode((":status", "200"), ("content-type", "application/json; charset=utf-8"), ("server", "test")), padding: 4),
            H2.Data(1, UserJson[..30]));
        C(H2.Ping(), H2.Priority(5));
        S(H2.Ping(ack: true), H2.Data(1, UserJson[30..], endStream: true));
        C(H2.Headers(5, client.Encode(GrpcCall("/shop.Catalog/GetItem"))), H2.Data(5, H2.Grpc(ItemRequest), endStream: true));
        S(
            H2.Headers(5, server.Encode((":status", "200"), ("content-type", "application/grpc"), ("server", "test"))),
            H2.Data(5, H2.Grpc(ItemReply)),
            H2.Headers(5, server.Encode(("grpc-status", "0")), endStream: true));
        C(H2.Headers(7, client.Encode(GrpcCall("/shop.Catalog/ListItems"))), H2.Data(7, H2.Grpc(ItemRequest), endStream: true));
        C(H2.HeadersWithContinuations(9, client.Encode([.. Get("/api/cookies"), ("cookie", Encoding.ASCII.GetString(BigCookie))]), fragment: 100, endStream: true));
        byte[] stream = H2.Grpc(ItemReply, ItemReply, ItemReply);
        S(
            H2.Headers(7, server.Encode((":status", "200"), ("content-type", "application/grpc"), ("server", "test"))),
            H2.Data(7, stream.AsSpan(0, 20)));
        S(H2.Headers(9, server.Encode((":status", "404"), ("server", "test")), endStream: true), H2.Frame(0xfa, 0x3, 0, [1, 2, 3]));
        C(H2.Headers(11, client.Encode(Get("/slow")), endStream: true));
        S(H2.Headers(11, server.Encode((":status", "200"), ("content-type", "text/plain"))), H2.Data(11, "partial"));
        C(H2.RstStream(11, 8), H2.WindowUpdate(7, 1000));
        S(H2.Data(7, stream.AsSpan(20)));
        S(H2.Headers(7, server.Encode(("grpc-status", "0"), ("grpc-message", "")), endStream: true));
        C(H2.Headers(13, client.Encode([(":method", "PUT"), (":scheme", "http"), (":authority", "shop.example"), (":path", "/upload"), ("expect", "100-continue")])));
        S(H2.Headers(13, server.Encode((":status", "100"))));
        C(H2.Data(13, "hello world", endStream: true));
        S(H2.Headers(13, server.Encode((":status", "204"), ("server", "test")), endStream: true));
        byte[] upload = H2.Grpc(ItemRequest, ItemReply, ItemRequest);
        C(H2.Headers(15, client.Encode(GrpcCall("/shop.Catalog/AddItems"))), H2.Data(15, upload.AsSpan(0, 7)));
        C(H2.Data(15, upload.AsSpan(7, 20)), H2.Data(15, upload.AsSpan(27), endStream: true));
        S(H2.Headers(15, server.Encode((":status", "200"), ("content-type", "application/grpc"), ("grpc-status", "5"), ("grpc-message", "no such item")), endStream: true));
        S(H2.GoAway(15));
        return script;
    }

    public static Direction DirectionOf(Http2Harness harness, bool isRequest) => isRequest ? harness.RequestDirection : harness.ResponseDirection;
}
