using Devtools.Core.Query.Dns;
using Devtools.Core.Query.Latency;
using Devtools.Core.Storage;
using Devtools.Core.Storage.Schemas;
using Devtools.Core.Storage.Tables;

namespace Devtools.Core.Tests.Query;

public sealed class DnsQueryStatsTests
{
    private static readonly Upid Resolver = new(0, 100, 5000);
    private static readonly Upid Api = new(0, 200, 6000);

    [Fact]
    public void Groups_by_process_name_and_type_and_counts_every_error_rcode()
    {
        Table<DnsEventsBuilder> table = NewTable();
        Append(table, 1_000, Resolver, "api.example.test", "A", 0, 2_000_000);
        Append(table, 2_000, Resolver, "API.Example.TEST", "A", 0, 4_000_000);
        Append(table, 3_000, Resolver, "api.example.test", "A", 2, 6_000_000);
        Append(table, 4_000, Resolver, "api.example.test", "AAAA", 0, 1_000_000);
        Append(table, 5_000, Resolver, "missing.example.test", "A", 3, 1_000_000);
        Append(table, 6_000, Api, "api.example.test", "A", 0, 1_000_000);
        table.Seal();

        LatencyAggregation<DnsQueryKey> result = DnsQueryStats.Compute(table, new DnsStatsQuery { FromUnixNs = 0, ToUnixNs = 2_000_000_000 });

        Assert.Equal(6, result.TotalCount);
        Assert.Equal(2.0, result.WindowSeconds);
        LatencyGroup<DnsQueryKey> top = result.Groups[0];
        Assert.Equal(new DnsQueryKey(Resolver, "api.example.test", "A"), top.Key);
        Assert.Equal(3, top.Stats.Count);
        Assert.Equal(1, top.Stats.ServerErrors);
        Assert.Equal(1.0 / 3, top.Stats.ErrorRate, 12);
        Assert.Equal(6_000_000, top.Stats.MaxLatencyNs);
        LatencyGroup<DnsQueryKey> missing = result.Groups.Single(g => g.Key.Name == "missing.example.test");
        Assert.Equal(1.0, missing.Stats.ErrorRate);
        Assert.Equal(4, result.Groups.Count);
    }

    [Fact]
    public void Filters_by_pid_and_time_window()
    {
        Table<DnsEventsBuilder> table = NewTable(maxBatchRows: 3);
        for (int i = 0; i < 20; i++)
            Append(table, i * 1_000_000_000L, i % 2 == 0 ? Resolver : Api, $"n{i % 4}.test", "A", 0, 1_000 + i);
        table.Seal();

        LatencyAggregation<DnsQueryKey> result = DnsQueryStats.Compute(table, new DnsStatsQuery { Pid = 100, FromUnixNs = 4_000_000_000, ToUnixNs = 12_000_000_000 });

        Assert.Equal(4, result.TotalCount);
        Assert.All(result.Groups, g => Assert.Equal(100u, g.Key.Upid.Pid));
        Assert.Equal(8.0, result.WindowSeconds);
    }

    [Fact]
    public void Escaped_names_and_rows_without_queries_are_grouped_not_dropped()
    {
        Table<DnsEventsBuilder> table = NewTable();
        Append(table, 1, Resolver, "a\\\\032b.test", "TXT", 0, 10);
        Append(table, 2, Resolver, null, null, 5, 10);
        table.Seal();
        LatencyAggregation<DnsQueryKey> result = DnsQueryStats.Compute(table, new DnsStatsQuery());
        Assert.Equal(["a\\032b.test TXT", " "], result.Groups.Select(g => $"{g.Key.Name} {g.Key.Type}"));
        Assert.Throws<ArgumentException>(() => DnsQueryStats.Compute(new TableStore().HttpEvents, new DnsStatsQuery()));
    }

    private static Table<DnsEventsBuilder> NewTable(int maxBatchRows = 4096) =>
        new(new DnsEventsBuilder(), new TableOptions { BudgetBytes = long.MaxValue, MaxBatchRows = maxBatchRows });

    private static void Append(Table<DnsEventsBuilder> table, long time, Upid upid, string? name, string? type, int rcode, long latency)
    {
        DnsEventsBuilder b = table.Builder;
        b.Time.Append(time);
        b.Upid.Append(upid);
        b.RemoteAddr.Append("127.0.0.53");
        b.RemotePort.Append(53);
        b.LocalAddr.Append("127.0.0.1");
        b.LocalPort.Append(40000);
        b.TraceRole.Append(TraceRoles.Client);
        b.Encrypted.Append(false);
        b.ReqHeader.Append("""{"txid":1,"qr":0}""");
        b.ReqBody.Append(name is null ? """{"queries":[]}""" : $$"""{"queries":[{"name":"{{name}}","type":"{{type}}"}]}""");
        b.RespHeader.Append($$"""{"txid":1,"qr":1,"rcode":{{rcode}}}""");
        b.RespBody.Append("""{"answers":[]}""");
        b.Latency.Append(latency);
        table.CommitRow();
    }
}
