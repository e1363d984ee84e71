using System.Text.Json;
using Devtools.Core.Connections;
using Devtools.Core.Diagnostics;
using Devtools.Core.Protocols;
using Devtools.Core.Protocols.Dns;
using Devtools.Core.Query.Dns;
using Devtools.Core.Storage;
using Devtools.Core.Storage.Schemas;
using Devtools.Core.Storage.Tables;

namespace Devtools.Core.Tests.Protocols.Dns;

/// <summary>
/// One DNS flow (UDP) or connection (TCP) driven through the real machinery: a
/// <see cref="Connection"/> with its <see cref="DataStream"/>s, the shared driver from
/// <see cref="DnsProtocol.Attach"/>, and the real table sink writing dns_events.
/// </summary>
public sealed class DnsHarness : IDisposable
{
    private long _clock = 1_000;

    public DnsHarness(bool tcp = false, ConnectionRole role = ConnectionRole.Server, ProtocolOptions? options = null, DataStreamOptions? streamOptions = null, bool withSink = true)
    {
        Options = options ?? new ProtocolOptions();
        StreamOptions = streamOptions ?? new DataStreamOptions();
        Table = new Table<DnsEventsBuilder>(new DnsEventsBuilder(), new TableOptions { BudgetBytes = long.MaxValue });
        Sink = new DnsEventsTableSink(Table, Options);
        var services = new ProtocolServices(Counters, Options, new TestSinks(withSink ? Sink : null));
        var info = new ConnectionInfo(new ConnectionId(42, 7, 1), new Upid(0, 42, 1))
        {
            Role = role,
            Transport = tcp ? 6 : 17,
            LocalAddress = "127.0.0.1",
            LocalPort = 53,
            RemoteAddress = "127.0.0.1",
            RemotePort = 40000,
        };
        Connection = new Connection(info, StreamOptions, Counters, datagrams: !tcp);
        Connection.Attach(new DnsProtocol(tcp ? ProtocolTransports.Tcp : ProtocolTransports.Udp).Attach(Connection, services));
        RequestDirection = role.RequestDirection();
        ResponseDirection = RequestDirection.Opposite();
    }

    public CaptureCounters Counters { get; } = new();

    public ProtocolCounters Dns => Counters.Protocol("dns");

    public ProtocolOptions Options { get; }

    public DataStreamOptions StreamOptions { get; }

    public Table<DnsEventsBuilder> Table { get; }

    public DnsEventsTableSink Sink { get; }

    public Connection Connection { get; }

    public Direction RequestDirection { get; }

    public Direction ResponseDirection { get; }

    public long Now => _clock;

    public long Specific(string counter) => Dns.Specific(counter).Value;

    /// <summary>A query: one datagram (UDP) or one write (TCP, give the framed bytes).</summary>
    public void Query(ReadOnlySpan<byte> bytes, long? timestampNs = null) => Feed(RequestDirection, bytes, timestampNs);

    public void Response(ReadOnlySpan<byte> bytes, long? timestampNs = null) => Feed(ResponseDirection, bytes, timestampNs);

    /// <summary>One capture event (one datagram on UDP).</summary>
    public void Feed(Direction direction, ReadOnlySpan<byte> bytes, long? timestampNs = null)
    {
        DataStream stream = Connection.Stream(direction);
        stream.Add(stream.NextOffset, bytes, bytes.Length, HoleKind.Filler, Tick(timestampNs));
        Connection.Protocol?.Process(direction);
    }

    /// <summary>A datagram of which only <paramref name="captured"/> bytes were captured, as the tracker places it.</summary>
    public void FeedTruncatedDatagram(Direction direction, ReadOnlySpan<byte> datagram, int captured)
    {
        DataStream stream = Connection.Stream(direction);
        long ts = Tick(null);
        long offset = stream.NextOffset;
        stream.Add(offset, datagram[..captured], captured, HoleKind.Filler, ts);
        stream.Add(offset + captured, default, datagram.Length - captured, HoleKind.Truncated, ts);
        Connection.Protocol?.Process(direction);
    }

    public void FeedInPieces(Direction direction, ReadOnlySpan<byte> bytes, int pieceSize)
    {
        for (int i = 0; i < bytes.Length; i += pieceSize)
            Feed(direction, bytes.Slice(i, Math.Min(pieceSize, bytes.Length - i)));
    }

    public void Hole(Direction direction, long length, HoleKind kind = HoleKind.Lost)
    {
        DataStream stream = Connection.Stream(direction);
        stream.Add(stream.NextOffset, default, length, kind, Tick(null));
        Connection.Protocol?.Process(direction);
    }

    public void Close() => Connection.Protocol?.Close();

    /// <summary>The dns_events rows written so far.</summary>
    public List<DnsRow> Rows()
    {
        Table.Seal();
        return [.. DnsEvent.ReadAll(Table).Select(e => new DnsRow(e))];
    }

    public void Dispose()
    {
        Connection.Dispose();
        Sink.Dispose();
    }

    private long Tick(long? timestampNs)
    {
        long ts = timestampNs ?? _clock;
        _clock = Math.Max(_clock, ts) + 1_000;
        return ts;
    }

    private sealed class TestSinks(IDnsTransactionSink? sink) : IRecordSinks
    {
        public TSink? Find<TSink>()
            where TSink : class => sink as TSink;
    }
}

/// <summary>A dns_events row with its JSON parsed, and a one-line description to compare runs by.</summary>
public sealed class DnsRow(DnsEvent row)
{
    public DnsEvent Event { get; } = row;

    public JsonElement ReqHeader { get; } = Parse(row.ReqHeader);

    public JsonElement ReqBody { get; } = Parse(row.ReqBody);

    public JsonElement RespHeader { get; } = Parse(row.RespHeader);

    public JsonElement RespBody { get; } = Parse(row.RespBody);

    public int TxId => ReqHeader.GetProperty("txid").GetInt32();

    public string Name => ReqBody.GetProperty("queries")[0].GetProperty("name").GetString()!;

    public string Type => ReqBody.GetProperty("queries")[0].GetProperty("type").GetString()!;

    public int Rcode => RespHeader.GetProperty("rcode").GetInt32();

    public string RcodeName => RespHeader.GetProperty("rcode_name").GetString()!;

    public long LatencyNs => Event.LatencyNs;

    public JsonElement[] Answers => [.. RespBody.GetProperty("answers").EnumerateArray()];

    /// <summary>"A:1.2.3.4" per answer, data fields in order.</summary>
    public string[] AnswerTexts => [.. Answers.Select(DescribeRecord)];

    public string Describe() =>
        $"{TxId} {Name} {Type} -> {RcodeName} [{string.Join(", ", AnswerTexts)}] {Event.RespHeader} {Event.RespBody}";

    public static string DescribeRecord(JsonElement record) =>
        record.GetProperty("type").GetString() + ":" + string.Join(
            " ",
            record.EnumerateObject().Where(p => p.Name is not ("name" or "type" or "ttl")).Select(p => p.Value.ToString()));

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
