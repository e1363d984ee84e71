using Devtools.Core.Connections;
using Devtools.Core.Diagnostics;
using Devtools.Core.Protocols;
using Devtools.Core.Protocols.Http;
using Devtools.Core.Protocols.Http1;
using Devtools.Core.Protocols.Http2;
using Devtools.Core.Storage;
using Devtools.Core.Tests.Protocols.Http1;

namespace Devtools.Core.Tests.Protocols.Http2;

/// <summary>
/// One connection driven through the real machinery: a <see cref="Connection"/> and its
/// <see cref="DataStream"/>s, the shared driver from <see cref="Http2Protocol.Attach"/>
/// (or HTTP/1 handing over to it on "Upgrade: h2c"), and a collecting sink.
/// </summary>
public sealed class Http2Harness : IDisposable
{
    private long _clock = 1_000;

    public Http2Harness(
        ConnectionRole role = ConnectionRole.Server,
        ProtocolOptions? options = null,
        DataStreamOptions? streamOptions = null,
        bool startAsHttp1 = false)
    {
        Options = options ?? new ProtocolOptions();
        var services = new ProtocolServices(Counters, Options, new TestSinks(Sink));
        var info = new ConnectionInfo(new ConnectionId(42, 7, 1), new Upid(0, 42, 1)) { Role = role };
        Connection = new Connection(info, streamOptions ?? new DataStreamOptions(), Counters);
        var http2 = new Http2Protocol();
        Connection.Attach(startAsHttp1 ? new Http1Protocol(http2).Attach(Connection, services) : http2.Attach(Connection, services));
        RequestDirection = role.RequestDirection();
        ResponseDirection = RequestDirection.Opposite();
    }

    public CaptureCounters Counters { get; } = new();

    public ProtocolCounters Http2 => Counters.Protocol("http2");

    public ProtocolOptions Options { get; }

    public CollectingHttpSink Sink { get; } = new();

    public List<HttpRecord> Records => Sink.Records;

    public Connection Connection { get; }

    public Direction RequestDirection { get; }

    public Direction ResponseDirection { get; }

    public long Now => _clock;

    public long Specific(string counter) => Http2.Specific(counter).Value;

    public void Request(ReadOnlySpan<byte> bytes, long? timestampNs = null) => Feed(RequestDirection, bytes, timestampNs);

    public void Response(ReadOnlySpan<byte> bytes, long? timestampNs = null) => Feed(ResponseDirection, bytes, timestampNs);

    public void Feed(Direction direction, ReadOnlySpan<byte> bytes, long? timestampNs = null)
    {
        DataStream stream = Connection.Stream(direction);
        stream.Add(stream.NextOffset, bytes, bytes.Length, HoleKind.Filler, Tick(timestampNs));
        Connection.Protocol?.Process(direction);
    }

    public void FeedInPieces(Direction direction, ReadOnlySpan<byte> bytes, int pieceSize)
    {
        for (int i = 0; i < bytes.Length; i += pieceSize)
            Feed(direction, bytes.Slice(i, Math.Min(pieceSize, bytes.Length - i)));
    }

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

    private sealed class TestSinks(IHttpTransactionSink sink) : IRecordSinks
    {
        public TSink? Find<TSink>()
            where TSink : class => sink as TSink;
    }
}
