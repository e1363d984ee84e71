using System.Text;
using Devtools.Core.Connections;
using Devtools.Core.Diagnostics;
using Devtools.Core.Protocols;
using Devtools.Core.Protocols.Redis;
using Devtools.Core.Storage;

namespace Devtools.Core.Tests.Protocols.Redis;

/// <summary>
/// One Redis connection driven through the real machinery: a <see cref="Connection"/>
/// and its <see cref="DataStream"/>s, the shared <see cref="ProtocolDriver{TFrame}"/>
/// from <see cref="RedisProtocol.Attach"/>, and a collecting sink.
/// </summary>
public sealed class RedisHarness : IDisposable
{
    private long _clock = 1_000;

    public RedisHarness(
        ConnectionRole role = ConnectionRole.Server,
        ProtocolOptions? options = null,
        DataStreamOptions? streamOptions = null,
        bool withSink = true)
    {
        Options = options ?? new ProtocolOptions();
        StreamOptions = streamOptions ?? new DataStreamOptions();
        Sink = new CollectingRedisSink();
        var services = new ProtocolServices(Counters, Options, new TestSinks(withSink ? Sink : null));
        var info = new ConnectionInfo(new ConnectionId(42, 7, 1), new Upid(0, 42, 1)) { Role = role };
        Connection = new Connection(info, StreamOptions, Counters);
        Connection.Attach(new RedisProtocol().Attach(Connection, services));
        RequestDirection = role.RequestDirection();
        ResponseDirection = RequestDirection.Opposite();
    }

    public CaptureCounters Counters { get; } = new();

    public ProtocolCounters Redis => Counters.Protocol("redis");

    public ProtocolOptions Options { get; }

    public DataStreamOptions StreamOptions { get; }

    public CollectingRedisSink Sink { get; }

    public List<RedisRecord> Records => Sink.Records;

    public Connection Connection { get; }

    public Direction RequestDirection { get; }

    public Direction ResponseDirection { get; }

    public long Specific(string counter) => Redis.Specific(counter).Value;

    public void Request(string text, long? timestampNs = null) => Feed(RequestDirection, Encoding.Latin1.GetBytes(text), timestampNs);

    public void Response(string text, long? timestampNs = null) => Feed(ResponseDirection, Encoding.Latin1.GetBytes(text), timestampNs);

    public void Request(ReadOnlySpan<byte> bytes, long? timestampNs = null) => Feed(RequestDirection, bytes, timestampNs);

    public void Response(ReadOnlySpan<byte> bytes, long? timestampNs = null) => Feed(ResponseDirection, bytes, timestampNs);

    /// <summary>One capture event carrying <paramref name="bytes"/> in <paramref name="direction"/>.</summary>
    public void Feed(Direction direction, ReadOnlySpan<byte> bytes, long? timestampNs = null)
    {
        DataStream stream = Connection.Stream(direction);
        stream.Add(stream.NextOffset, bytes, bytes.Length, HoleKind.Filler, Tick(timestampNs));
        Connection.Protocol?.Process(direction);
    }

    /// <summary>Feeds <paramref name="bytes"/> as events of <paramref name="pieceSize"/> bytes.</summary>
    public void FeedInPieces(Direction direction, ReadOnlySpan<byte> bytes, int pieceSize)
    {
        for (int i = 0; i < bytes.Length; i += pieceSize)
            Feed(direction, bytes.Slice(i, Math.Min(pieceSize, bytes.Length - i)));
    }

    /// <summary>An event of <paramref name="length"/> bytes that were not captured.</summary>
    public void Hole(Direction direction, long length, long? timestampNs = null, HoleKind kind = HoleKind.Filler)
    {
        DataStream stream = Connection.Stream(direction);
        stream.Add(stream.NextOffset, default, length, kind, Tick(timestampNs));
        Connection.Protocol?.Process(direction);
    }

    public void Close() => Connection.Protocol?.Close();

    public void Dispose() => Connection.Dispose();

    private long Tick(long? timestampNs)
    {
        long ts = timestampNs ?? _clock;
        _clock = Math.Max(_clock, ts) + 1_000;
        return ts;
    }

    private sealed class TestSinks(IRedisCommandSink? sink) : IRecordSinks
    {
        public TSink? Find<TSink>()
            where TSink : class => sink as TSink;
    }
}
