using System.Diagnostics;
using Devtools.Core.Capture.SocketTrace;
using Devtools.Core.Connections;
using Devtools.Core.Diagnostics;
using Devtools.Core.Metadata;
using Devtools.Core.Profiling;
using Devtools.Core.Protocols;
using Devtools.Core.Storage;

namespace Devtools.Core.Capture;

/// <summary>
/// One node-wide (or one-process) eBPF capture, from kernel events to Arrow
/// tables: the entry point for the CLI, the agent and tests that embed the core.
/// <code>
/// using var capture = CaptureSession.Start(new CaptureOptions());
/// // ... traffic ...
/// capture.Stop();
/// foreach (var batch in capture.Tables.HttpEvents.Snapshot().Batches) { ... }
/// </code>
/// </summary>
public sealed class CaptureSession : IDisposable
{
    private readonly SocketTracer _tracer;
    private readonly ConnectionTracker _tracker;
    private readonly StackTracesFeed? _stackTraces;
    private readonly Stopwatch _clock = new();
    private IReadOnlyDictionary<KernelDropReason, ulong>? _finalDrops;
    private bool _stopped;

    private CaptureSession(CaptureOptions options)
    {
        Options = options;
        Counters = new CaptureCounters();
        Tables = new TableStore(options.Storage);
        Processes = new ProcessRegistry();
        var sinks = new TableRecordSinks(Tables, options.Protocols);
        var services = new ProtocolServices(Counters, options.Protocols, sinks);
        _tracker = new ConnectionTracker(new ProtocolRegistry(BuiltInProtocols.Create()), services, Processes, options.Tracking);
        if (options.Profiler is { } profiling)
        {
            _stackTraces = new StackTracesFeed(Tables.StackTraces);
            Profiler = new CpuProfiler(profiling, _stackTraces, Processes);
        }
        _tracer = new SocketTracer(options.Tracer, new CapturePipeline(_tracker, Tables, _stackTraces is null ? [] : [_stackTraces]));
        _tracker.ProcessExited += _tracer.ForgetProcess;
    }

    public CaptureOptions Options { get; }

    public TableStore Tables { get; }

    public CaptureCounters Counters { get; }

    public ProcessRegistry Processes { get; }

    /// <summary>The CPU profiler filling stack_traces.beta, when <see cref="CaptureOptions.Profiler"/> asked for one.</summary>
    public CpuProfiler? Profiler { get; }

    /// <summary>Time since capture started (frozen once stopped).</summary>
    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>Set when the capture thread failed; capture has stopped.</summary>
    public Exception? Fault => _tracer.Fault ?? Profiler?.Fault;

    public bool IsRunning => !_stopped && _tracer.IsRunning;

    /// <summary>
    /// Loads the BPF programs and starts capturing. Throws
    /// <see cref="CaptureEnvironmentException"/> when this machine or user cannot
    /// capture, with what to do about it.
    /// </summary>
    public static CaptureSession Start(CaptureOptions? options = null)
    {
        var session = new CaptureSession(options ?? new CaptureOptions());
        try
        {
            session._tracer.Start();
            session.Profiler?.Start();
            session._clock.Start();
            return session;
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>The kernel's drop counters now.</summary>
    public IReadOnlyDictionary<KernelDropReason, ulong> KernelDrops() => _finalDrops ?? _tracer.KernelDrops();

    /// <summary>
    /// Stops capturing: drains what the kernel queued, completes what the end of
    /// capture completes, and makes every row visible. Idempotent.
    /// </summary>
    public CaptureSummary Stop()
    {
        if (!_stopped)
        {
            _stopped = true;
            // The profiler's last interval goes to the feed; the tracer's last tick may append it.
            Profiler?.Stop();
            _tracer.Stop();
            _clock.Stop();
            _finalDrops = _tracer.KernelDrops();
            // The capture thread has ended: this thread is now the only writer.
            _tracker.Flush();
            _stackTraces?.Drain();
            Tables.SealAll();
        }
        return Summary();
    }

    public CaptureSummary Summary() => new(
        Elapsed,
        Volatile.Read(ref Counters.Events),
        Volatile.Read(ref Counters.CapturedBytes),
        KernelDrops(),
        Counters.Snapshot(),
        [.. Tables.All.Select(TableSummary.Of)]);

    public void Dispose()
    {
        if (!_stopped && _tracer.IsRunning)
            Stop();
        _tracer.Dispose();
        Profiler?.Dispose();
        _tracker.Dispose();
    }
}
