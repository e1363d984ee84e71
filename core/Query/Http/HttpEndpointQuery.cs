namespace Devtools.Core.Query.Http;

/// <summary>Which http_events rows <see cref="HttpEndpointStats"/> aggregates.</summary>
public sealed record HttpEndpointQuery
{
    /// <summary>Inclusive start of the window, ns since the Unix epoch; long.MinValue for "from the oldest row".</summary>
    public long FromUnixNs { get; init; } = long.MinValue;

    /// <summary>Exclusive end of the window, ns since the Unix epoch; long.MaxValue for "to the newest row".</summary>
    public long ToUnixNs { get; init; } = long.MaxValue;

    /// <summary>Only requests traced in this process, when set.</summary>
    public uint? Pid { get; init; }

    /// <summary>Only requests of this HTTP major version (1, or 2 for HTTP/2 and gRPC), when set.</summary>
    public int? MajorVersion { get; init; }

    /// <summary>Most endpoints reported; requests of further endpoints are counted together.</summary>
    public int MaxEndpoints { get; init; } = 1000;

    /// <summary>The last <paramref name="window"/> before <paramref name="nowUnixNs"/>.</summary>
    public static HttpEndpointQuery Last(TimeSpan window, long nowUnixNs) =>
        new() { FromUnixNs = nowUnixNs - (long)(window.Ticks * 100L), ToUnixNs = nowUnixNs };
}
