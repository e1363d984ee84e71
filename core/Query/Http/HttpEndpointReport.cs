using Devtools.Core.Query.Latency;

namespace Devtools.Core.Query.Http;

/// <summary>The result of <see cref="HttpEndpointStats.Compute(Storage.Tables.ITable, HttpEndpointQuery)"/>.</summary>
/// <param name="Endpoints">Endpoints, most requests first.</param>
/// <param name="Other">Requests of endpoints beyond <see cref="HttpEndpointQuery.MaxEndpoints"/>, together; null if none.</param>
/// <param name="TotalRequests">Requests matched by the query.</param>
/// <param name="OverflowRequests">Requests counted in <paramref name="Other"/>.</param>
/// <param name="WindowSeconds">Length of the window the rates are computed over.</param>
public sealed record HttpEndpointReport(
    IReadOnlyList<HttpEndpointStat> Endpoints,
    LatencyStats? Other,
    long TotalRequests,
    long OverflowRequests,
    double WindowSeconds);
