using Devtools.Core.Capture;
using Devtools.Core.Capture.SocketTrace;
using Devtools.Core.Storage;
using Devtools.Lsp.Protocol;

namespace Devtools.Lsp.Runtime;

/// <summary>
/// In-process attach to a local .NET process: EventPipe (no root; the user owns the process)
/// for CPU samples, and requests either from EventPipe too or — in "ebpf" mode, when this
/// process may load BPF programs — from an in-process eBPF capture of that pid's sockets,
/// which also sees its SQL, Redis and DNS traffic.
/// </summary>
public sealed class LocalSource : IRuntimeSource
{
    private readonly ProcessMonitor _monitor;
    private readonly CaptureSession? _capture;

    private LocalSource(ProcessMonitor monitor, CaptureSession? capture)
    {
        _monitor = monitor;
        _capture = capture;
    }

    public string Kind => _capture is null ? "eventpipe" : "ebpf";

    public int? Pid => _monitor.Pid;

    public string? ProcessName => _monitor.ProcessName;

    public string? Agent => null;

    public long Since => _monitor.Since;

    public string? Lost => _monitor.Lost;

    public static Task<LocalSource> AttachAsync(int pid, CancellationToken ct) => AttachAsync(pid, ebpf: false, ct);

    /// <summary>Attaches; with <paramref name="ebpf"/>, requests come from an in-process eBPF capture of <paramref name="pid"/>.</summary>
    /// <exception cref="CaptureEnvironmentException">eBPF was asked for and this process cannot capture (not root, no BTF, ...).</exception>
    public static async Task<LocalSource> AttachAsync(int pid, bool ebpf, CancellationToken ct)
    {
        CaptureSession? capture = null;
        if (ebpf)
        {
            IReadOnlyList<string> problems = CaptureEnvironment.Problems();
            if (problems.Count > 0)
                throw new CaptureEnvironmentException(string.Join("; ", problems));
            capture = CaptureSession.Start(new CaptureOptions { Tracer = new SocketTracerOptions { TargetPid = pid } });
        }
        try
        {
            TableStore tables = capture?.Tables ?? new TableStore();
            ProcessMonitor monitor = await ProcessMonitor.StartAsync(pid, tables, recordRequests: capture is null, ct).ConfigureAwait(false);
            return new LocalSource(monitor, capture);
        }
        catch
        {
            capture?.Dispose();
            throw;
        }
    }

    /// <summary>
    /// With eBPF: the capture's counters (kernel drops, gaps, parse errors, evicted rows, ...)
    /// and the profiler's; with EventPipe only: the session's, and rows http_events evicted.
    /// </summary>
    public Task<CaptureLosses> LossesAsync(CancellationToken ct) => Task.FromResult(Losses());

    internal CaptureLosses Losses()
    {
        var report = new LossReport();
        if (_capture is not null)
            report.AddCapture(_capture.Summary());
        _monitor.AddLosses(report);
        if (_capture is null)
            report.AddTables(_monitor.Tables);
        return report.Build("process");
    }

    public Task<IReadOnlyList<RequestRow>> RequestsAsync(TimeSpan window, CancellationToken ct) => Task.FromResult(_monitor.Requests(window));

    /// <summary>EventPipe sees no SQL: statements come from eBPF capture (in-process or the agent's).</summary>
    public Task<IReadOnlyList<Devtools.Core.Api.SqlStatDto>> SqlStatsAsync(TimeSpan window, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<Devtools.Core.Api.SqlStatDto>>(
            _capture is null ? [] : Devtools.Core.Api.RuntimeQueries.SqlStats(_capture.Tables, (uint)_monitor.Pid, window));

    public Task<Hotspots?> HotspotsAsync(int limit, CancellationToken ct) => Task.FromResult<Hotspots?>(_monitor.Hotspots(limit));

    public Task<object?> FlameGraphAsync(CancellationToken ct) => Task.FromResult<object?>(_monitor.FlameGraph());

    public async ValueTask DisposeAsync()
    {
        await _monitor.DisposeAsync().ConfigureAwait(false);
        _capture?.Dispose();
    }
}
