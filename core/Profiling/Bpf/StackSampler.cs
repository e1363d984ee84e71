using Devtools.Core.Capture;
using Devtools.Core.Capture.Bpf;

namespace Devtools.Core.Profiling.Bpf;

/// <summary>
/// The kernel half of the profiler (bpf/profiler.bpf.c): perf events on every
/// online CPU run the sampling program, which counts stacks in one half of a
/// double buffer. <see cref="Collect"/> flips the halves and reads the old one.
/// One thread calls <see cref="Collect"/>; nothing here is thread-safe.
/// </summary>
public sealed class StackSampler : IDisposable
{
    private const int EEXIST = 17;
    private const int ENOMEM = 12;
    private const int EFAULT = 14;

    private readonly StackSamplerOptions _options;
    private BpfObject? _object;
    private uint _half;

    public StackSampler(StackSamplerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
    }

    /// <summary>CPUs with a sampling event attached (still told after disposal, for summaries).</summary>
    public int Cpus { get; private set; }

    /// <summary>Loads the program and starts sampling on every online CPU.</summary>
    public void Start()
    {
        if (_object is not null)
            throw new InvalidOperationException("The sampler is already started.");
        CaptureEnvironment.EnsureReady();
        BpfObject obj = BpfObject.OpenEmbedded("profiler");
        try
        {
            foreach (string name in (string[])["pf_stacks_0", "pf_stacks_1"])
                obj.Map(name).SetMaxEntries((uint)_options.StackMapEntries);
            foreach (string name in (string[])["pf_counts_0", "pf_counts_1"])
                obj.Map(name).SetMaxEntries((uint)_options.CountMapEntries);
            obj.Load();
            obj.Map("pf_config").Update(0u, new ProfilerConfig { TargetTgid = (uint)_options.TargetPid });
            obj.Map("pf_buffer").Update(0u, 0u);
            foreach (int cpu in PerfEvents.OnlineCpus())
            {
                if (PerfEvents.OpenCpuClock(cpu, _options.SamplesPerSecond) is not { } fd)
                    continue;
                try
                {
                    // On success libbpf's link owns the fd and closes it with the link.
                    obj.AttachPerfEvent("pf_sample", fd);
                }
                catch
                {
                    PerfEvents.Close(fd);
                    throw;
                }
                Cpus++;
            }
            if (Cpus == 0)
                throw new BpfException("No online CPU accepted a sampling perf event");
        }
        catch
        {
            obj.Dispose();
            Cpus = 0;
            throw;
        }
        _object = obj;
    }

    /// <summary>
    /// Flips the halves, waits out the grace period, then reads and clears the
    /// half that was being written: every count since the previous call, each
    /// with its stacks. Counts are taken with one batch call, stacks with one
    /// lookup-and-delete each; any stack left without a count is deleted too, so
    /// the half starts empty next time.
    /// </summary>
    public List<SampledStack> Collect()
    {
        BpfObject obj = _object ?? throw new InvalidOperationException("Start the sampler first.");
        uint old = _half;
        _half ^= 1;
        obj.Map("pf_buffer").Update(0u, _half);
        // Programs that looked the half up before the flip may still be writing to it.
        Thread.Sleep(_options.GracePeriod);

        BpfMap counts = obj.Map($"pf_counts_{old}");
        BpfMap stacks = obj.Map($"pf_stacks_{old}");
        var taken = new List<KeyValuePair<StackCountKey, ulong>>();
        if (!counts.TryTakeAll(taken))
        {
            // No batch support (or a bucket larger than a chunk): one key at a time for what is left.
            foreach (StackCountKey key in counts.Keys<StackCountKey>())
            {
                if (counts.TryLookup(key, out ulong count))
                    taken.Add(new KeyValuePair<StackCountKey, ulong>(key, count));
                counts.Delete(key);
            }
        }
        var result = new List<SampledStack>(taken.Count);
        var resolved = new Dictionary<int, ulong[]?>();
        foreach ((StackCountKey key, ulong count) in taken)
        {
            if (count == 0)
                continue;
            (ulong[] user, StackStatus userStatus) = Stack(stacks, key.UserStackId, resolved);
            (ulong[] kernel, StackStatus kernelStatus) = Stack(stacks, key.KernelStackId, resolved);
            result.Add(new SampledStack(key.Pid, user, userStatus, kernel, kernelStatus, (long)count));
        }
        // Stacks whose count never made it (count map full) would otherwise stay forever.
        foreach (int id in stacks.Keys<int>())
            stacks.Delete(id);
        return result;
    }

    /// <summary>The kernel's problem counters, by reason, since start.</summary>
    public IReadOnlyDictionary<ProfilerDropReason, ulong> Drops()
    {
        var drops = new Dictionary<ProfilerDropReason, ulong>();
        if (_object is null)
            return drops;
        BpfMap map = _object.Map("pf_drops");
        foreach (ProfilerDropReason reason in Enum.GetValues<ProfilerDropReason>())
            drops[reason] = map.SumPerCpu((uint)reason);
        return drops;
    }

    private static (ulong[] Ips, StackStatus Status) Stack(BpfMap stacks, int id, Dictionary<int, ulong[]?> resolved)
    {
        if (id < 0)
        {
            StackStatus status = -id switch
            {
                EEXIST => StackStatus.Collision,
                ENOMEM => StackStatus.MapFull,
                EFAULT => StackStatus.Unreadable,
                1 => StackStatus.None, // PF_NO_STACK
                _ => StackStatus.Unreadable,
            };
            return ([], status);
        }
        if (!resolved.TryGetValue(id, out ulong[]? ips))
        {
            // Read and cleared at once: the half starts empty next time.
            ips = stacks.TryTake(id, out StackIps raw) ? Trim(raw) : null;
            resolved[id] = ips;
        }
        return ips is null ? ([], StackStatus.Missing) : (ips, StackStatus.Ok);
    }

    private static ulong[] Trim(StackIps raw)
    {
        ReadOnlySpan<ulong> all = raw;
        int depth = all.IndexOf(0UL);
        return (depth < 0 ? all : all[..depth]).ToArray();
    }

    public void Dispose()
    {
        _object?.Dispose();
        _object = null;
    }
}
