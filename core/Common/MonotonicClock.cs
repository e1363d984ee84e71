using System.Diagnostics;

namespace Devtools.Core.Common;

/// <summary>
/// Kernel timestamps are CLOCK_MONOTONIC ns (bpf_ktime_get_ns); tables want Unix
/// ns. On Linux Stopwatch reads the same clock, so one offset taken at start
/// converts between them.
/// </summary>
public static class MonotonicClock
{
    private static readonly long UnixOffsetNs = ComputeOffset();

    /// <summary>Now, in CLOCK_MONOTONIC ns.</summary>
    public static long NowNs() => TicksToNs(Stopwatch.GetTimestamp());

    /// <summary>A kernel monotonic timestamp as ns since the Unix epoch.</summary>
    public static long ToUnixNs(long monotonicNs) => monotonicNs + UnixOffsetNs;

    /// <summary>Unix ns back to the monotonic clock (for time-range queries).</summary>
    public static long FromUnixNs(long unixNs) => unixNs - UnixOffsetNs;

    public static long UnixNowNs() => ToUnixNs(NowNs());

    private static long TicksToNs(long ticks) =>
        Stopwatch.Frequency == 1_000_000_000 ? ticks : (long)(ticks * (1e9 / Stopwatch.Frequency));

    private static long ComputeOffset()
    {
        // Bracket the wall-clock read with two monotonic reads and take the middle.
        long before = NowNs();
        long unix = (DateTime.UtcNow - DateTime.UnixEpoch).Ticks * 100;
        long after = NowNs();
        return unix - (before + (after - before) / 2);
    }
}
