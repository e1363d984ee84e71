using System.Diagnostics;
using System.Globalization;
using Devtools.Core.Metadata;
using Devtools.Core.Profiling.EventPipe.Requests;
using Devtools.Core.Storage;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Etlx;
using Microsoft.Diagnostics.Tracing.EventPipe;

namespace Devtools.Core.Profiling.EventPipe;

/// <summary>
/// A live EventPipe session with one .NET process: thread samples (and optionally
/// Kestrel requests) flow in on a background thread while callers take
/// <see cref="Snapshot"/>s of the profile so far, as often as they like, until
/// <see cref="StopAsync"/>. Start one with <see cref="ManagedProfiler.StartAsync"/>.
/// </summary>
/// <remarks>
/// <para>One EventPipe session carries everything: the sampler, the JIT/loader events
/// that name new code, and the request events. TraceLog (TraceEvent) turns the sampler's
/// stack ids into stacks; symbolization is ours (<see cref="MethodTable"/>, PDBs), done
/// lazily per distinct stack when a snapshot is taken.</para>
/// <para>Thread-safety: every member may be called from any thread. Samples and method
/// events are applied under one lock, which a snapshot also takes: a snapshot of a
/// session with thousands of stacks holds it for milliseconds, while the runtime's
/// buffer absorbs the events meanwhile.</para>
/// </remarks>
public sealed class ManagedProfilerSession : IAsyncDisposable, IDisposable
{
    private readonly Lock _gate = new();
    private readonly ManagedProfilerOptions _options;
    private readonly string _socket;
    private readonly DiagnosticsClientConnector _connector;
    private readonly EventPipeSession _session;
    private readonly TraceLogEventSource _source;
    private readonly MethodTable _methods = new();
    private readonly SampleAggregator _samples;
    private readonly SourceLineResolver? _lines;
    private readonly FrameResolver _frames;
    private readonly ManagedRequestRecorder? _requests;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Thread _thread;

    // Guarded by _gate.
    private long _sampleCount;
    private long _managedSamples;
    private long _externalSamples;
    private long _noStackSamples;
    private long _methodLoads;
    private TimeSpan _profileStart;
    private TimeSpan? _endedAt;

    private static readonly TimeSpan RundownRefreshInterval = TimeSpan.FromSeconds(10);

    private Task? _rundownRefresh;
    private long _lastRundownMs;
    private int _rundowns;
    private int _rundownMethods;
    private TimeSpan _rundownDuration;
    private volatile bool _stopRequested;
    private volatile bool _processExited;
    private volatile Exception? _fault;
    private volatile Profile? _final;
    private Task<Profile>? _stopping;
    private int _disposed;

    private ManagedProfilerSession(int pid, Upid upid, string processName, string socket, ManagedProfilerOptions options, DiagnosticsClientConnector connector, EventPipeSession session)
    {
        Pid = pid;
        Upid = upid;
        ProcessName = processName;
        _socket = socket;
        _options = options;
        _connector = connector;
        _session = session;
        _samples = new SampleAggregator(options.MaxStacks, options.MaxStackDepth);
        var files = new TargetFileSystem(pid);
        _lines = options.ResolveSourceLines ? new SourceLineResolver(files, options.SourcePaths) : null;
        _frames = new FrameResolver(_methods, _lines, new NativeModuleMap(pid));
        _requests = options.Requests;

        // Reads the stream header: the runtime sends it as soon as the session starts.
        _source = TraceLog.CreateFromEventPipeSession(session, TraceLog.EventPipeRundownConfiguration.None());
        if (options.Sample)
        {
            ClrMethodListener.Subscribe(_source.Clr, _methods, _gate, () => Interlocked.Increment(ref _methodLoads));
            new SampleProfilerTraceEventParser(_source).ThreadSample += OnThreadSample;
        }
        if (_requests is not null)
        {
            _requests.Bind((uint)pid, upid);
            _source.AllEvents += _requests.OnEvent;
        }
        _thread = new Thread(Run) { IsBackground = true, Name = $"EventPipe {pid}" };
    }

    public int Pid { get; }

    public Upid Upid { get; }

    public string ProcessName { get; }

    /// <summary>True until the session stops or the stream ends (the process exited, or the runtime broke the session).</summary>
    public bool IsRunning => !_ended.Task.IsCompleted;

    /// <summary>The process exited while the session ran; snapshots keep what came before.</summary>
    public bool ProcessExited => _processExited;

    /// <summary>Why the event stream broke, when it did for another reason than the process exiting.</summary>
    public Exception? Fault => _fault;

    /// <summary>Completes when event processing ends, whatever the reason.</summary>
    public Task Completion => _ended.Task;

    public ManagedProfilerStatistics Statistics
    {
        get
        {
            lock (_gate)
            {
                return new ManagedProfilerStatistics(
                    Now(), _sampleCount, _managedSamples, _externalSamples, _noStackSamples, _samples.DroppedSamples,
                    _samples.StackCount, _methods.Count, _rundownMethods, _rundownDuration, _rundowns, Interlocked.Read(ref _methodLoads), EventsLost());
            }
        }
    }

    internal static async Task<ManagedProfilerSession> StartAsync(int pid, ManagedProfilerOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        string socket = DiagnosticsSocketLocator.Find(pid);
        var registry = new ProcessRegistry();
        Upid upid = registry.GetUpid((uint)pid);
        string name = registry.GetName((uint)pid);

        DiagnosticsClientConnector? connector = null;
        EventPipeSession? eventPipe = null;
        ManagedProfilerSession? session = null;
        try
        {
            connector = await DiagnosticsClientConnector.FromDiagnosticPort(socket + ",connect", ct).ConfigureAwait(false);
            eventPipe = await connector.Instance.StartEventPipeSessionAsync(Providers(options), requestRundown: false, options.CircularBufferMB, ct).ConfigureAwait(false);
            session = new ManagedProfilerSession(pid, upid, name, socket, options, connector, eventPipe);
            session._thread.Start();
            if (options.Sample)
            {
                (int methods, TimeSpan duration) = await RundownReader.ReadAsync(connector.Instance, session._methods, session._gate, ct).ConfigureAwait(false);
                session._rundownMethods = methods;
                session._rundownDuration = duration;
                session._rundowns = 1;
                session._lastRundownMs = Environment.TickCount64;
            }
            return session;
        }
        catch (Exception e)
        {
            // Whatever went wrong, the target must not keep a session nobody reads: it would block on a full socket.
            if (session is not null)
            {
                await session.DisposeAsync().ConfigureAwait(false);
            }
            else
            {
                eventPipe?.Dispose();
                if (connector is not null)
                    await connector.DisposeAsync().ConfigureAwait(false);
            }
            if (SessionErrors.IsExpected(e))
                throw SessionErrors.Map(e, pid, socket);
            throw;
        }
    }

    /// <summary>The method bodies known for methods called <paramref name="name"/> (Namespace.Type.Method): for tests and diagnostics.</summary>
    internal IReadOnlyList<JittedMethod> MethodBodies(string name)
    {
        lock (_gate)
            return [.. _methods.All.Where(m => m.Name == name)];
    }

    /// <summary>The profile from the start of the session (or the last <see cref="Reset"/>) until now.</summary>
    public Profile Snapshot()
    {
        if (_final is { } final)
            return final;
        Profile profile;
        lock (_gate)
            profile = BuildProfile();
        RefreshRundownIfNeeded(force: false);
        return profile;
    }

    /// <summary>Starts the counts over: the next snapshot covers only what follows.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _samples.Reset();
            _profileStart = Now();
        }
    }

    /// <summary>
    /// Stops the session, waits for the last events (bounded by
    /// <see cref="ManagedProfilerOptions.StopTimeout"/>), writes pending request rows, and
    /// returns the final profile. Safe to call again; later calls return the same profile.
    /// </summary>
    public Task<Profile> StopAsync(CancellationToken ct = default)
    {
        // Concurrent callers (the editor closing while a command stops) share one stop.
        // On the pool: the lock is held only to start it, and Dispose may block on it from any context.
        lock (_gate)
            return _stopping ??= Task.Run(() => StopCoreAsync(ct), CancellationToken.None);
    }

    private async Task<Profile> StopCoreAsync(CancellationToken ct)
    {
        if (!_ended.Task.IsCompleted && _options.Sample)
        {
            // Last chance to name precompiled code first run since the last rundown: the process is still there.
            lock (_gate)
                BuildProfile();
            if (RefreshRundownIfNeeded(force: true) is { } refresh)
                await Task.WhenAny(refresh, Task.Delay(_options.StopTimeout, CancellationToken.None)).ConfigureAwait(false);
        }
        if (!_ended.Task.IsCompleted)
        {
            _stopRequested = true;
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(_options.StopTimeout);
                await _session.StopAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (SessionErrors.IsExpected(e) || e is OperationCanceledException)
            {
                // The process is gone or does not answer: cutting the stream below ends processing.
            }
            if (await Task.WhenAny(_ended.Task, Task.Delay(_options.StopTimeout, CancellationToken.None)).ConfigureAwait(false) != _ended.Task)
            {
                _session.Dispose();
                await Task.WhenAny(_ended.Task, Task.Delay(TimeSpan.FromSeconds(5), CancellationToken.None)).ConfigureAwait(false);
            }
        }
        // Processing has ended: this thread is now the only writer of the request sink.
        if (_ended.Task.IsCompleted)
            _requests?.Flush();
        Profile final;
        lock (_gate)
        {
            _endedAt ??= Now();
            final = BuildProfile();
        }
        _final = final;
        Release();
        return final;
    }

    public async ValueTask DisposeAsync()
    {
        if (_final is null)
            await StopAsync().ConfigureAwait(false);
        Release();
    }

    /// <summary>Stops like <see cref="StopAsync"/> (blocking), so that pending request rows are written too.</summary>
    public void Dispose()
    {
        if (_final is null)
            StopAsync().GetAwaiter().GetResult();
        Release();
    }

    /// <summary>
    /// Runs another rundown in the background when a snapshot met ReadyToRun code no
    /// event named (at most every <see cref="RundownRefreshInterval"/> unless forced):
    /// precompiled methods announce themselves only in rundowns.
    /// </summary>
    private Task? RefreshRundownIfNeeded(bool force)
    {
        lock (_gate)
        {
            if (!_frames.MissedPrecompiledCode || _ended.Task.IsCompleted || _rundownRefresh is { IsCompleted: false })
                return _rundownRefresh is { IsCompleted: false } running ? running : null;
            long now = Environment.TickCount64;
            if (!force && now - _lastRundownMs < RundownRefreshInterval.TotalMilliseconds)
                return null;
            _frames.MissedPrecompiledCode = false;
            _lastRundownMs = now;
            _rundowns++;
            _rundownRefresh = Task.Run(RefreshRundownAsync);
            return _rundownRefresh;
        }
    }

    private async Task RefreshRundownAsync()
    {
        try
        {
            await RundownReader.ReadAsync(_connector.Instance, _methods, _gate, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (SessionErrors.IsExpected(e))
        {
            // The process is exiting or refused: the frames stay named by module and offset.
        }
    }

    private static List<EventPipeProvider> Providers(ManagedProfilerOptions options)
    {
        var providers = new List<EventPipeProvider>();
        if (options.Sample)
        {
            providers.Add(ClrProviders.MethodEvents);
            providers.Add(ClrProviders.SampleProfiler);
        }
        if (options.Requests is not null)
            providers.AddRange(options.Requests.Providers());
        return providers;
    }

    private void Run()
    {
        try
        {
            _source.Process();
        }
#pragma warning disable CA1031 // An exception escaping this thread would kill the host (the editor, the CLI): it becomes the session's fault.
        catch (Exception e)
#pragma warning restore CA1031
        {
            // A stream cut by stop or by the process dying ends here too; only other breaks are faults.
            if (!_stopRequested && SessionErrors.ProcessIsAlive(Pid))
                _fault = e;
        }
        finally
        {
            // The runtime closes its sessions while shutting down, a moment before the process is gone.
            if (!_stopRequested && ProcessWatch.ExitsWithin(Pid, Upid, TimeSpan.FromSeconds(3)))
                _processExited = true;
            else if (!_stopRequested && _fault is null)
                _fault = new InvalidOperationException("The runtime ended the session although the process still runs.");
            lock (_gate)
                _endedAt ??= Now();
            _ended.TrySetResult();
        }
    }

    private void OnThreadSample(ClrThreadSampleTraceData data)
    {
        CallStackIndex index = data.CallStackIndex();
        bool managed = data.Type == ClrThreadSampleType.Managed;
        lock (_gate)
        {
            _sampleCount++;
            if (index == CallStackIndex.Invalid)
            {
                _noStackSamples++;
                return;
            }
            if (managed)
                _managedSamples++;
            else
                _externalSamples++;
            _samples.Add(_source.TraceLog, index, managed);
        }
    }

    private Profile BuildProfile()
    {
        TimeSpan end = _endedAt ?? Now();
        var profile = new Profile(end - _profileStart, ClrProviders.SamplesPerThreadPerSecond, "eventpipe");
        profile.ProcessNames[(uint)Pid] = ProcessName;
        if (!_options.Sample)
            return profile;
        (long managed, long external) = _samples.BuildProfile(profile, Upid, _frames, _options.IncludeBlockedSamples);
        AddNotes(profile, managed, external);
        return profile;
    }

    private void AddNotes(Profile profile, long managed, long external)
    {
        CultureInfo c = CultureInfo.InvariantCulture;
        profile.Notes.Add(_options.IncludeBlockedSamples
            ? string.Create(c, $"Thread-time view: samples of blocked, waiting and native threads are included ({external} of {managed + external}).")
            : string.Create(c, $"CPU view: only samples of threads running managed code are counted; {external} samples of blocked, waiting or native threads were left out (EventPipe samples thread time)."));
        if (_samples.DroppedSamples > 0)
            profile.Notes.Add(string.Create(c, $"{_samples.DroppedSamples} samples of stacks beyond the {_options.MaxStacks} distinct-stack limit were dropped."));
        int lost = EventsLost();
        if (lost > 0)
            profile.Notes.Add(string.Create(c, $"The runtime dropped {lost} events because the session buffer was full: counts are low."));
        if (_lines is not null)
        {
            foreach ((string module, string problem) in _lines.Problems)
                profile.Notes.Add($"No source lines for {module}: {problem}.");
        }
        if (_processExited)
            profile.Notes.Add(string.Create(c, $"Process {Pid} exited after {(_endedAt ?? Now()).TotalSeconds:0.0} s; the profile ends there."));
        if (_fault is { } fault)
            profile.Notes.Add($"The event stream broke: {fault.Message}");
    }

    private int EventsLost()
    {
        try
        {
            return _source.EventsLost;
        }
        catch (Exception e) when (e is ObjectDisposedException or NullReferenceException)
        {
            return 0;
        }
    }

    private TimeSpan Now() => _clock.Elapsed;

    private void Release()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        _source.Dispose();
        _session.Dispose();
        _connector.DisposeAsync().AsTask().GetAwaiter().GetResult();
        lock (_gate)
            _lines?.Dispose();
    }
}
