namespace Devtools.Core.Query.Latency;

/// <summary>The result of a <see cref="LatencyAggregator{TKey}"/>.</summary>
/// <typeparam name="TKey">What requests were grouped by.</typeparam>
/// <param name="Groups">Groups, most requests first (ties in first-seen order).</param>
/// <param name="Other">Requests of keys that arrived after the group cap was reached, together; null if none.</param>
/// <param name="TotalCount">Requests added, including <paramref name="Other"/>.</param>
/// <param name="OverflowCount">Requests folded into <paramref name="Other"/>.</param>
/// <param name="WindowSeconds">Window the rates were computed over.</param>
public sealed record LatencyAggregation<TKey>(
    IReadOnlyList<LatencyGroup<TKey>> Groups,
    LatencyStats? Other,
    long TotalCount,
    long OverflowCount,
    double WindowSeconds);
