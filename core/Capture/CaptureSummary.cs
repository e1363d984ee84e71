using Devtools.Core.Capture.SocketTrace;

namespace Devtools.Core.Capture;

/// <summary>What a capture did, for the summary every capturing command ends with.</summary>
public sealed record CaptureSummary(
    TimeSpan Duration,
    long Events,
    long CapturedBytes,
    IReadOnlyDictionary<KernelDropReason, ulong> KernelDrops,
    IReadOnlyList<KeyValuePair<string, long>> Counters,
    IReadOnlyList<TableSummary> Tables)
{
    /// <summary>Events the kernel could not deliver (ring buffer full).</summary>
    public ulong DroppedEvents =>
        KernelDrops.GetValueOrDefault(KernelDropReason.RingBufferFullData) + KernelDrops.GetValueOrDefault(KernelDropReason.RingBufferFullControl);

    public long Counter(string name) => Counters.FirstOrDefault(c => c.Key == name).Value;

    /// <summary>Parse errors over every protocol.</summary>
    public long ParseErrors => Counters.Where(c => c.Key.EndsWith(".parse_errors", StringComparison.Ordinal)).Sum(c => c.Value);
}

/// <summary>Rows one table holds and lost to its byte budget.</summary>
public sealed record TableSummary(string Name, long TotalRows, long RetainedRows, long RetainedBytes, long EvictedRows);
