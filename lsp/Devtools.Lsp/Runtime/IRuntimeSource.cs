using Devtools.Lsp.Protocol;

namespace Devtools.Lsp.Runtime;

/// <summary>
/// Where the bridge's runtime data comes from: an in-process EventPipe session with one
/// local .NET process, or a node agent. Rows and profiles are raw (paths as the process
/// recorded them); the bridge maps them to the workspace.
/// </summary>
public interface IRuntimeSource : IAsyncDisposable
{
    /// <summary>"eventpipe", "ebpf" or "agent".</summary>
    string Kind { get; }

    int? Pid { get; }

    string? ProcessName { get; }

    /// <summary>The agent's address, for an agent source.</summary>
    string? Agent { get; }

    /// <summary>Unix ms of the attach.</summary>
    long Since { get; }

    /// <summary>Why the source stopped giving data (target exited, agent lost), or null while it runs.</summary>
    string? Lost { get; }

    /// <summary>What the capture behind this source lost so far (only non-zero counters).</summary>
    Task<CaptureLosses> LossesAsync(CancellationToken ct);

    /// <summary>Requests that completed in the last <paramref name="window"/>, oldest first.</summary>
    Task<IReadOnlyList<RequestRow>> RequestsAsync(TimeSpan window, CancellationToken ct);

    /// <summary>SQL statements (pgsql_events, mysql_events) of the last <paramref name="window"/>, most called first; empty when the source captures none.</summary>
    Task<IReadOnlyList<Devtools.Core.Api.SqlStatDto>> SqlStatsAsync(TimeSpan window, CancellationToken ct);

    /// <summary>The recent CPU profile as hot functions and lines (files as recorded); null without a profile.</summary>
    Task<Hotspots?> HotspotsAsync(int limit, CancellationToken ct);

    /// <summary>The recent profile as a speedscope document.</summary>
    Task<object?> FlameGraphAsync(CancellationToken ct);
}
