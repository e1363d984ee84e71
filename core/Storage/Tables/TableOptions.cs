namespace Devtools.Core.Storage.Tables;

/// <summary>Limits and timings of one table.</summary>
public sealed record TableOptions
{
    /// <summary>Bytes of sealed batches to keep; the oldest batches are evicted beyond it.</summary>
    public required long BudgetBytes { get; init; }

    /// <summary>Rows after which the writer's batch is sealed.</summary>
    public int MaxBatchRows { get; init; } = 4096;

    /// <summary>
    /// Bytes after which the writer's batch is sealed even if it has fewer rows, so that large
    /// payloads still leave the budget split into enough batches to evict gradually.
    /// </summary>
    public long MaxBatchBytes { get; init; } = 8L << 20;

    /// <summary>Longest time a committed row may stay invisible to readers (see <see cref="Table.Tick"/>).</summary>
    public TimeSpan SealAfter { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Clock for <see cref="SealAfter"/>; tests substitute their own.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(BudgetBytes);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBatchRows, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBatchBytes, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(SealAfter, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(TimeProvider);
    }
}
