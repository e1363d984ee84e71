using Devtools.Core.Profiling.Bpf;

namespace Devtools.Core.Profiling;

/// <summary>What the profiler did and lost, for the summary every profiling command prints.</summary>
public sealed record ProfilerStats(
    long Samples,
    long Collections,
    int Cpus,
    int SamplesPerSecond,
    IReadOnlyDictionary<ProfilerDropReason, ulong> KernelDrops,
    long DroppedSamples,
    bool KernelSymbols)
{
    /// <summary>Wall time spent reading and clearing the kernel's maps (grace periods excluded).</summary>
    public TimeSpan ReadTime { get; init; }

    /// <summary>Wall time spent symbolizing and aggregating what was read.</summary>
    public TimeSpan SymbolizeTime { get; init; }

    /// <summary>Samples whose count was lost in the kernel, plus samples beyond the stack cap.</summary>
    public long LostSamples => (long)KernelDrops.GetValueOrDefault(ProfilerDropReason.CountMapFull) + DroppedSamples;

    /// <summary>One line per problem, empty when nothing was lost.</summary>
    public IEnumerable<string> Problems()
    {
        foreach ((ProfilerDropReason reason, ulong count) in KernelDrops.OrderBy(kv => kv.Key))
        {
            if (count == 0)
                continue;
            yield return reason switch
            {
                ProfilerDropReason.UserStackCollision => $"{count:N0} user stacks lost to stack map hash collisions (the samples are kept, without user frames)",
                ProfilerDropReason.KernelStackCollision => $"{count:N0} kernel stacks lost to stack map hash collisions (samples kept)",
                ProfilerDropReason.UserStackMapFull => $"{count:N0} user stacks lost: stack map full (samples kept)",
                ProfilerDropReason.KernelStackMapFull => $"{count:N0} kernel stacks lost: stack map full (samples kept)",
                ProfilerDropReason.UserStackUnreadable => $"{count:N0} user stacks unreadable (samples kept)",
                ProfilerDropReason.CountMapFull => $"{count:N0} samples lost: the kernel count map was full",
                _ => $"{count:N0} {reason}",
            };
        }
        if (DroppedSamples > 0)
            yield return $"{DroppedSamples:N0} samples not kept: too many distinct stacks";
        if (!KernelSymbols)
            yield return "kernel symbols unavailable (/proc/kallsyms hides addresses: kptr_restrict, or not root): kernel frames show addresses";
    }
}
