namespace Devtools.Core.Query.Latency;

/// <summary>
/// Exact quantiles by the nearest-rank method: the q-quantile of n values is the value of rank
/// ⌈q·n⌉ (1-based, at least 1) in sorted order. It always returns an observed value, which is
/// what people expect of "p99 latency", and it is what <see cref="LatencySketch"/> approximates.
/// </summary>
public static class ExactQuantiles
{
    // q·n is computed in floating point; 0.29 * 100 is 28.999999999999996, which must still mean rank 29.
    private const double RankTolerance = 1e-9;

    /// <summary>The 1-based nearest rank of quantile <paramref name="quantile"/> among <paramref name="count"/> values.</summary>
    public static long RankOf(double quantile, long count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (!(quantile >= 0 && quantile <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(quantile), quantile, "A quantile is between 0 and 1.");
        }

        long rank = (long)Math.Ceiling((quantile * count) - RankTolerance);
        return Math.Clamp(rank, 1, count);
    }

    /// <summary>The nearest-rank quantile of values already sorted ascending.</summary>
    public static long OfSorted(ReadOnlySpan<long> sortedValues, double quantile)
    {
        if (sortedValues.IsEmpty)
        {
            throw new ArgumentException("There is no quantile of no values.", nameof(sortedValues));
        }

        return sortedValues[(int)RankOf(quantile, sortedValues.Length) - 1];
    }

    /// <summary>The nearest-rank quantile of <paramref name="values"/>, which this sorts in place.</summary>
    public static long OfUnsorted(Span<long> values, double quantile)
    {
        values.Sort();
        return OfSorted(values, quantile);
    }
}
