namespace Devtools.Core.Profiling.EventPipe.Requests;

/// <summary>How <see cref="ManagedRequestRecorder"/> turns Kestrel events into rows.</summary>
public sealed record ManagedRequestRecorderOptions
{
    /// <summary>
    /// Get status codes (and query strings) from ASP.NET Core Hosting's EndRequest
    /// DiagnosticSource event. The runtime keeps one DiagnosticSource spec per process, so
    /// this replaces the spec of any other tool subscribed through EventPipe (dotnet-monitor,
    /// dotnet-trace with DiagnosticSource): turn it off to leave them alone, and rows get
    /// resp_status 0.
    /// </summary>
    public bool StatusFromDiagnosticSource { get; init; } = true;

    /// <summary>How long a completed request waits for its status before it is written without one.</summary>
    public TimeSpan StatusWait { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Requests in flight tracked at once; beyond it new ones are counted and skipped.</summary>
    public int MaxPendingRequests { get; init; } = 65_536;

    /// <summary>Connections whose endpoints are remembered at once; beyond it the oldest are forgotten.</summary>
    public int MaxConnections { get; init; } = 65_536;
}
