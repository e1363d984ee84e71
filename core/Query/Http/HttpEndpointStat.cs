using Devtools.Core.Storage;

namespace Devtools.Core.Query.Http;

/// <summary>Traffic figures of one endpoint of one process, as <c>devtools top</c> and the editor's CodeLens show them.</summary>
/// <param name="Upid">The traced process.</param>
/// <param name="Pid">Its pid, for display and filtering.</param>
/// <param name="Method">Request method.</param>
/// <param name="PathTemplate">Request path with ids replaced.</param>
/// <param name="Count">Requests in the window.</param>
/// <param name="RequestsPerSecond">Count over the window length.</param>
/// <param name="P50Ms">Median latency, ms (within 1%).</param>
/// <param name="P90Ms">90th percentile latency, ms (within 1%).</param>
/// <param name="P99Ms">99th percentile latency, ms (within 1%).</param>
/// <param name="MaxMs">Largest latency, ms (exact).</param>
/// <param name="ErrorRate">Share of responses with status ≥ 500.</param>
/// <param name="ClientErrorRate">Share of responses with status 400–499.</param>
/// <param name="ServerErrors">Responses with status ≥ 500.</param>
/// <param name="ClientErrors">Responses with status 400–499.</param>
/// <param name="FirstSeenUnixNs">Earliest request in the window.</param>
/// <param name="LastSeenUnixNs">Latest request in the window.</param>
public sealed record HttpEndpointStat(
    Upid Upid,
    uint Pid,
    string Method,
    string PathTemplate,
    long Count,
    double RequestsPerSecond,
    double P50Ms,
    double P90Ms,
    double P99Ms,
    double MaxMs,
    double ErrorRate,
    double ClientErrorRate,
    long ServerErrors,
    long ClientErrors,
    long FirstSeenUnixNs,
    long LastSeenUnixNs);
