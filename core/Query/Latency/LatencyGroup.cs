namespace Devtools.Core.Query.Latency;

/// <summary>The figures of one group.</summary>
/// <typeparam name="TKey">What requests were grouped by.</typeparam>
/// <param name="Key">The group's key.</param>
/// <param name="Stats">The group's figures.</param>
public sealed record LatencyGroup<TKey>(TKey Key, LatencyStats Stats);
