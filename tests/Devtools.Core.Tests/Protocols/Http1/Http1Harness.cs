using System.Text;
using Devtools.Core.Connections;
using Devtools.Core.Diagnostics;
using Devtools.Core.Protocols;
using Devtools.Core.Protocols.Http;
using Devtools.Core.Protocols.Http1;
using Devtools.Core.Storage;

namespace Devtools.Core.Tests.Protocols.Http1;

/// <summary>
/// One HTTP/1 connection driven through the real machinery: a <see cref="Connection"/>
/// and its <see cref="DataStream"/>s, the shared <see cref="ProtocolDriver{TFrame}"/>
/// from <see cref="Http1Protocol.Attach"/>, and a collecting sink.
/// </summary>
public sealed class Http1Harness : IDisposable
{
    private long _clock = 1_000;

    public Http1Harness(
        ConnectionRole role = ConnectionRole.Server,
        ProtocolOptions? options = null,
        DataStreamOptions? streamOptions = null,
        bool withSink = true,
        IProtocolSwitchHandler? switchHandler = null)
    {
        Options = options ?? new ProtocolOptions();
        StreamOptions = streamOptions ?? new DataStreamOptions();
        Sink = new CollectingHttpSink();
        var services = new ProtocolServices(Counters, Options, new TestSinks(withSink ? Sink : null));
        var info = new ConnectionInfo(new ConnectionId(42, 7, 1), new Upid(0, 42, 1)) { Role = role };
        Connection = new Connection(info, StreamOptions, Counters);
        Connection.Attach(new Http1Protocol(switchHandler).Attach(Connection, services));
        RequestDirection = role.RequestDirection();
        ResponseDirection = RequestDirection.Opposite();
    }

    public CaptureCounters Counters { get; } = new();

    public ProtocolCounters Http => Counters.Protocol("http");

    public ProtocolOptions Options { get; }

    public DataStreamOptions StreamOptions { get; }

    public CollectingHttpSink Sink { get; }

    public List<HttpRecord> Records => Sink.Records;

    public Connection Connection { get; }

    public Direction RequestDirection { get; }

    public Direction ResponseDirection { get; }

    /// <summary>The timestamp the next event gets unless one is given (advances by 1000 per event).</summary>
    public long Now => _clock;

    public long Specific(string counter) => Http.Specific(counter).Value;

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

    /// <summary>An event of <paramref name="length"/> bytes that were not captured (sendfile, or lost).</summary>
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

    private sealed class TestSinks(IHttpTransactionSink? sink) : IRecordSinks
    {
        public TSink? Find<TSink>()
            where TSink : class => sink as TSink;
    }
}
