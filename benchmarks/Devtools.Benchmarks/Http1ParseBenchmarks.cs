using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Devtools.Core.Common;
using Devtools.Core.Connections;
using Devtools.Core.Diagnostics;
using Devtools.Core.Protocols;
using Devtools.Core.Protocols.Http;
using Devtools.Core.Protocols.Http1;
using Devtools.Core.Storage;

namespace Devtools.Benchmarks;

/// <summary>
/// HTTP/1 parse + stitch throughput on one keep-alive connection carrying a typical mix:
/// GET with 8 headers answered by ~300 B of JSON, a JSON POST answered 201, and a
/// chunked response. One operation is one message (request or response), each arriving
/// as one capture event; the MB/s column is bytes of HTTP per second.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class Http1ParseBenchmarks
{
    /// <summary>Exchanges per invocation: the mix repeated.</summary>
    private const int Exchanges = 1024;

    private const int Messages = Exchanges * 2;

    private static readonly byte[][] Requests = [.. MixRequests().Select(Encoding.ASCII.GetBytes)];
    private static readonly byte[][] Responses = [.. MixResponses().Select(Encoding.ASCII.GetBytes)];

    private Connection _connection = null!;
    private IConnectionProtocol _driver = null!;
    private Direction _requestDirection;
    private Direction _responseDirection;
    private long _clock;

    private Http1RequestParser _requestParser = null!;
    private Http1ResponseParser _responseParser = null!;
    private Http1Stitcher _stitcher = null!;
    private RingQueue<HttpMessage> _requests = null!;
    private RingQueue<HttpMessage> _responses = null!;
    private ConnectionInfo _info = null!;
    private ProtocolCounters _counters = null!;

    /// <summary>Average bytes of one message of the mix.</summary>
    public static double BytesPerMessage =>
        (double)(Requests.Sum(r => (long)r.Length) + Responses.Sum(r => (long)r.Length)) / (Requests.Length + Responses.Length);

    public CountingSink Sink { get; } = new();

    [GlobalSetup]
    public void Setup()
    {
        var counters = new CaptureCounters();
        var services = new ProtocolServices(counters, new ProtocolOptions(), new SinkRegistry(Sink));
        _info = new ConnectionInfo(new ConnectionId(1, 3, 1), new Upid(0, 1, 1)) { Role = ConnectionRole.Server };
        _connection = new Connection(_info, new DataStreamOptions(), counters);
        _driver = new Http1Protocol().Attach(_connection, services);
        _connection.Attach(_driver);
        _requestDirection = ConnectionRole.Server.RequestDirection();
        _responseDirection = _requestDirection.Opposite();

        _counters = counters.Protocol("http");
        var http1Counters = new Http1Counters(_counters);
        var session = new Http1Session(_connection, http1Counters, null, services);
        _requestParser = new Http1RequestParser(session, services.Options, http1Counters);
        _responseParser = new Http1ResponseParser(session, services.Options, http1Counters);
        _stitcher = new Http1Stitcher(Sink, http1Counters);
        _requests = new RingQueue<HttpMessage>(16);
        _responses = new RingQueue<HttpMessage>(16);

        // Warm the pools and queues so that steady state is what gets measured, and
        // make sure what gets measured is a clean parse of every message.
        Driver();
        ParserAndStitcher();
        if (Sink.Records != 2 * Exchanges || _counters.ParseErrors != 0 || _counters.Records != 2 * Exchanges)
            throw new InvalidOperationException($"The mix did not parse cleanly: {Sink.Records} records, {_counters.ParseErrors} errors.");
    }

    [GlobalCleanup]
    public void Cleanup() => _connection.Dispose();

    /// <summary>The whole user-space path: reassembly into the DataStream, the shared driver, parsers, stitcher, sink.</summary>
    [Benchmark(OperationsPerInvoke = Messages)]
    public void Driver()
    {
        DataStream requests = _connection.Stream(_requestDirection);
        DataStream responses = _connection.Stream(_responseDirection);
        for (int i = 0; i < Exchanges; i++)
        {
            int kind = i % Requests.Length;
            byte[] request = Requests[kind];
            requests.Add(requests.NextOffset, request, request.Length, HoleKind.Filler, _clock += 1000);
            _driver.Process(_requestDirection);
            byte[] response = Responses[kind];
            responses.Add(responses.NextOffset, response, response.Length, HoleKind.Filler, _clock += 1000);
            _driver.Process(_responseDirection);
        }
    }

    /// <summary>Parsers and stitcher alone, on the event spans, with the least driver logic that stays correct.</summary>
    [Benchmark(OperationsPerInvoke = Messages)]
    public void ParserAndStitcher()
    {
        for (int i = 0; i < Exchanges; i++)
        {
            int kind = i % Requests.Length;
            ParseWhole(_requestParser, Requests[kind], _requests, _responses, MessageKind.Request);
            ParseWhole(_responseParser, Responses[kind], _responses, _requests, MessageKind.Response);
            _stitcher.Stitch(_requests, _responses, new StitchContext(_info, _counters, endOfStream: false));
        }
    }

    private void ParseWhole(Http1MessageParser parser, byte[] bytes, RingQueue<HttpMessage> own, RingQueue<HttpMessage> peer, MessageKind kind)
    {
        var context = new ParseContext<HttpMessage>(_info, kind, peer);
        HttpMessage message = default;
        ReadOnlySpan<byte> data = bytes;
        while (!data.IsEmpty)
        {
            ParseResult result = parser.Parse(data, ref message, context);
            data = data[result.Consumed..];
            if (result.Status == ParseStatus.FrameComplete)
            {
                message.StartNs = _clock;
                message.EndNs = _clock += 1000;
                own.Enqueue(message);
                message = default;
            }
            else if (result.Status != ParseStatus.Skipped)
            {
                throw new InvalidOperationException($"Unexpected {result.Status}");
            }
        }
    }

    private static IEnumerable<string> MixRequests()
    {
        const string headers = "Host: shop.example.com\r\nUser-Agent: Mozilla/5.0 (X11; Linux x86_64) Gecko/20100101 Firefox/121.0\r\n"
            + "Accept: application/json\r\nAccept-Encoding: gzip, deflate, br\r\nAccept-Language: en-US,en;q=0.5\r\n"
            + "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI0MiJ9.c2lnbmF0dXJl\r\nX-Request-Id: 4bf92f3577b34da6a3ce929d0e0e4736\r\n"
            + "Connection: keep-alive\r\n";
        const string order = "{\"customerId\":42,\"items\":[{\"sku\":\"BK-1984\",\"qty\":1},{\"sku\":\"PN-0042\",\"qty\":3}],\"shipping\":\"express\",\"note\":\"leave at door\"}";
        yield return "GET /api/users/42?include=profile,orders HTTP/1.1\r\n" + headers + "\r\n";
        yield return $"POST /api/orders HTTP/1.1\r\nHost: shop.example.com\r\nContent-Type: application/json\r\nContent-Length: {order.Length}\r\nAccept: application/json\r\nX-Request-Id: 5ce0e4736bf92f3577b34da6a3ce929d\r\n\r\n{order}";
        yield return "GET /api/orders?status=open&page=2 HTTP/1.1\r\n" + headers + "\r\n";
        yield return "GET /api/users/7 HTTP/1.1\r\n" + headers + "\r\n";
    }

    private static IEnumerable<string> MixResponses()
    {
        const string user = "{\"id\":42,\"name\":\"Ada Lovelace\",\"email\":\"ada@example.com\",\"roles\":[\"admin\",\"dev\"],"
            + "\"profile\":{\"city\":\"London\",\"joined\":\"2019-03-14T09:26:53Z\",\"bio\":\"Analyst of engines, writer of the first program.\"},"
            + "\"orders\":[{\"id\":9001,\"total\":31.5,\"status\":\"shipped\"},{\"id\":9002,\"total\":12.0,\"status\":\"open\"}],\"version\":17}";
        const string common = "Date: Mon, 01 Jan 2024 12:00:00 GMT\r\nServer: Kestrel\r\nCache-Control: no-cache\r\n";
        yield return $"HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: {user.Length}\r\n{common}\r\n{user}";
        yield return $"HTTP/1.1 201 Created\r\nContent-Type: application/json; charset=utf-8\r\nLocation: /api/orders/9003\r\nContent-Length: 31\r\n{common}\r\n{{\"id\":9003,\"status\":\"accepted\"}}";
        yield return $"HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=utf-8\r\nTransfer-Encoding: chunked\r\n{common}\r\n"
            + "1\r\n[\r\n49\r\n{\"id\":9002,\"total\":12.0,\"status\":\"open\",\"items\":2,\"created\":\"2024-01-01\"}\r\n"
            + "4a\r\n,{\"id\":9005,\"total\":99.9,\"status\":\"open\",\"items\":7,\"created\":\"2024-01-02\"}\r\n1\r\n]\r\n0\r\n\r\n";
        yield return $"HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: {user.Length}\r\n{common}\r\n{user}";
    }

    /// <summary>A sink that does the least a real one would: look at each record.</summary>
    public sealed class CountingSink : IHttpTransactionSink
    {
        public long Records { get; private set; }

        public long BodyBytes { get; private set; }

        public void Write(in HttpTransaction transaction)
        {
            Records++;
            BodyBytes += transaction.RequestBody.Length + transaction.ResponseBody.Length + transaction.Method.Length + transaction.Status;
        }
    }

    private sealed class SinkRegistry(IHttpTransactionSink sink) : IRecordSinks
    {
        public TSink? Find<TSink>()
            where TSink : class => sink as TSink;
    }

    private sealed class ThroughputConfig : ManualConfig
    {
        public ThroughputConfig()
        {
            AddColumn(new BytesPerSecondColumn("HTTP", () => BytesPerMessage));
        }
    }
}
