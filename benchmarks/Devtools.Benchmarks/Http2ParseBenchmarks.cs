using System.Buffers.Binary;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Devtools.Core.Common;
using Devtools.Core.Connections;
using Devtools.Core.Diagnostics;
using Devtools.Core.Protocols;
using Devtools.Core.Protocols.Http;
using Devtools.Core.Protocols.Http2;
using Devtools.Core.Protocols.Http2.Frames;
using Devtools.Core.Protocols.Http2.Hpack;
using Devtools.Core.Protocols.Http2.Streams;
using Devtools.Core.Storage;

namespace Devtools.Benchmarks;

/// <summary>
/// HTTP/2 parse + stitch throughput through the shared driver on one h2c connection
/// carrying a typical mix: a REST GET answered by ~300 B of JSON, a JSON POST answered 201,
/// a gRPC unary call (request, response and trailers) and a GET of a list. Header blocks
/// are what real encoders send once warmed up: common fields indexed from the dynamic
/// table, paths and ids as Huffman-coded literals. One operation is one message (a
/// request's or a response's frames), each arriving as one capture event.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class Http2ParseBenchmarks
{
    /// <summary>Exchanges per invocation (stream ids 3, 5, ... on one connection).</summary>
    private const int Exchanges = 1024;

    private const int Messages = Exchanges * 2;

    private static readonly (byte[] Client, byte[] Server) Opening = BuildOpening();
    private static readonly (byte[] Request, byte[] Response)[] Mix = BuildMix();

    private byte[][] _requests = null!;
    private byte[][] _responses = null!;
    private Connection _connection = null!;
    private IConnectionProtocol _driver = null!;
    private ProtocolServices _services = null!;
    private CaptureCounters _counters = null!;
    private ProtocolCounters _http2Counters = null!;
    private ConnectionInfo _info = null!;
    private RingQueue<Http2Frame> _requestFrames = null!;
    private RingQueue<Http2Frame> _responseFrames = null!;
    private long _clock;

    /// <summary>Average bytes of one message of the mix.</summary>
    public static double BytesPerMessage => Mix.Average(m => (m.Request.Length + m.Response.Length) / 2.0);

    public Http1ParseBenchmarks.CountingSink Sink { get; } = new();

    [GlobalSetup]
    public void Setup()
    {
        _counters = new CaptureCounters();
        _services = new ProtocolServices(_counters, new ProtocolOptions(), new SinkRegistry(Sink));
        _requests = new byte[Exchanges][];
        _responses = new byte[Exchanges][];
        for (int i = 0; i < Exchanges; i++)
        {
            int stream = 3 + (2 * i);
            _requests[i] = WithStreamId(Mix[i % Mix.Length].Request, stream);
            _responses[i] = WithStreamId(Mix[i % Mix.Length].Response, stream);
        }
        _http2Counters = _counters.Protocol("http2");
        _info = new ConnectionInfo(new ConnectionId(1, 3, 1), new Upid(0, 1, 1)) { Role = ConnectionRole.Server };
        _requestFrames = new RingQueue<Http2Frame>(8);
        _responseFrames = new RingQueue<Http2Frame>(8);
        Driver();
        Driver();
        ParserAndStitcher();
        ProtocolCounters http2 = _http2Counters;
        if (Sink.Records != 3 * (Exchanges + 1) || http2.ParseErrors != 0 || http2.Specific("records_with_lost_headers").Value != 0)
            throw new InvalidOperationException($"The mix did not parse cleanly: {Sink.Records} records, {http2.ParseErrors} errors.");
    }

    /// <summary>The whole user-space path of one connection: reassembly, the shared driver, parsers, HPACK, stitcher, sink.</summary>
    [Benchmark(OperationsPerInvoke = Messages)]
    public void Driver()
    {
        var info = new ConnectionInfo(new ConnectionId(1, 3, 1), new Upid(0, 1, 1)) { Role = ConnectionRole.Server };
        _connection?.Dispose();
        _connection = new Connection(info, new DataStreamOptions(), _counters);
        _driver = new Http2Protocol().Attach(_connection, _services);
        _connection.Attach(_driver);
        Feed(Direction.Ingress, Opening.Client);
        Feed(Direction.Egress, Opening.Server);
        for (int i = 0; i < Exchanges; i++)
        {
            Feed(Direction.Ingress, _requests[i]);
            Feed(Direction.Egress, _responses[i]);
        }
    }

    /// <summary>
    /// Parsers, HPACK, stitcher and sink alone, on the event spans, with the least driver
    /// logic that stays correct (frames stamped, queued and stitched as they complete;
    /// payload bytes a parser leaves to skip stepped over): the same connection as
    /// <see cref="Driver"/> without its reassembly.
    /// </summary>
    [Benchmark(OperationsPerInvoke = Messages)]
    public void ParserAndStitcher()
    {
        var session = new Http2Session(new Http2Counters(_http2Counters), Http2Limits.From(_services.Options));
        using var requestParser = new Http2FrameParser(session, MessageKind.Request);
        using var responseParser = new Http2FrameParser(session, MessageKind.Response);
        using var stitcher = new Http2Stitcher(session, Sink);
        ParseWhole(requestParser, Opening.Client, _requestFrames, _responseFrames, MessageKind.Request, stitcher);
        ParseWhole(responseParser, Opening.Server, _responseFrames, _requestFrames, MessageKind.Response, stitcher);
        for (int i = 0; i < Exchanges; i++)
        {
            ParseWhole(requestParser, _requests[i], _requestFrames, _responseFrames, MessageKind.Request, stitcher);
            ParseWhole(responseParser, _responses[i], _responseFrames, _requestFrames, MessageKind.Response, stitcher);
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _connection.Dispose();

    private void ParseWhole(Http2FrameParser parser, byte[] bytes, RingQueue<Http2Frame> own, RingQueue<Http2Frame> peer, MessageKind kind, Http2Stitcher stitcher)
    {
        var context = new ParseContext<Http2Frame>(_info, kind, peer);
        var stitch = new StitchContext(_info, _http2Counters, endOfStream: false);
        Http2Frame frame = default;
        ReadOnlySpan<byte> data = bytes;
        long start = _clock;
        while (!data.IsEmpty)
        {
            ParseResult result = parser.Parse(data, ref frame, context);
            data = data[result.Consumed..];
            switch (result.Status)
            {
                case ParseStatus.FrameComplete:
                    data = data[(int)result.SkipAfter..];
                    frame.StartNs = start;
                    frame.EndNs = _clock += 1000;
                    own.Enqueue(frame);
                    frame = default;
                    if (kind == MessageKind.Request)
                        stitcher.Stitch(own, peer, stitch);
                    else
                        stitcher.Stitch(peer, own, stitch);
                    break;
                case ParseStatus.Skipped or ParseStatus.Progress:
                    break;
                default:
                    throw new InvalidOperationException($"Unexpected {result.Status}");
            }
        }
    }

    private void Feed(Direction direction, byte[] bytes)
    {
        DataStream stream = _connection.Stream(direction);
        stream.Add(stream.NextOffset, bytes, bytes.Length, HoleKind.Filler, _clock += 1000);
        _driver.Process(direction);
    }

    /// <summary>Each frame of <paramref name="frames"/> moved to <paramref name="stream"/> (frames on stream 0 stay).</summary>
    private static byte[] WithStreamId(byte[] frames, int stream)
    {
        byte[] copy = (byte[])frames.Clone();
        for (int pos = 0; pos < copy.Length;)
        {
            int length = (copy[pos] << 16) | (copy[pos + 1] << 8) | copy[pos + 2];
            if (BinaryPrimitives.ReadInt32BigEndian(copy.AsSpan(pos + 5)) != 0)
                BinaryPrimitives.WriteInt32BigEndian(copy.AsSpan(pos + 5), stream);
            pos += 9 + length;
        }
        return copy;
    }

    /// <summary>Client preface and SETTINGS, and a first request that fills the client's dynamic table.</summary>
    private static (byte[] Client, byte[] Server) BuildOpening()
    {
        var block = new Block()
            .Indexed(2).Indexed(6)
            .Incremental(1, "shop.example.com")
            .WithoutIndexing(4, "/warm")
            .Incremental(58, "Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0")
            .Incremental(19, "application/json")
            .Incremental(31, "application/json")
            .Incremental(31, "application/grpc")
            .IncrementalNewName("te", "trailers")
            .IncrementalNewName("grpc-accept-encoding", "identity,deflate,gzip");
        // Client table, newest first: 62 grpc-accept-encoding, 63 te, 64 content-type grpc,
        // 65 content-type json, 66 accept, 67 user-agent, 68 :authority.
        byte[] client = Concat(
            Encoding.ASCII.GetBytes("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"),
            Frame(4, 0, 0, [0, 3, 0, 0, 0, 100, 0, 4, 0, 0x60, 0, 0]),
            Frame(1, 5, 1, block.ToArray()));
        var response = new Block()
            .Indexed(8)
            .Incremental(31, "application/json; charset=utf-8")
            .Incremental(54, "Kestrel")
            .Incremental(31, "application/grpc")
            .IncrementalNewName("grpc-status", "0");
        // Server table: 62 grpc-status 0, 63 content-type grpc, 64 server, 65 content-type json.
        byte[] server = Concat(
            Frame(4, 0, 0, [0, 3, 0, 0, 0, 100]),
            Frame(4, 1, 0, []),
            Frame(1, 5, 1, response.ToArray()));
        return (client, server);
    }

    private static (byte[], byte[])[] BuildMix()
    {
        const string user = "{\"id\":42,\"name\":\"Ada Lovelace\",\"email\":\"ada@example.com\",\"roles\":[\"admin\",\"dev\"],"
            + "\"profile\":{\"city\":\"London\",\"joined\":\"2019-03-14T09:26:53Z\",\"bio\":\"Analyst of engines, writer of the first program.\"},"
            + "\"orders\":[{\"id\":9001,\"total\":31.5,\"status\":\"shipped\"},{\"id\":9002,\"total\":12.0,\"status\":\"open\"}],\"version\":17}";
        const string order = "{\"customerId\":42,\"items\":[{\"sku\":\"BK-1984\",\"qty\":1},{\"sku\":\"PN-0042\",\"qty\":3}],\"shipping\":\"express\",\"note\":\"leave at door\"}";
        const string orders = "[{\"id\":9002,\"total\":12.0,\"status\":\"open\",\"items\":2,\"created\":\"2024-01-01\"},{\"id\":9005,\"total\":99.9,\"status\":\"open\",\"items\":7,\"created\":\"2024-01-02\"}]";
        byte[] grpcRequest = Grpc("\n\u0007BK-1984\u0010\u0001");
        byte[] grpcReply = Grpc("\n\u0007BK-1984\u0012\u0011Nineteen Eighty-Four\u001a\u000cGeorge Orwell\"\u0004Book(\u00c8\u0001");
        Block Get(string path) => new Block().Indexed(2).Indexed(6).Indexed(68).WithoutIndexing(4, path).Indexed(67).Indexed(66)
            .NeverIndexed(23, "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI0MiJ9.c2lnbmF0dXJl")
            .WithoutIndexingNewName("x-request-id", "4bf92f3577b34da6a3ce929d0e0e4736");
        Block Ok(int contentLength) => new Block().Indexed(8).Indexed(65).Indexed(64)
            .WithoutIndexing(33, "Mon, 01 Jan 2024 12:00:00 GMT").WithoutIndexing(28, contentLength.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return
        [
            (Frame(1, 5, 1, Get("/api/users/42?include=profile,orders").ToArray()),
                Concat(Frame(1, 4, 1, Ok(user.Length).ToArray()), Frame(0, 1, 1, Encoding.ASCII.GetBytes(user)))),
            (Concat(Frame(1, 4, 1, new Block().Indexed(3).Indexed(6).Indexed(68).WithoutIndexing(4, "/api/orders").Indexed(65).Indexed(66)
                    .WithoutIndexing(28, order.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray()),
                    Frame(0, 1, 1, Encoding.ASCII.GetBytes(order))),
                Concat(Frame(1, 4, 1, new Block().WithoutIndexing(8, "201").Indexed(65).Indexed(64).WithoutIndexing(46, "/api/orders/9003").ToArray()),
                    Frame(0, 1, 1, "{\"id\":9003,\"status\":\"accepted\"}"u8.ToArray()))),
            (Concat(Frame(1, 4, 1, new Block().Indexed(3).Indexed(6).Indexed(68).WithoutIndexing(4, "/shop.Catalog/GetItem").Indexed(64).Indexed(63)
                    .WithoutIndexingNewName("grpc-timeout", "4999m").Indexed(62).WithoutIndexing(58, "grpc-dotnet/2.85.0 (.NET 10.0.0; CLR 10.0.0; net10.0; linux; x64)").ToArray()),
                    Frame(0, 1, 1, grpcRequest)),
                Concat(Frame(1, 4, 1, new Block().Indexed(8).Indexed(63).Indexed(64).WithoutIndexing(33, "Mon, 01 Jan 2024 12:00:00 GMT").ToArray()),
                    Frame(0, 0, 1, grpcReply),
                    Frame(1, 5, 1, new Block().Indexed(62).ToArray()))),
            (Frame(1, 5, 1, Get("/api/orders?status=open&page=2").ToArray()),
                Concat(Frame(1, 4, 1, Ok(orders.Length).ToArray()), Frame(0, 1, 1, Encoding.ASCII.GetBytes(orders)))),
        ];
    }

    private static byte[] Grpc(string message)
    {
        byte[] payload = Encoding.Latin1.GetBytes(message);
        byte[] framed = new byte[5 + payload.Length];
        BinaryPrimitives.WriteInt32BigEndian(framed.AsSpan(1), payload.Length);
        payload.CopyTo(framed, 5);
        return framed;
    }

    private static byte[] Frame(byte type, byte flags, int stream, byte[] payload)
    {
        byte[] frame = new byte[9 + payload.Length];
        frame[0] = (byte)(payload.Length >> 16);
        frame[1] = (byte)(payload.Length >> 8);
        frame[2] = (byte)payload.Length;
        frame[3] = type;
        frame[4] = flags;
        BinaryPrimitives.WriteInt32BigEndian(frame.AsSpan(5), stream);
        payload.CopyTo(frame, 9);
        return frame;
    }

    private static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];

    /// <summary>An HPACK block written by hand (RFC 7541 §6), strings Huffman-coded as real encoders do.</summary>
    private sealed class Block
    {
        private readonly List<byte> _bytes = [];

        public Block Indexed(int index) => Integer(0x80, 7, index);

        public Block Incremental(int nameIndex, string value) => Integer(0x40, 6, nameIndex).String(value);

        public Block IncrementalNewName(string name, string value) => Integer(0x40, 6, 0).String(name).String(value);

        public Block WithoutIndexing(int nameIndex, string value) => Integer(0x00, 4, nameIndex).String(value);

        public Block WithoutIndexingNewName(string name, string value) => Integer(0x00, 4, 0).String(name).String(value);

        public Block NeverIndexed(int nameIndex, string value) => Integer(0x10, 4, nameIndex).String(value);

        public byte[] ToArray() => [.. _bytes];

        private Block String(string text)
        {
            byte[] raw = Encoding.Latin1.GetBytes(text);
            byte[] huffman = new byte[(raw.Length * 4) + 1];
            int n = HpackHuffman.Encode(raw, huffman);
            Integer(0x80, 7, n);
            _bytes.AddRange(huffman.AsSpan(0, n).ToArray());
            return this;
        }

        private Block Integer(byte pattern, int prefixBits, int value)
        {
            int max = (1 << prefixBits) - 1;
            if (value < max)
            {
                _bytes.Add((byte)(pattern | value));
                return this;
            }
            _bytes.Add((byte)(pattern | max));
            value -= max;
            while (value >= 128)
            {
                _bytes.Add((byte)((value & 0x7F) | 0x80));
                value >>= 7;
            }
            _bytes.Add((byte)value);
            return this;
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
            AddColumn(new BytesPerSecondColumn("HTTP2", () => BytesPerMessage));
        }
    }
}
