using System.Text;
using Devtools.Core.Connections;
using Devtools.Core.Diagnostics;
using Devtools.Core.Protocols;
using Devtools.Core.Protocols.Redis;
using Devtools.Core.Query.Latency;
using Devtools.Core.Query.Redis;
using Devtools.Core.Storage;
using Devtools.Core.Storage.Schemas;
using Devtools.Core.Storage.Tables;
using Devtools.Core.Tests.Support;

namespace Devtools.Core.Tests.Query;

public sealed class RedisCommandStatsTests
{
    private static readonly Upid Cache = new(0, 100, 5000);
    private static readonly Upid Queue = new(0, 200, 6000);

    [Fact]
    public void GroupsByProcessAndCommandWithErrorReplies()
    {
        var table = RedisRow.NewTable();
        new RedisRow(1_000, Cache, "GET", Latency: 2_000_000).AppendTo(table);
        new RedisRow(2_000, Cache, "GET", Resp: "<NULL>", Latency: 4_000_000).AppendTo(table);
        new RedisRow(3_000, Cache, "GET", Resp: "-WRONGTYPE Operation against a key", Latency: 6_000_000).AppendTo(table);
        new RedisRow(4_000, Cache, "TTL", Resp: "-2", Latency: 1_000_000).AppendTo(table);
        new RedisRow(4_500, Cache, "CLIENT SETNAME", Resp: "OK").AppendTo(table);
        new RedisRow(5_000, Queue, "GET").AppendTo(table);
        table.Seal();

        LatencyAggregation<RedisCommandKey> result = RedisCommandStats.Compute(table, new RedisCommandQuery { FromUnixNs = 0, ToUnixNs = 2_000_000_000 });

        Assert.Equal(6, result.TotalCount);
        Assert.Equal(2.0, result.WindowSeconds);
        LatencyGroup<RedisCommandKey> top = result.Groups[0];
        Assert.Equal(new RedisCommandKey(Cache, "GET"), top.Key);
        Assert.Equal(3, top.Stats.Count);
        Assert.Equal(1, top.Stats.ServerErrors);
        Assert.Equal(1.0 / 3, top.Stats.ErrorRate, 12);
        Assert.Equal(1.5, top.Stats.RatePerSecond);
        Assert.InRange(top.Stats.P50Ns, 3_960_000, 4_040_000);
        Assert.Equal(6_000_000, top.Stats.MaxLatencyNs);
        LatencyGroup<RedisCommandKey> ttl = result.Groups.Single(g => g.Key.Command == "TTL");
        Assert.Equal(0, ttl.Stats.ServerErrors);
        Assert.Contains(result.Groups, g => g.Key == new RedisCommandKey(Cache, "CLIENT SETNAME"));
        Assert.Contains(result.Groups, g => g.Key == new RedisCommandKey(Queue, "GET"));
    }

    [Fact]
    public void FiltersByPidAndTimeWindowAndLeavesOutPushes()
    {
        var table = RedisRow.NewTable(maxBatchRows: 3);
        for (int i = 0; i < 20; i++)
            new RedisRow(i * 1_000_000_000L, i % 2 == 0 ? Cache : Queue, "LPUSH").AppendTo(table);
        new RedisRow(7_000_000_000, Queue, "PUSH PUB", "[]", "[\"message\",\"a\",\"b\"]", 0).AppendTo(table);
        new RedisRow(7_000_000_000, Queue, "SET", Resp: string.Empty, Latency: 0).AppendTo(table);
        table.Seal();

        LatencyAggregation<RedisCommandKey> result = RedisCommandStats.Compute(
            table,
            new RedisCommandQuery { FromUnixNs = 5_000_000_000, ToUnixNs = 15_000_000_000, Pid = 200 });

        LatencyGroup<RedisCommandKey> only = Assert.Single(result.Groups);
        Assert.Equal(new RedisCommandKey(Queue, "LPUSH"), only.Key);
        Assert.Equal(5, only.Stats.Count);
        Assert.Equal(0.5, only.Stats.RatePerSecond);
        Assert.Equal(5_000_000_000, only.Stats.FirstTimeUnixNs);
        Assert.Equal(13_000_000_000, only.Stats.LastTimeUnixNs);
    }

    [Fact]
    public void MatchesABruteForceAggregationOverManyBatches()
    {
        var random = new Random(9);
        var table = RedisRow.NewTable(maxBatchRows: 128);
        string[] commands = ["GET", "SET", "HGETALL", "CLIENT SETNAME", "EVALSHA"];
        var rows = new List<RedisRow>();
        for (int i = 0; i < 3_000; i++)
        {
            var row = new RedisRow(
                Time: random.NextInt64(0, 100_000_000_000),
                Upid: random.Next(3) == 0 ? Queue : Cache,
                Command: commands[random.Next(commands.Length)],
                Resp: random.Next(20) == 0 ? "-ERR boom" : random.Next(5) == 0 ? "-1" : "OK",
                Latency: random.NextInt64(10_000, 900_000_000));
            rows.Add(row);
            row.AppendTo(table);
        }
        table.Seal();
        const long From = 20_000_000_000;
        const long To = 80_000_000_000;

        LatencyAggregation<RedisCommandKey> result = RedisCommandStats.Compute(table, new RedisCommandQuery { FromUnixNs = From, ToUnixNs = To });

        var expected = rows.Where(r => r.Time >= From && r.Time < To).GroupBy(r => new RedisCommandKey(r.Upid, r.Command)).ToDictionary(g => g.Key, g => g.ToList());
        Assert.Equal(expected.Count, result.Groups.Count);
        Assert.Equal(expected.Values.Sum(g => g.Count), result.TotalCount);
        foreach (LatencyGroup<RedisCommandKey> group in result.Groups)
        {
            List<RedisRow> members = expected[group.Key];
            long[] latencies = [.. members.Select(r => r.Latency).Order()];
            Assert.Equal(members.Count, group.Stats.Count);
            Assert.Equal(members.Count(r => r.Resp.StartsWith("-E", StringComparison.Ordinal)), group.Stats.ServerErrors);
            double exactP90 = ExactQuantiles.OfSorted(latencies, 0.9);
            Assert.InRange(group.Stats.P90Ns, (exactP90 * 0.99) - 1, (exactP90 * 1.01) + 1);
        }
    }

    [Fact]
    public void CapsTheNumberOfCommands()
    {
        var table = RedisRow.NewTable();
        for (int i = 0; i < 10; i++)
            new RedisRow(i, Cache, $"CMD{i}").AppendTo(table);
        table.Seal();
        LatencyAggregation<RedisCommandKey> result = RedisCommandStats.Compute(table, new RedisCommandQuery { MaxCommands = 4 });
        Assert.Equal(4, result.Groups.Count);
        Assert.Equal(6, result.OverflowCount);
        Assert.Equal(10, result.TotalCount);
    }

    [Fact]
    public void OnlyRedisEventsIsAccepted()
    {
        var store = new TableStore();
        Assert.Throws<ArgumentException>(() => RedisCommandStats.Compute(store.HttpEvents, new RedisCommandQuery()));
        Assert.Empty(RedisCommandStats.Compute(store.RedisEvents, new RedisCommandQuery()).Groups);
    }

    [Theory]
    [InlineData("-ERR unknown command", true)]
    [InlineData("-WRONGTYPE x", true)]
    [InlineData("-my lua error", true)]
    [InlineData("-2", false)]
    [InlineData("-1.5", false)]
    [InlineData("-inf", false)]
    [InlineData("-", false)]
    [InlineData("OK", false)]
    [InlineData("\"-ERR looks like one\"", false)]
    public void ErrorsAreToldFromNegativeNumbers(string resp, bool error) =>
        Assert.Equal(error, RedisReplyText.IsError(Encoding.UTF8.GetBytes(resp)));

    [Fact]
    public void TheTableSinkWritesRowsTheQueriesRead()
    {
        var store = new TableStore();
        var counters = new CaptureCounters();
        var services = new ProtocolServices(counters, new ProtocolOptions(), new Sinks(new RedisEventsTableSink(store.RedisEvents)));
        var info = new ConnectionInfo(new ConnectionId(42, 7, 1), new Upid(0, 42, 1))
        {
            Role = ConnectionRole.Server,
            LocalAddress = "127.0.0.1",
            LocalPort = 6379,
            RemoteAddress = "127.0.0.2",
            RemotePort = 50000,
        };
        using var connection = new Connection(info, new DataStreamOptions(), counters);
        connection.Attach(new RedisProtocol().Attach(connection, services));
        Feed(connection, Direction.Ingress, "*2\r\n$3\r\nGET\r\n$1\r\nk\r\n*1\r\n$4\r\nNOPE\r\n", 1_000);
        Feed(connection, Direction.Egress, "$1\r\nv\r\n-ERR unknown command 'NOPE'\r\n*3\r\n$7\r\nmessage\r\n$1\r\nc\r\n$1\r\nm\r\n", 51_000);
        store.RedisEvents.Seal();

        List<RedisEvent> rows = RedisEvent.ReadAll(store.RedisEvents);
        Assert.Equal(["GET [\"k\"] v 50000", "NOPE [] -ERR unknown command 'NOPE' 50000", "PUSH PUB [] [\"message\",\"c\",\"m\"] 0"],
            rows.Select(r => $"{r.ReqCmd} {r.ReqArgs} {r.Resp} {r.LatencyNs}"));
        RedisEvent get = rows[0];
        Assert.Equal((42u, "127.0.0.2", 50000L, "127.0.0.1", 6379L, TraceRoles.Server, false), (get.Upid.Pid, get.RemoteAddr, get.RemotePort, get.LocalAddr, get.LocalPort, get.TraceRole, get.Encrypted));
        Assert.True(rows[1].IsError);

        LatencyAggregation<RedisCommandKey> stats = RedisCommandStats.Compute(store.RedisEvents, new RedisCommandQuery());
        Assert.Equal(["GET", "NOPE"], stats.Groups.Select(g => g.Key.Command).Order());
        Assert.Equal(1, stats.Groups.Single(g => g.Key.Command == "NOPE").Stats.ServerErrors);
    }

    private static void Feed(Connection connection, Direction direction, string text, long timestampNs)
    {
        DataStream stream = connection.Stream(direction);
        byte[] bytes = Encoding.ASCII.GetBytes(text);
        stream.Add(stream.NextOffset, bytes, bytes.Length, HoleKind.Filler, timestampNs);
        connection.Protocol!.Process(direction);
    }

    private sealed class Sinks(IRedisCommandSink sink) : IRecordSinks
    {
        public TSink? Find<TSink>()
            where TSink : class => sink as TSink;
    }
}
