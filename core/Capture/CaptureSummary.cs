using Devtools.Core.Capture.SocketTrace;
using Devtools.Core.Storage.Tables;

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

    /// <summary>
    /// The kernel's non-zero drop counts of things lost (events, calls, connections), by
    /// reason; the byte counts that go with some of them are left out, their bytes being
    /// counted in user space already (lost_bytes, truncated_bytes).
    /// </summary>
    public IReadOnlyList<KeyValuePair<KernelDropReason, ulong>> KernelLosses =>
        [.. KernelDrops.Where(d => d.Value > 0 && d.Key is not (KernelDropReason.RingBufferFullDataBytes or KernelDropReason.TruncatedBytes)).OrderBy(d => d.Key)];

    /// <summary>The protocols that parsed anything (those with a records counter), in counter order.</summary>
    public IEnumerable<string> Protocols =>
        Counters.Select(c => c.Key).Where(k => k.EndsWith(".records", StringComparison.Ordinal)).Select(k => k[..^".records".Length]);

    /// <summary>Parse errors over every protocol.</summary>
    public long ParseErrors => Counters.Where(c => c.Key.EndsWith(".parse_errors", StringComparison.Ordinal)).Sum(c => c.Value);
}

/// <summary>Rows one table holds and lost to its byte budget.</summary>
public sealed record TableSummary(string Name, long TotalRows, long RetainedRows, long RetainedBytes, long EvictedRows)
{
    public static TableSummary Of(Table table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return new(table.Name, table.TotalRows, table.RetainedRows, table.RetainedBytes, table.EvictedRows);
    }
}
