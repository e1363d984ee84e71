namespace Devtools.Core.Profiling.Bpf;

/// <summary>The kernel side of the profiler: what to sample, how often, and the map sizes.</summary>
public sealed record StackSamplerOptions
{
    /// <summary>Pixie's and bpftrace's habit: a prime near 100 Hz, so sampling does not lock step with periodic work.</summary>
    public const int DefaultSamplesPerSecond = 97;

    /// <summary>The highest rate allowed here: the kernel's perf_event_max_sample_rate, at most 10 kHz.</summary>
    public static int MaxSamplesPerSecond => Math.Min(PerfEvents.MaxSampleRate(), 10_000);

    /// <summary>Samples per second on each CPU.</summary>
    public int SamplesPerSecond { get; init; } = DefaultSamplesPerSecond;

    /// <summary>Only this process (0: every process).</summary>
    public int TargetPid { get; init; }

    /// <summary>
    /// Stacks each half of the double buffer holds (each entry ~1 KiB of locked
    /// kernel memory: 127 frames). The buckets are this rounded up to a power of
    /// two, and a second stack hashing to a taken bucket is lost (counted as a
    /// collision): keep it well above the distinct stacks of one read interval.
    /// </summary>
    public int StackMapEntries { get; init; } = 8192;

    /// <summary>Distinct (pid, user stack, kernel stack) counts per half.</summary>
    public int CountMapEntries { get; init; } = 16384;

    /// <summary>How long to wait after flipping halves for programs still writing to the old one.</summary>
    public TimeSpan GracePeriod { get; init; } = TimeSpan.FromMilliseconds(10);

    public void Validate()
    {
        int max = MaxSamplesPerSecond;
        if (SamplesPerSecond < 1 || SamplesPerSecond > max)
            throw new ArgumentOutOfRangeException(nameof(SamplesPerSecond), SamplesPerSecond, $"The sampling rate must be between 1 and {max} Hz.");
        if (TargetPid < 0)
            throw new ArgumentOutOfRangeException(nameof(TargetPid), TargetPid, "The pid must not be negative.");
        if (StackMapEntries is < 64 or > 1 << 20)
            throw new ArgumentOutOfRangeException(nameof(StackMapEntries), StackMapEntries, "Between 64 and 1048576 stacks.");
        if (CountMapEntries is < 64 or > 1 << 22)
            throw new ArgumentOutOfRangeException(nameof(CountMapEntries), CountMapEntries, "Between 64 and 4194304 counts.");
    }
}
