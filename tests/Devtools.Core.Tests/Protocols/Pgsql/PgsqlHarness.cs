using System.Text;
using Devtools.Core.Connections;
using Devtools.Core.Diagnostics;
using Devtools.Core.Protocols;
using Devtools.Core.Protocols.Pgsql;
using Devtools.Core.Storage;

namespace Devtools.Core.Tests.Protocols.Pgsql;

/// <summary>One stitched record as plain values.</summary>
public sealed record PgsqlRow(string Command, string Request, string Response, long RequestStartNs, long ResponseEndNs)
{
    public long LatencyNs => ResponseEndNs - RequestStartNs;

    public string Describe() => $"{Command} [{Request}] -> [{Response}]";
}

/// <summary>Collects records as plain values.</summary>
public sealed class CollectingPgsqlSink : IPgsqlRecordSink
{
    public List<PgsqlRow> Rows { get; } = [];

    public void Write(in PgsqlRecord record) => Rows.Add(new PgsqlRow(
        Encoding.UTF8.GetString(record.Command),
        Encoding.UTF8.GetString(record.Request),
        Encoding.UTF8.GetString(record.Response),
        record.RequestStartNs,
        record.ResponseEndNs));
}

/// <summary>
/// One PostgreSQL connection driven through the real machinery: a <see cref="Connection"/>,
/// its <see cref="DataStream"/>s, the shared <see cref="ProtocolDriver{TFrame}"/> from
/// <see cref="PgsqlProtocol.Attach"/>, and a collecting sink.
/// </summary>
public sealed class PgsqlHarness : IDisposable
{
    private long _clock = 1_000;

    public PgsqlHarness(ConnectionRole role = ConnectionRole.Server, ProtocolOptions? options = null, DataStreamOptions? streamOptions = null, bool withSink = true)
    {
        Options = options ?? new ProtocolOptions();
        StreamOptions = streamOptions ?? new DataStreamOptions();
        var services = new ProtocolServices(Counters, Options, new TestSinks(withSink ? Sink : null));
        var info = new ConnectionInfo(new ConnectionId(42, 7, 1), new Upid(0, 42, 1)) { Role = role };
        Connection = new Connection(info, StreamOptions, Counters);
        Connection.Attach(new PgsqlProtocol().Attach(Connection, services));
        RequestDirection = role.RequestDirection();
        ResponseDirection = RequestDirection.Opposite();
    }

    public CaptureCounters Counters { get; } = new();

    public ProtocolCounters Pgsql => Counters.Protocol("pgsql");

    public ProtocolOptions Options { get; }

    public DataStreamOptions StreamOptions { get; }

    public CollectingPgsqlSink Sink { get; } = new();

    public List<PgsqlRow> Rows => Sink.Rows;

    public Connection Connection { get; }

    public Direction RequestDirection { get; }

    public Direction ResponseDirection { get; }

    public long Specific(string counter) => Pgsql.Specific(counter).Value;

    public void Request(params byte[][] messages) => Feed(RequestDirection, PgWire.Concat(messages));

    public void Response(params byte[][] messages) => Feed(ResponseDirection, PgWire.Concat(messages));

    public void RequestAt(long timestampNs, params byte[][] messages) => Feed(RequestDirection, PgWire.Concat(messages), timestampNs);

    public void ResponseAt(long timestampNs, params byte[][] messages) => Feed(ResponseDirection, PgWire.Concat(messages), timestampNs);

    /// <summary>One capture event carrying <paramref name="bytes"/> in <paramref name="direction"/>.</summary>
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

    /// <summary>An event of <paramref name="length"/> bytes that were not captured.</summary>
    public void Hole(Direction direction, long length, HoleKind kind = HoleKind.Lost)
    {
        DataStream stream = Connection.Stream(direction);
        stream.Add(stream.NextOffset, default, length, kind, Tick(null));
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

    private sealed class TestSinks(IPgsqlRecordSink? sink) : IRecordSinks
    {
        public TSink? Find<TSink>()
            where TSink : class => sink as TSink;
    }
}
