namespace Devtools.Core.Query.Latency;

/// <summary>
/// Groups requests by key and keeps, per group, counts, error counts, time range and a latency
/// sketch. Memory is bounded: at most <see cref="MaxGroups"/> groups, each with a bounded
/// <see cref="LatencySketch"/>; requests of keys first seen after the cap go into one "other" group.
/// </summary>
/// <typeparam name="TKey">What requests are grouped by.</typeparam>
public sealed class LatencyAggregator<TKey>
    where TKey : notnull, IEquatable<TKey>
{
    private readonly Dictionary<TKey, LatencyAccumulator> _groups = [];
    private readonly double _relativeAccuracy;
    private LatencyAccumulator? _other;

    /// <summary>Creates an empty aggregator.</summary>
    /// <param name="maxGroups">Most distinct keys kept (default 1000).</param>
    /// <param name="relativeAccuracy">Quantile accuracy, see <see cref="LatencySketch"/>.</param>
    public LatencyAggregator(int maxGroups = 1000, double relativeAccuracy = LatencySketch.DefaultRelativeAccuracy)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxGroups, 1);
        LatencySketch.ValidateAccuracy(relativeAccuracy);
        MaxGroups = maxGroups;
        _relativeAccuracy = relativeAccuracy;
    }

    /// <summary>Most distinct keys kept.</summary>
    public int MaxGroups { get; }

    /// <summary>Distinct keys kept so far.</summary>
    public int GroupCount => _groups.Count;

    /// <summary>Requests added.</summary>
    public long TotalCount { get; private set; }

    /// <summary>Requests folded into the other group because their key came after the cap.</summary>
    public long OverflowCount => _other?.Count ?? 0;

    /// <summary>Counts one request.</summary>
    public void Add(TKey key, long latencyNs, bool isServerError, bool isClientError, long timeUnixNs)
    {
        if (!_groups.TryGetValue(key, out LatencyAccumulator? group))
        {
            if (_groups.Count < MaxGroups)
            {
                group = new LatencyAccumulator(_relativeAccuracy);
                _groups.Add(key, group);
            }
            else
            {
                group = _other ??= new LatencyAccumulator(_relativeAccuracy);
            }
        }

        group.Add(latencyNs, isServerError, isClientError, timeUnixNs);
        TotalCount++;
    }

    /// <summary>The groups, most requests first, with rates over <paramref name="windowSeconds"/>.</summary>
    public LatencyAggregation<TKey> GetResult(double windowSeconds)
    {
        LatencyGroup<TKey>[] groups = _groups
            .Select(pair => new LatencyGroup<TKey>(pair.Key, pair.Value.ToStats(windowSeconds)))
            .OrderByDescending(group => group.Stats.Count)
            .ToArray();
        return new LatencyAggregation<TKey>(groups, _other?.ToStats(windowSeconds), TotalCount, OverflowCount, windowSeconds);
    }
}
