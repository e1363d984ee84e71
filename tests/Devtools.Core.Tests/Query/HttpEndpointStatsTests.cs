using Devtools.Core.Query.Http;
using Devtools.Core.Query.Latency;
using Devtools.Core.Query.Paths;
using Devtools.Core.Storage;
using Devtools.Core.Storage.Schemas;
using Devtools.Core.Storage.Tables;
using Devtools.Core.Tests.Support;

namespace Devtools.Core.Tests.Query;

public sealed class HttpEndpointStatsTests
{
    private static readonly Upid Shop = new(0, 100, 5000);
    private static readonly Upid Api = new(0, 200, 6000);

    [Fact]
    public void GroupsByProcessMethodAndPathTemplate()
    {
        var table = HttpRows.NewTable();
        new HttpRow(1_000, Shop, "GET", "/orders/1", 200, 2_000_000).AppendTo(table);
        new HttpRow(2_000, Shop, "GET", "/orders/2?x=1", 500, 4_000_000).AppendTo(table);
        new HttpRow(3_000, Shop, "GET", "/orders/3", 404, 6_000_000).AppendTo(table);
        new HttpRow(4_000, Shop, "POST", "/orders", 201, 8_000_000).AppendTo(table);
        new HttpRow(5_000, Api, "GET", "/orders/9", 200, 1_000_000).AppendTo(table);
        table.Seal();

        HttpEndpointReport report = HttpEndpointStats.Compute(table, new HttpEndpointQuery { FromUnixNs = 0, ToUnixNs = 2_000_000_000 });

        Assert.Equal(5, report.TotalRequests);
        Assert.Equal(2.0, report.WindowSeconds);
        HttpEndpointStat top = report.Endpoints[0];
        Assert.Equal((Shop, 100u, "GET", "/orders/{id}", 3L), (top.Upid, top.Pid, top.Method, top.PathTemplate, top.Count));
        Assert.Equal(1.5, top.RequestsPerSecond);
        Assert.Equal(1.0 / 3, top.ErrorRate, 12);
        Assert.Equal(1.0 / 3, top.ClientErrorRate, 12);
        Assert.Equal(1, top.ServerErrors);
        Assert.Equal(1, top.ClientErrors);
        Assert.Equal(4.0, top.P50Ms, 0.04);
        Assert.Equal(6.0, top.P99Ms, 0.06);
        Assert.Equal(6.0, top.MaxMs);
        Assert.Equal(1_000, top.FirstSeenUnixNs);
        Assert.Equal(3_000, top.LastSeenUnixNs);
        Assert.Equal(
            ["GET /orders/{id} 100", "POST /orders 100", "GET /orders/{id} 200"],
            report.Endpoints.Select(e => $"{e.Method} {e.PathTemplate} {e.Pid}"));
    }

    [Fact]
    public void FiltersByPidAndTimeWindow()
    {
        var table = HttpRows.NewTable(maxBatchRows: 3);
        for (int i = 0; i < 20; i++)
        {
            new HttpRow(i * 1_000_000_000L, i % 2 == 0 ? Shop : Api, Path: $"/items/{i}").AppendTo(table);
        }

        table.Seal();

        HttpEndpointReport report = HttpEndpointStats.Compute(
            table,
            new HttpEndpointQuery { FromUnixNs = 5_000_000_000, ToUnixNs = 15_000_000_000, Pid = 200 });

        HttpEndpointStat only = Assert.Single(report.Endpoints);
        Assert.Equal(Api, only.Upid);
        Assert.Equal(5, only.Count);
        Assert.Equal(0.5, only.RequestsPerSecond);
        Assert.Equal(5_000_000_000, only.FirstSeenUnixNs);
        Assert.Equal(13_000_000_000, only.LastSeenUnixNs);
    }

    [Fact]
    public void MatchesABruteForceAggregationOverManyBatches()
    {
        var random = new Random(9);
        var table = HttpRows.NewTable(maxBatchRows: 128);
        string[] paths = ["/orders/{0}", "/users/{0}/cart", "/health", "/blob/deadbeef{0:x4}"];
        string[] methods = ["GET", "POST"];
        var rows = new List<HttpRow>();
        for (int i = 0; i < 3_000; i++)
        {
            var row = new HttpRow(
                Time: random.NextInt64(0, 100_000_000_000),
                Upid: random.Next(3) == 0 ? Api : Shop,
                Method: methods[random.Next(methods.Length)],
                Path: string.Format(System.Globalization.CultureInfo.InvariantCulture, paths[random.Next(paths.Length)], random.Next(1, 5000)),
                Status: random.Next(20) switch { 0 => 503, 1 => 400, _ => 200 },
                Latency: random.NextInt64(100_000, 900_000_000));
            rows.Add(row);
            row.AppendTo(table);
        }

        table.Seal();
        const long From = 20_000_000_000;
        const long To = 80_000_000_000;

        HttpEndpointReport report = HttpEndpointStats.Compute(table, new HttpEndpointQuery { FromUnixNs = From, ToUnixNs = To });

        var expected = rows
            .Where(r => r.Time >= From && r.Time < To)
            .GroupBy(r => (r.Upid, r.Method, Path: PathTemplate.Normalize(r.Path)))
            .ToDictionary(g => g.Key, g => g.ToList());
        Assert.Equal(expected.Count, report.Endpoints.Count);
        Assert.Equal(expected.Values.Sum(g => g.Count), report.TotalRequests);
        Assert.True(report.Endpoints.Zip(report.Endpoints.Skip(1)).All(pair => pair.First.Count >= pair.Second.Count));
        foreach (HttpEndpointStat endpoint in report.Endpoints)
        {
            List<HttpRow> group = expected[(endpoint.Upid, endpoint.Method, endpoint.PathTemplate)];
            long[] latencies = group.Select(r => r.Latency).Order().ToArray();
            Assert.Equal(group.Count, endpoint.Count);
            Assert.Equal(group.Count(r => r.Status >= 500), endpoint.ServerErrors);
            Assert.Equal(group.Count(r => r.Status is >= 400 and < 500), endpoint.ClientErrors);
            Assert.Equal(group.Count / 60.0, endpoint.RequestsPerSecond, 9);
            double exactP90Ms = ExactQuantiles.OfSorted(latencies, 0.9) / 1e6;
            Assert.InRange(endpoint.P90Ms, exactP90Ms * 0.99 - 1e-6, exactP90Ms * 1.01 + 1e-6);
        }
    }

    [Fact]
    public void CapsTheNumberOfEndpoints()
    {
        var table = HttpRows.NewTable();
        for (int i = 0; i < 10; i++)
        {
            new HttpRow(i, Shop, Path: $"/route{i}").AppendTo(table);
        }

        table.Seal();

        HttpEndpointReport report = HttpEndpointStats.Compute(table, new HttpEndpointQuery { MaxEndpoints = 4 });

        Assert.Equal(4, report.Endpoints.Count);
        Assert.Equal(6, report.OverflowRequests);
        Assert.Equal(6, report.Other?.Count);
        Assert.Equal(10, report.TotalRequests);
    }

    [Fact]
    public void AnOpenWindowUsesTheSpanOfTheDataAtLeastOneSecond()
    {
        var table = HttpRows.NewTable();
        new HttpRow(0, Shop).AppendTo(table);
        new HttpRow(4_000_000_000, Shop).AppendTo(table);
        table.Seal();

        Assert.Equal(4.0, HttpEndpointStats.Compute(table, new HttpEndpointQuery()).WindowSeconds);

        var tiny = HttpRows.NewTable();
        new HttpRow(0, Shop).AppendTo(tiny);
        tiny.Seal();
        Assert.Equal(1.0, HttpEndpointStats.Compute(tiny, new HttpEndpointQuery()).Endpoints[0].RequestsPerSecond);
    }

    [Fact]
    public void LastBuildsATrailingWindow()
    {
        HttpEndpointQuery query = HttpEndpointQuery.Last(TimeSpan.FromSeconds(10), nowUnixNs: 50_000_000_000);

        Assert.Equal(40_000_000_000, query.FromUnixNs);
        Assert.Equal(50_000_000_000, query.ToUnixNs);
    }

    [Fact]
    public void OnlyHttpEventsIsAccepted()
    {
        var store = new TableStore();

        Assert.Throws<ArgumentException>(() => HttpEndpointStats.Compute(store[TableNames.RedisEvents], new HttpEndpointQuery()));
        Assert.Empty(HttpEndpointStats.Compute((ITable)store.HttpEvents, new HttpEndpointQuery()).Endpoints);
    }
}
