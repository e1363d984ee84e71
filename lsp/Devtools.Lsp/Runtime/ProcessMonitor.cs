using System.Diagnostics;
using Devtools.Core.Common;
using Devtools.Core.Profiling;
using Devtools.Core.Profiling.EventPipe;
using Devtools.Core.Profiling.EventPipe.Requests;
using Devtools.Core.Query.Http;
using Devtools.Core.Storage;
using Devtools.Lsp.Protocol;

namespace Devtools.Lsp.Runtime;

/// <summary>
/// One .NET process watched through EventPipe, continuously: CPU samples resolved to
/// file:line in a rolling profile (the last 30–60 s: the session is reset every 30 s and the
/// previous period kept), and, optionally, its Kestrel requests into <c>http_events</c>.
/// Used by the bridge (in-process attach) and by the agent.
/// </summary>
public sealed class ProcessMonitor : IAsyncDisposable
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan SnapshotReuse = TimeSpan.FromMilliseconds(500);

    private readonly ManagedProfilerSession _session;
    private readonly Lock _gate = new();
    private readonly Stopwatch _periodClock = Stopwatch.StartNew();
    private readonly Stopwatch _snapshotClock = new();
    private Profile? _previous;
    private Profile? _cached;

    private readonly ManagedRequestRecorder? _recorder;

    private ProcessMonitor(ManagedProfilerSession session, TableStore tables, ManagedRequestRecorder? recorder)
    {
        _session = session;
        _recorder = recorder;
        Tables = tables;
        Since = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
    }

    public int Pid => _session.Pid;

    public string ProcessName => _session.ProcessName;

    public long Since { get; }

    public TableStore Tables { get; }

    /// <summary>
    /// Why the data stopped, or null while it flows. When the stream ends the process is usually
    /// exiting: for up to a second the answer stays null until /proc tells whether it is gone.
    /// </summary>
    public string? Lost
    {
        get
        {
            if (_session.IsRunning)
                return null;
            if (_session.ProcessExited || ProcessGone(Pid))
                return $"process {Pid} ({ProcessName}) exited";
            long now = Environment.TickCount64;
            long seen = Interlocked.CompareExchange(ref _endSeenMs, now, 0);
            if (seen == 0 || now - seen < 1000)
                return null;
            return _session.Fault is { } fault
                ? $"the EventPipe session with process {Pid} broke: {fault.Message}"
                : $"the EventPipe session with process {Pid} ended";
        }
    }

    private long _endSeenMs;

    /// <summary>No such process, or a zombie (exited, not yet reaped).</summary>
    private static bool ProcessGone(int pid)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            int close = stat.LastIndexOf(')');
            return close < 0 || close + 2 >= stat.Length || stat[close + 2] is 'Z' or 'X';
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return true;
        }
    }

    /// <summary>Attaches to <paramref name="pid"/>; requests go to <paramref name="tables"/> when <paramref name="recordRequests"/>.</summary>
    public static async Task<ProcessMonitor> StartAsync(int pid, TableStore tables, bool recordRequests, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ManagedRequestRecorder? recorder = recordRequests ? ManagedRequestRecorder.ForTable(tables.HttpEvents) : null;
        var options = new ManagedProfilerOptions { Requests = recorder };
        ManagedProfilerSession session = await ManagedProfiler.StartAsync(pid, options, ct).ConfigureAwait(false);
        return new ProcessMonitor(session, tables, recorder);
    }

    /// <summary>The profile of the last 30–60 s.</summary>
    public Profile RecentProfile()
    {
        lock (_gate)
        {
            if (_cached is not null && _snapshotClock.Elapsed < SnapshotReuse)
                return _cached;
            Profile current = _session.Snapshot();
            if (_periodClock.Elapsed >= Period && _session.IsRunning)
            {
                _previous = current;
                _session.Reset();
                _periodClock.Restart();
            }
            _cached = ReferenceEquals(_previous, current) ? current : ProfileViews.Merge(_previous, current);
            _snapshotClock.Restart();
            return _cached;
        }
    }

    /// <summary>
    /// What the session lost: events the runtime dropped (since attach), samples over the stack
    /// limit (this profile period), and what the request recorder could not record.
    /// </summary>
    public LossReport AddLosses(LossReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.AddEventPipe(_session.Statistics, _recorder?.Counters);
    }

    public Hotspots Hotspots(int limit) => ProfileViews.Hotspots(RecentProfile(), limit);

    public object FlameGraph() => ProfileViews.Speedscope(RecentProfile(), $"{ProcessName} ({Pid})");

    /// <summary>The requests of the window; re-read only when new rows were published or a second passed (the window slides).</summary>
    public IReadOnlyList<RequestRow> Requests(TimeSpan window)
    {
        // A new snapshot object is published whenever rows become visible.
        object rows = Tables.HttpEvents.Snapshot();
        lock (_gate)
        {
            if (_requests is { } cached && ReferenceEquals(cached.Rows, rows) && cached.Window == window && _requestsClock.Elapsed < TimeSpan.FromSeconds(1))
                return cached.List;
        }
        IReadOnlyList<RequestRow> list = RequestReader.Read(Tables, (uint)Pid, window);
        lock (_gate)
        {
            _requests = (rows, window, list);
            _requestsClock.Restart();
        }
        return list;
    }

    private (object Rows, TimeSpan Window, IReadOnlyList<RequestRow> List)? _requests;
    private readonly Stopwatch _requestsClock = Stopwatch.StartNew();

    public async ValueTask DisposeAsync() => await _session.DisposeAsync().ConfigureAwait(false);
}

/// <summary>Reads <c>http_events</c> rows as <see cref="RequestRow"/>s.</summary>
public static class RequestReader
{
    public static IReadOnlyList<RequestRow> Read(TableStore tables, uint? pid, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(tables);
        long from = MonotonicClock.UnixNowNs() - (long)window.TotalNanoseconds;
        var rows = new List<RequestRow>();
        foreach (HttpEvent e in HttpEvent.ReadAll(tables.HttpEvents))
        {
            if (e.TimeUnixNs < from || (pid is { } p && e.Upid.Pid != p) || e.TraceRole == 1)
                continue;
            rows.Add(new RequestRow(e.TimeUnixNs / 1_000_000, e.ReqMethod, e.ReqPath, e.RespStatus, e.LatencyNs / 1e6, null, (int)e.Upid.Pid));
        }
        return rows;
    }
}
