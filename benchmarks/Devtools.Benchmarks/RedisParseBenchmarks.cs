using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Devtools.Core.Common;
using Devtools.Core.Connections;
using Devtools.Core.Diagnostics;
using Devtools.Core.Protocols;
using Devtools.Core.Protocols.Redis;
using Devtools.Core.Storage;

namespace Devtools.Benchmarks;

/// <summary>
/// Redis parse + stitch throughput on one connection carrying what a web application
/// says to its cache: GETs answered by ~300 B of JSON, SETs with expiry, HGETALL, INCR,
/// MGET, a sorted-set range, and a pipelined burst. One operation is one message (a
/// command or a reply), each arriving as one capture event except the pipeline's, which
/// arrive together as clients send them; the MB/s column is bytes of RESP per second.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class RedisParseBenchmarks
{
    /// <summary>Times the mix is repeated per invocation.</summary>
    private const int Rounds = 256;

    private static readonly (byte[] Requests, byte[] Replies, int Messages)[] Mix = [.. BuildMix()];

    /// <summary>Commands and replies in one round of the mix (checked in <see cref="Setup"/>).</summary>
    private const int MessagesPerRound = 48;

    private Connection _connection = null!;
    private IConnectionProtocol _driver = null!;
    private Direction _requestDirection;
    private Direction _responseDirection;
    private ProtocolCounters _counters = null!;
    private long _clock;

    private RedisRequestParser _requestParser = null!;
    private RedisReplyParser _replyParser = null!;
    private RedisStitcher _stitcher = null!;
    private RingQueue<RedisMessage> _requests = null!;
    private RingQueue<RedisMessage> _replies = null!;
    private ConnectionInfo _info = null!;

    /// <summary>Average bytes of one message of the mix.</summary>
    public static double BytesPerMessage => (double)Mix.Sum(m => (long)m.Requests.Length + m.Replies.Length) / MessagesPerRound;

    public CountingSink Sink { get; } = new();

    [GlobalSetup]
    public void Setup()
    {
        var counters = new CaptureCounters();
        var services = new ProtocolServices(counters, new ProtocolOptions(), new SinkRegistry(Sink));
        var info = new ConnectionInfo(new ConnectionId(1, 3, 1), new Upid(0, 1, 1)) { Role = ConnectionRole.Server };
        _info = info;
        _connection = new Connection(info, new DataStreamOptions(), counters);
        _driver = new RedisProtocol().Attach(_connection, services);
        _connection.Attach(_driver);
        _requestDirection = ConnectionRole.Server.RequestDirection();
        _responseDirection = _requestDirection.Opposite();
        _counters = counters.Protocol("redis");
        var redisCounters = new RedisCounters(_counters);
        var limits = RedisLimits.From(services.Options);
        var pool = new RedisBufferPool();
        _requestParser = new RedisRequestParser(limits, redactSecrets: true, redisCounters, pool);
        _replyParser = new RedisReplyParser(limits, redisCounters, pool);
        _stitcher = new RedisStitcher(Sink, redisCounters);
        _requests = new RingQueue<RedisMessage>(32);
        _replies = new RingQueue<RedisMessage>(32);

        if (Mix.Sum(m => m.Messages) != MessagesPerRound)
            throw new InvalidOperationException("MessagesPerRound does not match the mix.");

        // Warm the pools and queues, and make sure what gets measured is a clean parse.
        Driver();
        ParserAndStitcher();
        long records = (long)MessagesPerRound * Rounds;
        if (Sink.Records != records || _counters.ParseErrors != 0 || _counters.Records != records)
            throw new InvalidOperationException($"The mix did not parse cleanly: {Sink.Records} records of {records}, {_counters.ParseErrors} errors.");
    }

    [GlobalCleanup]
    public void Cleanup() => _connection.Dispose();

    /// <summary>The whole user-space path: reassembly into the DataStream, the shared driver, parsers, stitcher, sink.</summary>
    [Benchmark(OperationsPerInvoke = Rounds * MessagesPerRound)]
    public void Driver()
    {
        DataStream requests = _connection.Stream(_requestDirection);
        DataStream replies = _connection.Stream(_responseDirection);
        for (int round = 0; round < Rounds; round++)
        {
            foreach ((byte[] request, byte[] reply, _) in Mix)
            {
                requests.Add(requests.NextOffset, request, request.Length, HoleKind.Filler, _clock += 1000);
                _driver.Process(_requestDirection);
                replies.Add(replies.NextOffset, reply, reply.Length, HoleKind.Filler, _clock += 1000);
                _driver.Process(_responseDirection);
            }
        }
    }

    /// <summary>Parsers and stitcher alone, on the event spans, with the least driver logic that stays correct.</summary>
    [Benchmark(OperationsPerInvoke = Rounds * MessagesPerRound)]
    public void ParserAndStitcher()
    {
        for (int round = 0; round < Rounds; round++)
        {
            foreach ((byte[] request, byte[] reply, _) in Mix)
            {
                ParseWhole(_requestParser, request, _requests, _replies, MessageKind.Request);
                ParseWhole(_replyParser, reply, _replies, _requests, MessageKind.Response);
                _stitcher.Stitch(_requests, _replies, new StitchContext(_info, _counters, endOfStream: false));
            }
        }
    }

    private void ParseWhole(IFrameParser<RedisMessage> parser, byte[] bytes, RingQueue<RedisMessage> own, RingQueue<RedisMessage> peer, MessageKind kind)
    {
        var context = new ParseContext<RedisMessage>(_info, kind, peer);
        RedisMessage message = default;
        ReadOnlySpan<byte> data = bytes;
        while (!data.IsEmpty)
        {
            ParseResult result = parser.Parse(data, ref message, context);
            data = data[result.Consumed..];
            if (result.Status != ParseStatus.FrameComplete)
                throw new InvalidOperationException($"Unexpected {result.Status}");
            message.StartNs = _clock;
            message.EndNs = _clock += 1000;
            own.Enqueue(message);
            message = default;
        }
    }

    private static IEnumerable<(byte[], byte[], int)> BuildMix()
    {
        const string user = "{\"id\":42,\"name\":\"Ada Lovelace\",\"email\":\"ada@example.com\",\"roles\":[\"admin\",\"dev\"],"
            + "\"profile\":{\"city\":\"London\",\"joined\":\"2019-03-14T09:26:53Z\",\"bio\":\"Analyst of engines, writer of the first program.\"},"
            + "\"orders\":[9001,9002],\"version\":17}";
        const string session = "{\"user\":42,\"csrf\":\"4bf92f3577b34da6a3ce929d0e0e4736\",\"cart\":[\"BK-1984\",\"PN-0042\"],\"expires\":\"2024-01-01T13:00:00Z\"}";
        yield return One(Command("GET", "user:42"), Bulk(user));
        yield return One(Command("SET", "session:5ce0e4736bf92f35", session, "EX", "3600"), "+OK\r\n");
        yield return One(Command("HGETALL", "cart:42"), "*8\r\n" + Bulk("BK-1984") + Bulk("1") + Bulk("PN-0042") + Bulk("3") + Bulk("GF-0007") + Bulk("1") + Bulk("updated") + Bulk("1704110400"));
        yield return One(Command("INCR", "stats:page:/api/users"), ":183920\r\n");
        yield return One(Command("GET", "user:43"), Bulk(user.Replace("42", "43", StringComparison.Ordinal)));
        yield return One(Command("MGET", "price:BK-1984", "price:PN-0042", "price:GF-0007"), "*3\r\n" + Bulk("12.50") + Bulk("3.99") + "$-1\r\n");
        yield return One(Command("ZRANGE", "leaderboard", "0", "4", "WITHSCORES"), "*10\r\n" + string.Concat(Enumerable.Range(1, 5).Select(i => Bulk($"player:{i * 7919}") + Bulk($"{10_000 - (i * 137)}"))));
        yield return One(Command("EXPIRE", "session:5ce0e4736bf92f35", "3600"), ":1\r\n");
        // A pipeline: 16 commands in one write, 16 replies in one read.
        var requests = new StringBuilder();
        var replies = new StringBuilder();
        for (int i = 0; i < 16; i++)
        {
            requests.Append(Command("LPUSH", "events", $"{{\"type\":\"view\",\"page\":\"/p/{i}\",\"at\":1704110400{i:00}}}"));
            replies.Append(':').Append(1000 + i).Append("\r\n");
        }
        yield return (Encoding.UTF8.GetBytes(requests.ToString()), Encoding.UTF8.GetBytes(replies.ToString()), 32);
    }

    private static (byte[], byte[], int) One(string request, string reply) => (Encoding.UTF8.GetBytes(request), Encoding.UTF8.GetBytes(reply), 2);

    private static string Command(params string[] parts)
    {
        var text = new StringBuilder();
        text.Append('*').Append(parts.Length).Append("\r\n");
        foreach (string part in parts)
            text.Append('$').Append(Encoding.UTF8.GetByteCount(part)).Append("\r\n").Append(part).Append("\r\n");
        return text.ToString();
    }

    private static string Bulk(string value) => $"${Encoding.UTF8.GetByteCount(value)}\r\n{value}\r\n";

    /// <summary>A sink that does the least a real one would: look at each record.</summary>
    public sealed class CountingSink : IRedisCommandSink
    {
        public long Records { get; private set; }

        public long TextBytes { get; private set; }

        public void Write(in RedisCommandRecord record)
        {
            Records++;
            TextBytes += record.Command.Length + record.Arguments.Length + record.Reply.Length;
        }
    }

    private sealed class SinkRegistry(IRedisCommandSink sink) : IRecordSinks
    {
        public TSink? Find<TSink>()
            where TSink : class => sink as TSink;
    }

    private sealed class ThroughputConfig : ManualConfig
    {
        public ThroughputConfig()
        {
            AddColumn(new BytesPerSecondColumn("RESP", () => BytesPerMessage));
        }
    }
}
