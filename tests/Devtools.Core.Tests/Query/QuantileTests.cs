using Devtools.Core.Query.Latency;

namespace Devtools.Core.Tests.Query;

public sealed class QuantileTests
{
    [Theory]
    [InlineData(0.0, 1)]
    [InlineData(0.01, 1)]
    [InlineData(0.10, 1)]
    [InlineData(0.11, 2)]
    [InlineData(0.50, 5)]
    [InlineData(0.90, 9)]
    [InlineData(0.99, 10)]
    [InlineData(1.0, 10)]
    public void NearestRankOfTenValues(double q, long rank)
    {
        Assert.Equal(rank, ExactQuantiles.RankOf(q, 10));
        long[] values = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
        Assert.Equal(rank * 10, ExactQuantiles.OfSorted(values, q));
    }

    [Fact]
    public void RanksSurviveFloatingPointNoise()
    {
        // 0.29 * 100 = 28.999999999999996 in double; the nearest rank is still 29.
        Assert.Equal(29, ExactQuantiles.RankOf(0.29, 100));
        Assert.Equal(99, ExactQuantiles.RankOf(0.99, 100));
        Assert.Equal(57, ExactQuantiles.RankOf(0.57, 100));
    }

    [Fact]
    public void UnsortedInputIsSorted()
    {
        long[] values = [5, 1, 4, 2, 3];

        Assert.Equal(3, ExactQuantiles.OfUnsorted(values, 0.5));
        Assert.Equal([1L, 2, 3, 4, 5], values);
    }

    [Fact]
    public void BadArgumentsAreRejected()
    {
        Assert.Throws<ArgumentException>(() => ExactQuantiles.OfSorted([], 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => ExactQuantiles.RankOf(1.5, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => ExactQuantiles.RankOf(double.NaN, 10));
        Assert.Throws<InvalidOperationException>(() => new LatencySketch().Quantile(0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LatencySketch(0));
    }

    [Theory]
    [InlineData(1, 0.01)]
    [InlineData(2, 0.01)]
    [InlineData(3, 0.02)]
    [InlineData(4, 0.005)]
    public void SketchIsWithinItsRelativeAccuracyOfTheExactQuantile(int seed, double accuracy)
    {
        var random = new Random(seed);
        var sketch = new LatencySketch(accuracy);
        var values = new long[20_000];
        for (int i = 0; i < values.Length; i++)
        {
            // Log-normal-ish latencies from ~1 µs to ~10 s, plus some exact zeros.
            values[i] = i % 500 == 0 ? 0 : (long)Math.Exp(7 + (random.NextDouble() * 16));
            sketch.Add(values[i]);
        }

        Array.Sort(values);
        foreach (double q in new[] { 0, 0.001, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 1 })
        {
            long exact = ExactQuantiles.OfSorted(values, q);
            long estimate = sketch.Quantile(q);
            Assert.True(
                Math.Abs(estimate - exact) <= (accuracy * exact) + 1,
                $"q={q}: estimate {estimate}, exact {exact}");
        }

        Assert.Equal(values[0], sketch.Min);
        Assert.Equal(values[^1], sketch.Max);
        Assert.Equal(values.Length, sketch.Count);
    }

    [Fact]
    public void SketchOfOneValueIsThatValue()
    {
        var sketch = new LatencySketch();
        sketch.Add(123_456_789);

        Assert.Equal(123_456_789, sketch.Quantile(0.5));
        Assert.Equal(123_456_789, sketch.Quantile(0.99));
    }

    [Fact]
    public void SketchHandlesExtremeValues()
    {
        var sketch = new LatencySketch();
        sketch.Add(1);
        sketch.Add(long.MaxValue);
        sketch.Add(-5);

        Assert.Equal(-5, sketch.Quantile(0));
        Assert.Equal(1, sketch.Quantile(0.5));
        Assert.Equal(long.MaxValue, sketch.Quantile(1));
    }

    [Fact]
    public void MergedSketchesEqualOneSketchOfEverything()
    {
        var random = new Random(11);
        var all = new LatencySketch();
        var left = new LatencySketch();
        var right = new LatencySketch();
        for (int i = 0; i < 5_000; i++)
        {
            long value = random.NextInt64(1, 1_000_000_000);
            all.Add(value);
            (i % 3 == 0 ? left : right).Add(value);
        }

        left.Merge(right);

        foreach (double q in new[] { 0.0, 0.5, 0.9, 0.99, 1.0 })
        {
            Assert.Equal(all.Quantile(q), left.Quantile(q));
        }

        Assert.Equal(all.Count, left.Count);
        Assert.Throws<ArgumentException>(() => left.Merge(new LatencySketch(0.05)));
    }

    [Fact]
    public void ClearEmptiesTheSketch()
    {
        var sketch = new LatencySketch();
        sketch.Add(10);
        sketch.Clear();
        sketch.Add(1000);

        Assert.Equal(1, sketch.Count);
        Assert.Equal(1000, sketch.Quantile(0.5));
    }
}
