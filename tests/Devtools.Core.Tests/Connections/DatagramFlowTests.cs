using Devtools.Core.Capture.SocketTrace;
using Devtools.Core.Connections;
using Devtools.Core.Diagnostics;
using Devtools.Core.Metadata;
using Devtools.Core.Protocols;
using Devtools.Core.Protocols.Dns;
using Devtools.Core.Storage.Schemas;
using Devtools.Core.Storage.Tables;
using Devtools.Core.Tests.Protocols.Dns;
using static Devtools.Core.Tests.Protocols.Dns.DnsMessages;

namespace Devtools.Core.Tests.Connections;

/// <summary>
/// UDP through <see cref="ConnectionTracker.OnDatagram"/>: one flow per (socket, peer), DNS
/// recognised per flow, flows closed with their socket or when idle.
/// </summary>
public sealed class DatagramFlowTests : IDisposable
{
    private const long Second = 1_000_000_000;
    private static readonly ConnectionId ServerSocket = new(100, 3, 1);
    private static readonly SocketPeer ClientA = new(2, "127.0.0.1", 40001);
    private static readonly SocketPeer ClientB = new(2, "127.0.0.1", 40002);

    private readonly CaptureCounters _counters = new();
    private readonly Table<DnsEventsBuilder> _table = new(new DnsEventsBuilder(), new TableOptions { BudgetBytes = long.MaxValue });
    private readonly DnsEventsTableSink _sink;
    private readonly ConnectionTracker _tracker;
    private readonly Dictionary<(ConnectionId, Direction), long> _offsets = [];

    public DatagramFlowTests()
        : this(new ConnectionTrackerOptions())
    {
    }

    private DatagramFlowTests(ConnectionTrackerOptions options)
    {
        _sink = new DnsEventsTableSink(_table, new ProtocolOptions());
        var services = new ProtocolServices(_counters, new ProtocolOptions(), new Sinks(_sink));
        _tracker = new ConnectionTracker(new ProtocolRegistry(BuiltInProtocols.Create()), services, new ProcessRegistry(procRoot: "/nonexistent"), options);
    }

    private ProtocolCounters Dns => _counters.Protocol("dns");

    [Fact]
    public void Each_peer_of_a_server_socket_is_its_own_flow_with_the_server_role()
    {
        Open(ServerSocket, ConnectionRole.Unknown);
        // Both clients use the same transaction id: only flows keep their answers apart.
        Datagram(ServerSocket, ClientA, Direction.Ingress, Ask(7, "a.example.test", A), 1_000);
        Datagram(ServerSocket, ClientB, Direction.Ingress, Ask(7, "a.example.test", A), 2_000);
        Datagram(ServerSocket, ClientB, Direction.Egress, Answer(7, "a.example.test", A, answers: [Rr.A("a.example.test", "10.0.0.2")]), 5_000);
        Datagram(ServerSocket, ClientA, Direction.Egress, Answer(7, "a.example.test", A, answers: [Rr.A("a.example.test", "10.0.0.1")]), 9_000);

        List<DnsRow> rows = Rows();
        Assert.Equal(["40002 A:10.0.0.2 3000", "40001 A:10.0.0.1 8000"], rows.Select(r => $"{r.Event.RemotePort} {r.AnswerTexts.Single()} {r.LatencyNs}"));
        Assert.All(rows, r => Assert.Equal(2, r.Event.TraceRole));
        Assert.Equal(3, _tracker.Count);
        Assert.Equal(2, Dns.Connections);
    }

    [Fact]
    public void Many_datagrams_on_one_flow_all_parse()
    {
        Open(ServerSocket, ConnectionRole.Unknown);
        for (ushort i = 0; i < 20; i++)
        {
            Datagram(ServerSocket, ClientA, Direction.Ingress, Ask(i, $"n{i}.test", A), 1_000 + (i * 100));
            Datagram(ServerSocket, ClientA, Direction.Egress, Answer(i, $"n{i}.test", A), 1_050 + (i * 100));
        }
        Assert.Equal(20, Rows().Count);
    }

    [Fact]
    public void A_connected_client_socket_keeps_its_role()
    {
        var socket = new ConnectionId(200, 4, 1);
        Open(socket, ConnectionRole.Client);
        var server = new SocketPeer(2, "127.0.0.53", 53);
        Datagram(socket, server, Direction.Egress, Ask(1, "x.test", A), 100);
        Datagram(socket, server, Direction.Egress, Ask(2, "x.test", Aaaa), 110);
        Datagram(socket, server, Direction.Ingress, Answer(2, "x.test", Aaaa), 500);
        Datagram(socket, server, Direction.Ingress, Answer(1, "x.test", A), 600);
        List<DnsRow> rows = Rows();
        Assert.Equal(["AAAA", "A"], rows.Select(r => r.Type));
        Assert.All(rows, r => Assert.Equal(1, r.Event.TraceRole));
        Assert.All(rows, r => Assert.Equal(53, r.Event.RemotePort));
    }

    [Fact]
    public void Unanswered_queries_are_counted_when_an_idle_flow_is_closed()
    {
        Open(ServerSocket, ConnectionRole.Unknown);
        Datagram(ServerSocket, ClientA, Direction.Ingress, Ask(1, "never.test", A), 1 * Second);
        _tracker.OnTick(10 * Second);
        Assert.Equal(0, Dns.UnmatchedRequests);
        _tracker.OnTick(40 * Second);
        Assert.Equal(1, Dns.UnmatchedRequests);
        Assert.Equal(1, _tracker.Count);
        Assert.Equal(1, _counters.ConnectionsEvicted);
    }

    [Fact]
    public void Closing_a_socket_closes_its_flows()
    {
        Open(ServerSocket, ConnectionRole.Unknown);
        Datagram(ServerSocket, ClientA, Direction.Ingress, Ask(1, "a.test", A), 100);
        Datagram(ServerSocket, ClientB, Direction.Ingress, Ask(1, "b.test", A), 200);
        var other = new ConnectionId(100, 9, 1);
        Open(other, ConnectionRole.Client);
        Close(other, 300);
        Assert.Equal(0, Dns.UnmatchedRequests);
        Close(ServerSocket, 400);
        Assert.Equal(2, Dns.UnmatchedRequests);
        Assert.Equal(0, _tracker.Count);
    }

    [Fact]
    public void Dig_lookups_against_a_server_socket_lose_nothing()
    {
        // As `dig @127.0.0.1 -p 15353 NAME` ten times against dnsmasq: each dig connects a
        // socket of its own, sends one query, reads the answer and closes; the server's
        // socket (opened before the capture) answers every client and stays open.
        var server = new ConnectionId(300, 4, 1);
        var dnsmasq = new SocketPeer(2, "127.0.0.1", 15353);
        long ts = 1_000;
        for (ushort i = 0; i < 10; i++)
        {
            var dig = new ConnectionId(400u + i, 20, 1);
            var digPeer = new SocketPeer(2, "127.0.0.1", 50000 + i);
            byte[] query = Ask(i, $"n{i}.shop.test", A, edns: true);
            byte[] answer = Answer(i, $"n{i}.shop.test", A, answers: [Rr.A($"n{i}.shop.test", "10.0.0.7")]);
            Open(dig, ConnectionRole.Client);
            Datagram(dig, dnsmasq, Direction.Egress, query, ts += 10);
            Datagram(server, digPeer, Direction.Ingress, query, ts += 10);
            Datagram(server, digPeer, Direction.Egress, answer, ts += 10);
            Datagram(dig, dnsmasq, Direction.Ingress, answer, ts += 10);
            Close(dig, ts += 10);
        }
        _tracker.Flush();

        Assert.Equal(20, Rows().Count);
        Assert.Equal((0, 0), (_counters.LostBytes, _counters.LostGaps));
        Assert.Equal(0, _counters.FillerBytes + _counters.TruncatedBytes);
    }

    [Fact]
    public void Datagrams_whose_events_never_came_are_lost_at_close_or_at_the_end()
    {
        var client = new ConnectionId(200, 4, 1);
        var server = new SocketPeer(2, "127.0.0.53", 53);
        Open(client, ConnectionRole.Client);
        Datagram(client, server, Direction.Egress, Ask(1, "a.test", A), 100);
        LostDatagram(client, Direction.Ingress, 40);
        Close(client, 200);
        Assert.Equal((40, 1), (_counters.LostBytes, _counters.LostGaps));

        // A socket still open at the end: the offsets of later datagrams show the missing one.
        Open(ServerSocket, ConnectionRole.Unknown);
        Datagram(ServerSocket, ClientA, Direction.Ingress, Ask(2, "b.test", A), 300);
        LostDatagram(ServerSocket, Direction.Ingress, 30);
        Datagram(ServerSocket, ClientB, Direction.Ingress, Ask(3, "c.test", A), 400);
        _tracker.Flush();
        Assert.Equal((70, 2), (_counters.LostBytes, _counters.LostGaps));
    }

    [Fact]
    public void A_flow_that_is_not_DNS_is_ignored_and_counted()
    {
        Open(ServerSocket, ConnectionRole.Unknown);
        var random = new Random(1);
        for (int i = 0; i < 40; i++)
        {
            byte[] quic = new byte[1200];
            random.NextBytes(quic);
            Datagram(ServerSocket, ClientA, Direction.Ingress, quic, 100 + i);
        }
        Assert.Equal(1, _counters.UnknownProtocolConnections);
        Assert.Equal(0, Dns.Connections);
        Assert.Equal(40 * 1200, _counters.UnknownProtocolBytes);
    }

    [Fact]
    public void A_datagram_longer_than_the_capture_keeps_the_flow_in_step()
    {
        Open(ServerSocket, ConnectionRole.Unknown);
        Datagram(ServerSocket, ClientA, Direction.Ingress, Ask(1, "big.test", Txt), 100);
        byte[] big = Answer(1, "big.test", Txt, answers: [.. Enumerable.Range(0, 30).Select(i => Rr.Txt("big.test", new string('t', 100)))]);
        Datagram(ServerSocket, ClientA, Direction.Egress, big, 200, captured: 600);
        Datagram(ServerSocket, ClientA, Direction.Ingress, Ask(2, "next.test", A), 300);
        Datagram(ServerSocket, ClientA, Direction.Egress, Answer(2, "next.test", A), 400);
        List<DnsRow> rows = Rows();
        Assert.Equal(["big.test", "next.test"], rows.Select(r => r.Name));
        Assert.True(rows[0].RespHeader.GetProperty("capture_truncated").GetBoolean());
        Assert.Equal(big.Length - 600, _counters.TruncatedBytes);
    }

    [Fact]
    public void At_the_flow_cap_only_the_least_recently_active_flows_go()
    {
        using var test = new DatagramFlowTests(new ConnectionTrackerOptions { MaxConnections = 32 });
        test.Open(ServerSocket, ConnectionRole.Unknown);
        for (int i = 0; i < 32; i++)
            test.Datagram(ServerSocket, new SocketPeer(2, "10.0.0.1", 1000 + i), Direction.Ingress, Ask(1, "a.test", A), 100 + i);
        Assert.Equal(33, test._tracker.Count);
        test.Datagram(ServerSocket, new SocketPeer(2, "10.0.0.1", 5000), Direction.Ingress, Ask(1, "a.test", A), 1000);
        // 32 / 16 = 2 evicted, the newest flow added.
        Assert.Equal(32, test._tracker.Count);
        Assert.Equal(2, test._counters.ConnectionsEvicted);
    }

    public void Dispose()
    {
        _tracker.Dispose();
        _sink.Dispose();
    }

    private void Open(ConnectionId id, ConnectionRole role) =>
        _tracker.OnOpen(new SocketOpen(id, 1, role, 2, "127.0.0.1", 53, role == ConnectionRole.Client ? "127.0.0.53" : "0.0.0.0", role == ConnectionRole.Client ? 53 : 0, Transport: 17));

    /// <summary>
    /// One datagram event as the kernel emits it: its stream offset counts every datagram
    /// of the socket in that direction, whatever the peer.
    /// </summary>
    private void Datagram(ConnectionId socket, SocketPeer peer, Direction direction, byte[] bytes, long ts, int? captured = null)
    {
        int kept = captured ?? bytes.Length;
        var data = new SocketData(socket, ts, direction, Reserve(socket, direction, bytes.Length), bytes.Length, direction == Direction.Egress ? TracedSyscall.Sendmsg : TracedSyscall.Recvmsg, false, kept < bytes.Length);
        _tracker.OnDatagram(data, peer, bytes.AsSpan(0, kept));
    }

    /// <summary>A datagram the socket moved whose event never arrived (ring buffer full).</summary>
    private void LostDatagram(ConnectionId socket, Direction direction, int length) => Reserve(socket, direction, length);

    /// <summary>The close event: the kernel's byte counts of the socket.</summary>
    private void Close(ConnectionId socket, long ts) =>
        _tracker.OnClose(new SocketClose(socket, ts, _offsets.GetValueOrDefault((socket, Direction.Egress)), _offsets.GetValueOrDefault((socket, Direction.Ingress))));

    private long Reserve(ConnectionId socket, Direction direction, long length)
    {
        long offset = _offsets.GetValueOrDefault((socket, direction));
        _offsets[(socket, direction)] = offset + length;
        return offset;
    }

    private List<DnsRow> Rows()
    {
        _table.Seal();
        return [.. Devtools.Core.Query.Dns.DnsEvent.ReadAll(_table).Select(e => new DnsRow(e))];
    }

    private sealed class Sinks(IDnsTransactionSink sink) : IRecordSinks
    {
        public TSink? Find<TSink>()
            where TSink : class => sink as TSink;
    }
}
