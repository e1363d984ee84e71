using Devtools.Core.Profiling.Bpf;

namespace Devtools.Core.Profiling;

/// <summary>How the eBPF CPU profiler samples, reads and hands over profiles.</summary>
public sealed record CpuProfilerOptions
{
    public StackSamplerOptions Sampler { get; init; } = new();

    /// <summary>
    /// How often the kernel's counts are read, symbolized and cleared. Short on
    /// purpose: symbols are read while processes still exist, and the fewer
    /// stacks a stack map holds, the rarer hash collisions are (a collision
    /// chance per new stack of about stacks held / buckets). A read costs a few
    /// syscalls per distinct stack, so reading often is cheap.
    /// </summary>
    public TimeSpan ReadInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Length of one profile interval (one stack_traces.beta row per process and stack per interval); Pixie folds every 30 s.</summary>
    public TimeSpan FlushInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Distinct stacks per interval; reaching it ends the interval early (bounded memory, nothing lost).</summary>
    public int MaxStacksPerInterval { get; init; } = 50_000;

    /// <summary>Budget for cached ELF symbol tables.</summary>
    public long SymbolCacheBytes { get; init; } = 256L << 20;

    /// <summary>With a target pid: stop once the process is gone (the profile keeps what was sampled).</summary>
    public bool StopWhenTargetExits { get; init; } = true;

    public void Validate()
    {
        Sampler.Validate();
        if (ReadInterval < TimeSpan.FromMilliseconds(50) || ReadInterval > TimeSpan.FromMinutes(5))
            throw new ArgumentOutOfRangeException(nameof(ReadInterval), ReadInterval, "Between 50 ms and 5 min.");
        if (FlushInterval < ReadInterval)
            throw new ArgumentOutOfRangeException(nameof(FlushInterval), FlushInterval, "At least the read interval.");
        if (MaxStacksPerInterval < 16)
            throw new ArgumentOutOfRangeException(nameof(MaxStacksPerInterval), MaxStacksPerInterval, "At least 16.");
    }
}
