using System.Text;
using Devtools.Core.Connections;
using Devtools.Core.Diagnostics;
using Devtools.Core.Protocols;
using Devtools.Core.Protocols.Mysql;
using Devtools.Core.Storage;

namespace Devtools.Core.Tests.Protocols.Mysql;

/// <summary>
/// One MySQL connection driven through the real machinery: a <see cref="Connection"/> and its
/// <see cref="DataStream"/>s, the shared <see cref="ProtocolDriver{TFrame}"/> from
/// <see cref="MysqlProtocol.Attach"/>, and a collecting sink.
/// </summary>
public sealed class MysqlHarness : IDisposable
{
    private long _clock = 1_000;

    public MysqlHarness(ConnectionRole role = ConnectionRole.Server, DataStreamOptions? streamOptions = null, bool withSink = true, ProtocolOptions? options = null)
    {
        StreamOptions = streamOptions ?? new DataStreamOptions();
        var services = new ProtocolServices(Counters, options ?? new ProtocolOptions(), new TestSinks(withSink ? Sink : null));
        var info = new ConnectionInfo(new ConnectionId(42, 7, 1), new Upid(0, 42, 1)) { Role = role };
        Connection = new Connection(info, StreamOptions, Counters);
        Connection.Attach(new MysqlProtocol().Attach(Connection, services));
        RequestDirection = role.RequestDirection();
        ResponseDirection = RequestDirection.Opposite();
    }

    public CaptureCounters Counters { get; } = new();

    public ProtocolCounters Mysql => Counters.Protocol("mysql");

    public DataStreamOptions StreamOptions { get; }

    public CollectingMysqlSink Sink { get; } = new();

    public List<MysqlRow> Records => Sink.Records;

    public Connection Connection { get; }

    public Direction RequestDirection { get; }

    public Direction ResponseDirection { get; }

    public long Specific(string counter) => Mysql.Specific(counter).Value;

    public void Request(ReadOnlySpan<byte> bytes, long? timestampNs = null) => Feed(RequestDirection, bytes, timestampNs);

    public void Response(ReadOnlySpan<byte> bytes, long? timestampNs = null) => Feed(ResponseDirection, bytes, timestampNs);

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

    /// <summary>Feeds <paramref name="bytes"/> as two events split at <paramref name="split"/>.</summary>
    public void FeedSplit(Direction direction, ReadOnlySpan<byte> bytes, int split)
    {
        if (split <= 0 || split >= bytes.Length)
        {
            Feed(direction, bytes);
            return;
        }
        Feed(direction, bytes[..split]);
        Feed(direction, bytes[split..]);
    }

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

    private sealed class TestSinks(IMysqlRecordSink? sink) : IRecordSinks
    {
        public TSink? Find<TSink>()
            where TSink : class => sink as TSink;
    }
}

/// <summary>A MySQL record copied out of its pooled buffers.</summary>
public sealed record MysqlRow(ConnectionInfo Connection, long RequestStartNs, long ResponseEndNs, long LatencyNs, MysqlCommand Command, string Body, MysqlResponseStatus Status, string Response)
{
    public string Describe() => $"{MysqlCommands.Name((long)Command)} [{Body}] -> {Status} [{Response}]";
}

public sealed class CollectingMysqlSink : IMysqlRecordSink
{
    public List<MysqlRow> Records { get; } = [];

    public void Write(in MysqlRecord record) => Records.Add(new MysqlRow(
        record.Connection,
        record.RequestStartNs,
        record.ResponseEndNs,
        record.LatencyNs,
        record.Command,
        Encoding.UTF8.GetString(record.RequestBody),
        record.Status,
        Encoding.UTF8.GetString(record.ResponseBody)));
}
