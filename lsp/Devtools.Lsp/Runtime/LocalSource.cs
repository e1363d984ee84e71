using Devtools.Core.Storage;
using Devtools.Lsp.Protocol;

namespace Devtools.Lsp.Runtime;

/// <summary>In-process attach: EventPipe to a local .NET process the user owns (no root).</summary>
public sealed class LocalSource : IRuntimeSource
{
    private readonly ProcessMonitor _monitor;

    private LocalSource(ProcessMonitor monitor)
    {
        _monitor = monitor;
    }

    public string Kind => "eventpipe";

    public int? Pid => _monitor.Pid;

    public string? ProcessName => _monitor.ProcessName;

    public string? Agent => null;

    public long Since => _monitor.Since;

    public string? Lost => _monitor.Lost;

    public static async Task<LocalSource> AttachAsync(int pid, CancellationToken ct)
    {
        var tables = new TableStore();
        return new LocalSource(await ProcessMonitor.StartAsync(pid, tables, recordRequests: true, ct).ConfigureAwait(false));
    }

    public Task<IReadOnlyList<RequestRow>> RequestsAsync(TimeSpan window, CancellationToken ct) => Task.FromResult(_monitor.Requests(window));

    /// <summary>EventPipe sees no SQL: statements come from the agent's eBPF capture.</summary>
    public Task<IReadOnlyList<Devtools.Core.Api.SqlStatDto>> SqlStatsAsync(TimeSpan window, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<Devtools.Core.Api.SqlStatDto>>([]);

    public Task<Hotspots?> HotspotsAsync(int limit, CancellationToken ct) => Task.FromResult<Hotspots?>(_monitor.Hotspots(limit));

    public Task<object?> FlameGraphAsync(CancellationToken ct) => Task.FromResult<object?>(_monitor.FlameGraph());

    public ValueTask DisposeAsync() => _monitor.DisposeAsync();
}
