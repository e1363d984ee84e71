using System.Diagnostics;
using Devtools.Core.Common;
using Devtools.Core.Metadata;
using Devtools.Core.Profiling.Bpf;
using Devtools.Core.Profiling.Symbols;

namespace Devtools.Core.Profiling;

/// <summary>
/// The continuous eBPF CPU profiler: samples every CPU (or one process) with
/// <see cref="StackSampler"/>, reads the kernel's counts every
/// <see cref="CpuProfilerOptions.ReadInterval"/> on its own thread, symbolizes
/// them right away (while the processes still exist) and hands one
/// <see cref="Profile"/> per <see cref="CpuProfilerOptions.FlushInterval"/> to the
/// sink, and a last one at <see cref="Stop"/>.
/// </summary>
public sealed class CpuProfiler : IDisposable
{
    public const string Source = "ebpf";

    private readonly CpuProfilerOptions _options;
    private readonly IProfileSink _sink;
    private readonly StackSampler _sampler;
    private readonly Symbolizer _symbolizer;
    private readonly ManualResetEventSlim _stop = new();
    private readonly Stopwatch _clock = new();
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Thread? _thread;
    private Profile _interval;
    private TimeSpan _intervalStart;
    private long _samples;
    private long _collections;
    private long _droppedSamples;
    private long _readTicks;
    private long _symbolizeTicks;
    private volatile bool _targetExited;
    private IReadOnlyDictionary<ProfilerDropReason, ulong>? _finalDrops;

    public CpuProfiler(CpuProfilerOptions options, IProfileSink sink, ProcessRegistry? processes = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sink);
        options.Validate();
        _options = options;
        _sink = sink;
        _sampler = new StackSampler(options.Sampler);
        _symbolizer = new Symbolizer(processes, elfCacheBytes: options.SymbolCacheBytes);
        _interval = NewInterval();
    }

    public CpuProfilerOptions Options => _options;

    /// <summary>Set when the profiler thread failed; sampling has stopped.</summary>
    public Exception? Fault { get; private set; }

    public bool IsRunning => _thread is { IsAlive: true };

    /// <summary>The target process (options' pid) is gone; the profiler stopped reading after a last collection.</summary>
    public bool TargetExited => _targetExited;

    /// <summary>
    /// Completes when the reader thread ends by itself or on <see cref="Stop"/>: the target
    /// exited or sampling failed (<see cref="Fault"/>). Lets callers wait without polling.
    /// </summary>
    public Task Ended => _ended.Task;

    /// <summary>Time since sampling started.</summary>
    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>Samples read from the kernel so far.</summary>
    public long Samples => Interlocked.Read(ref _samples);

    /// <summary>Loads the sampler (throws with an actionable message when this machine cannot) and starts the reader thread.</summary>
    public void Start()
    {
        if (_thread is not null)
            throw new InvalidOperationException("The profiler is already started.");
        if (_options.Sampler.TargetPid is > 0 and var pid)
        {
            // Learn the target's mappings and name now: it may exit before the first read.
            _symbolizer.Prepare((uint)pid);
        }
        _sampler.Start();
        _clock.Start();
        _intervalStart = TimeSpan.Zero;
        _thread = new Thread(Run) { IsBackground = true, Name = "devtools-profiler" };
        _thread.Start();
    }

    /// <summary>Stops sampling after a last read and flush. Idempotent.</summary>
    public void Stop()
    {
        if (_thread is null)
            return;
        _stop.Set();
        _thread.Join();
        _thread = null;
        _clock.Stop();
        _finalDrops = _sampler.Drops();
        _sampler.Dispose();
    }

    public ProfilerStats Stats() => new(
        Samples,
        Interlocked.Read(ref _collections),
        _sampler.Cpus,
        _options.Sampler.SamplesPerSecond,
        _finalDrops ?? _sampler.Drops(),
        Interlocked.Read(ref _droppedSamples),
        _symbolizer.KernelSymbolsAvailable)
    {
        ReadTime = Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _readTicks)),
        SymbolizeTime = Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _symbolizeTicks)),
    };

    private void Run()
    {
        try
        {
            while (!_stop.Wait(_options.ReadInterval))
            {
                Collect();
                if (_options.Sampler.TargetPid > 0 && _options.StopWhenTargetExits && !ProcessAlive((uint)_options.Sampler.TargetPid))
                {
                    // Samples taken between the last read and the exit are still in the kernel.
                    Collect();
                    uint pid = (uint)_options.Sampler.TargetPid;
                    _interval.Notes.Add($"process {pid} ({_symbolizer.Processes.GetName(pid)}) exited {_clock.Elapsed.TotalSeconds:0.0} s into the profile: the profile holds what was sampled until then");
                    _targetExited = true;
                    break;
                }
                if (_clock.Elapsed - _intervalStart >= _options.FlushInterval || _interval.StackCount >= _options.MaxStacksPerInterval)
                    Flush();
            }
            if (!_targetExited)
                Collect();
            Flush();
        }
        catch (Exception e)
        {
            Fault = e;
        }
        finally
        {
            _ended.TrySetResult();
        }
    }

    private void Collect()
    {
        long start = Stopwatch.GetTimestamp();
        List<SampledStack> batch = _sampler.Collect();
        long read = Stopwatch.GetTimestamp();
        _symbolizer.BeginCollection();
        long samples = 0;
        foreach (SampledStack sample in batch)
        {
            StackFrame[] frames = _symbolizer.Resolve(sample);
            uint pid = sample.Pid;
            if (!_interval.ProcessNames.ContainsKey(pid))
                _interval.ProcessNames[pid] = _symbolizer.Processes.GetName(pid);
            long dropped = _interval.DroppedSamples;
            _interval.AddOwned(_symbolizer.UpidOf(pid), frames, sample.Count);
            Interlocked.Add(ref _droppedSamples, _interval.DroppedSamples - dropped);
            samples += sample.Count;
        }
        Interlocked.Add(ref _samples, samples);
        Interlocked.Increment(ref _collections);
        // The grace period is a sleep, not work: leave it out of the read time.
        Interlocked.Add(ref _readTicks, Math.Max(0, read - start - (long)(_options.Sampler.GracePeriod.TotalSeconds * Stopwatch.Frequency)));
        Interlocked.Add(ref _symbolizeTicks, Stopwatch.GetTimestamp() - read);
    }

    private void Flush()
    {
        TimeSpan now = _clock.Elapsed;
        Profile interval = _interval;
        interval.Duration = now - _intervalStart;
        _interval = NewInterval();
        _intervalStart = now;
        if (interval.TotalSamples > 0 || interval.Notes.Count > 0)
            _sink.OnProfile(interval, MonotonicClock.UnixNowNs());
    }

    private Profile NewInterval() => new(TimeSpan.Zero, _options.Sampler.SamplesPerSecond, Source) { MaxStacks = _options.MaxStacksPerInterval };

    /// <summary>Running or sleeping: not gone, and not a zombie waiting to be reaped (its maps are already empty).</summary>
    internal static bool ProcessAlive(uint pid)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            int close = stat.LastIndexOf(')');
            return close < 0 || close + 2 >= stat.Length || stat[close + 2] is not ('Z' or 'X');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        Stop();
        _sampler.Dispose();
        _stop.Dispose();
    }
}
