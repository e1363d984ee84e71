namespace Devtools.Core.Query.Latency;

/// <summary>
/// A bounded-memory quantile sketch for latencies (a DDSketch with logarithmic buckets).
/// </summary>
/// <remarks>
/// <para>
/// Error bound: for any quantile q, <see cref="Quantile"/> returns a value within
/// <see cref="RelativeAccuracy"/> (default 1%) of the exact nearest-rank quantile
/// (<see cref="ExactQuantiles"/>), plus at most 0.5 from rounding to whole nanoseconds. Values are
/// counted in buckets (γ^(k-1), γ^k] with γ = (1+α)/(1-α); the answer is the midpoint
/// 2γ^k/(γ+1) of the bucket holding the value of rank ⌈q·n⌉, which is within α of every value
/// in that bucket. The lowest and highest ranks return the exact minimum and maximum. Other
/// values ≤ 0 share one bucket and are reported as 0.
/// </para>
/// <para>
/// Memory: one counter per bucket between the smallest and largest value seen; at 1% that is
/// about 115 counters per decade of latency, at most ~2,200 for the whole long range.
/// </para>
/// </remarks>
public sealed class LatencySketch
{
    /// <summary>Default relative accuracy: 1%.</summary>
    public const double DefaultRelativeAccuracy = 0.01;

    private const int Slack = 32;

    private readonly double _gamma;
    private readonly double _inverseLogGamma;
    private readonly int _maxIndex;

    private long[] _counts = [];
    private int _firstIndex;
    private long _nonPositiveCount;

    /// <summary>Creates an empty sketch.</summary>
    public LatencySketch(double relativeAccuracy = DefaultRelativeAccuracy)
    {
        ValidateAccuracy(relativeAccuracy);
        RelativeAccuracy = relativeAccuracy;
        _gamma = (1 + relativeAccuracy) / (1 - relativeAccuracy);
        _inverseLogGamma = 1 / Math.Log(_gamma);
        _maxIndex = IndexOf(long.MaxValue);
    }

    /// <summary>Bound on the relative error of every quantile.</summary>
    public double RelativeAccuracy { get; }

    /// <summary>Values added.</summary>
    public long Count { get; private set; }

    /// <summary>Smallest value added (exact); 0 when empty.</summary>
    public long Min { get; private set; }

    /// <summary>Largest value added (exact); 0 when empty.</summary>
    public long Max { get; private set; }

    /// <summary>Counts one value.</summary>
    public void Add(long value)
    {
        if (Count == 0)
        {
            Min = Max = value;
        }
        else
        {
            Min = Math.Min(Min, value);
            Max = Math.Max(Max, value);
        }

        Count++;
        if (value <= 0)
        {
            _nonPositiveCount++;
            return;
        }

        int index = IndexOf(value);
        EnsureCovers(index);
        _counts[index - _firstIndex]++;
    }

    /// <summary>Adds every value counted by <paramref name="other"/>, which must have the same accuracy.</summary>
    public void Merge(LatencySketch other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.RelativeAccuracy != RelativeAccuracy)
        {
            throw new ArgumentException("Only sketches of equal accuracy can be merged.", nameof(other));
        }

        if (other.Count == 0)
        {
            return;
        }

        Min = Count == 0 ? other.Min : Math.Min(Min, other.Min);
        Max = Count == 0 ? other.Max : Math.Max(Max, other.Max);
        Count += other.Count;
        _nonPositiveCount += other._nonPositiveCount;
        for (int i = 0; i < other._counts.Length; i++)
        {
            if (other._counts[i] != 0)
            {
                int index = other._firstIndex + i;
                EnsureCovers(index);
                _counts[index - _firstIndex] += other._counts[i];
            }
        }
    }

    /// <summary>The nearest-rank <paramref name="quantile"/> (0..1), within <see cref="RelativeAccuracy"/>.</summary>
    /// <exception cref="InvalidOperationException">The sketch is empty.</exception>
    public long Quantile(double quantile)
    {
        if (Count == 0)
        {
            throw new InvalidOperationException("An empty sketch has no quantiles.");
        }

        // The extremes are tracked exactly, so the lowest and highest ranks need no estimate.
        long rank = ExactQuantiles.RankOf(quantile, Count);
        if (rank == 1)
        {
            return Min;
        }

        if (rank == Count)
        {
            return Max;
        }

        long seen = _nonPositiveCount;
        if (rank <= seen)
        {
            return Math.Clamp(0, Min, Max);
        }

        for (int i = 0; i < _counts.Length; i++)
        {
            seen += _counts[i];
            if (seen >= rank)
            {
                double estimate = 2 * Math.Pow(_gamma, _firstIndex + i) / (_gamma + 1);
                return Math.Clamp((long)Math.Round(Math.Min(estimate, long.MaxValue)), Min, Max);
            }
        }

        return Max;
    }

    /// <summary>Forgets every value.</summary>
    public void Clear()
    {
        Array.Clear(_counts);
        _nonPositiveCount = 0;
        Count = 0;
        Min = Max = 0;
    }

    internal static void ValidateAccuracy(double relativeAccuracy)
    {
        if (!(relativeAccuracy > 0 && relativeAccuracy < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(relativeAccuracy), relativeAccuracy, "Relative accuracy is between 0 and 1, exclusive.");
        }
    }

    private int IndexOf(long value) => (int)Math.Ceiling(Math.Log(value) * _inverseLogGamma);

    private void EnsureCovers(int index)
    {
        int end = _firstIndex + _counts.Length;
        if (_counts.Length != 0 && index >= _firstIndex && index < end)
        {
            return;
        }

        // Grow with slack on the side that was exceeded so a drifting latency does not regrow often.
        int newFirst = _counts.Length == 0 ? index - Slack : Math.Min(_firstIndex, index - Slack);
        int newEnd = _counts.Length == 0 ? index + Slack : Math.Max(end, index + Slack);
        newFirst = Math.Max(newFirst, 0);
        newEnd = Math.Min(newEnd, _maxIndex + 1);
        var grown = new long[newEnd - newFirst];
        if (_counts.Length != 0)
        {
            _counts.CopyTo(grown.AsSpan(_firstIndex - newFirst));
        }

        _counts = grown;
        _firstIndex = newFirst;
    }
}
