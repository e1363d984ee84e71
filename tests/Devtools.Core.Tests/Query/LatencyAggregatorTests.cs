using Devtools.Core.Query.Latency;

namespace Devtools.Core.Tests.Query;

public sealed class LatencyAggregatorTests
{
    private sealed record Sample(string Key, long Latency, bool ServerError, bool ClientError, long Time);

    [Fact]
    public void MatchesABruteForceGrouping()
    {
        var random = new Random(5);
        string[] keys = ["GET /a", "GET /b", "POST /c", "DELETE /d"];
        var samples = Enumerable.Range(0, 10_000).Select(i =>
        {
            string key = keys[(int)Math.Min(keys.Length - 1, Math.Floor(-Math.Log(random.NextDouble()) * 1.2))];
            int status = random.NextDouble() < 0.05 ? 500 : random.NextDouble() < 0.1 ? 404 : 200;
            return new Sample(key, random.NextInt64(10_000, 500_000_000), status >= 500, status is >= 400 and < 500, random.NextInt64(0, 60_000_000_000));
        }).ToList();
        var aggregator = new LatencyAggregator<string>();
        foreach (Sample s in samples)
        {
            aggregator.Add(s.Key, s.Latency, s.ServerError, s.ClientError, s.Time);
        }

        LatencyAggregation<string> result = aggregator.GetResult(windowSeconds: 60);

        var expected = samples.GroupBy(s => s.Key).OrderByDescending(g => g.Count()).ToList();
        Assert.Equal(expected.Select(g => g.Key), result.Groups.Select(g => g.Key));
        Assert.Null(result.Other);
        Assert.Equal(samples.Count, result.TotalCount);
        foreach ((IGrouping<string, Sample> group, LatencyGroup<string> actual) in expected.Zip(result.Groups))
        {
            long[] latencies = group.Select(s => s.Latency).Order().ToArray();
            LatencyStats stats = actual.Stats;
            Assert.Equal(latencies.Length, stats.Count);
            Assert.Equal(group.Count(s => s.ServerError), stats.ServerErrors);
            Assert.Equal(group.Count(s => s.ClientError), stats.ClientErrors);
            Assert.Equal((double)stats.ServerErrors / stats.Count, stats.ErrorRate, 12);
            Assert.Equal((double)stats.ClientErrors / stats.Count, stats.ClientErrorRate, 12);
            Assert.Equal(group.Min(s => s.Time), stats.FirstTimeUnixNs);
            Assert.Equal(group.Max(s => s.Time), stats.LastTimeUnixNs);
            Assert.Equal(latencies[0], stats.MinLatencyNs);
            Assert.Equal(latencies[^1], stats.MaxLatencyNs);
            Assert.Equal(latencies.Length / 60.0, stats.RatePerSecond, 12);
            AssertClose(ExactQuantiles.OfSorted(latencies, 0.50), stats.P50Ns);
            AssertClose(ExactQuantiles.OfSorted(latencies, 0.90), stats.P90Ns);
            AssertClose(ExactQuantiles.OfSorted(latencies, 0.99), stats.P99Ns);
        }
    }

    [Fact]
    public void KeysBeyondTheCapFoldIntoOther()
    {
        var aggregator = new LatencyAggregator<int>(maxGroups: 3);
        for (int i = 0; i < 10; i++)
        {
            for (int repeat = 0; repeat <= i; repeat++)
            {
                aggregator.Add(i, 1000 + i, isServerError: i == 9, isClientError: false, timeUnixNs: i);
            }
        }

        LatencyAggregation<int> result = aggregator.GetResult(10);

        Assert.Equal(3, aggregator.GroupCount);
        Assert.Equal([2, 1, 0], result.Groups.Select(g => g.Key));
        Assert.NotNull(result.Other);
        long folded = Enumerable.Range(3, 7).Sum(i => i + 1L);
        Assert.Equal(folded, result.OverflowCount);
        Assert.Equal(folded, result.Other.Count);
        Assert.Equal(10, result.Other.ServerErrors);
        Assert.Equal(55, result.TotalCount);
        Assert.Equal(result.TotalCount, result.Groups.Sum(g => g.Stats.Count) + result.Other.Count);
    }

    [Fact]
    public void CustomKeysGroupByValue()
    {
        var aggregator = new LatencyAggregator<(string Method, string Path)>();
        aggregator.Add(("GET", "/a"), 1, false, false, 0);
        aggregator.Add(("GET", "/a"), 3, false, false, 0);
        aggregator.Add(("GET", "/b"), 2, false, false, 0);

        LatencyAggregation<(string Method, string Path)> result = aggregator.GetResult(1);

        Assert.Equal(2, result.Groups.Count);
        Assert.Equal(2, result.Groups[0].Stats.Count);
    }

    private static void AssertClose(long exact, long estimate) =>
        Assert.True(Math.Abs(estimate - exact) <= (LatencySketch.DefaultRelativeAccuracy * exact) + 1, $"estimate {estimate}, exact {exact}");
}
