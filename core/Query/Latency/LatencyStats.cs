namespace Devtools.Core.Query.Latency;

/// <summary>Request count, error and latency figures of one group of requests.</summary>
/// <param name="Count">Requests.</param>
/// <param name="ServerErrors">Requests that failed on the server's side (e.g. HTTP 5xx).</param>
/// <param name="ClientErrors">Requests rejected as the client's fault (e.g. HTTP 4xx).</param>
/// <param name="ErrorRate">ServerErrors / Count.</param>
/// <param name="ClientErrorRate">ClientErrors / Count.</param>
/// <param name="P50Ns">Median latency, ns (see <see cref="LatencySketch"/> for the error bound).</param>
/// <param name="P90Ns">90th percentile latency, ns.</param>
/// <param name="P99Ns">99th percentile latency, ns.</param>
/// <param name="MinLatencyNs">Smallest latency, ns (exact).</param>
/// <param name="MaxLatencyNs">Largest latency, ns (exact).</param>
/// <param name="FirstTimeUnixNs">Earliest request time.</param>
/// <param name="LastTimeUnixNs">Latest request time.</param>
/// <param name="RatePerSecond">Count over the aggregation window.</param>
public sealed record LatencyStats(
    long Count,
    long ServerErrors,
    long ClientErrors,
    double ErrorRate,
    double ClientErrorRate,
    long P50Ns,
    long P90Ns,
    long P99Ns,
    long MinLatencyNs,
    long MaxLatencyNs,
    long FirstTimeUnixNs,
    long LastTimeUnixNs,
    double RatePerSecond);
