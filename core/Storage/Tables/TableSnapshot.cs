using System.Collections.Immutable;

namespace Devtools.Core.Storage.Tables;

/// <summary>
/// What a table held at one instant: its sealed batches, oldest first. Immutable, so a reader can
/// take its time over it while the writer keeps appending and evicting.
/// </summary>
public sealed class TableSnapshot
{
    internal TableSnapshot(ImmutableArray<SealedBatch> batches, long nextRowId, long evictedBytes)
    {
        Batches = batches;
        NextRowId = nextRowId;
        EvictedBytes = evictedBytes;
        FirstRowId = batches.IsEmpty ? nextRowId : batches[0].FirstRowId;
        foreach (SealedBatch batch in batches)
        {
            RowCount += batch.RowCount;
            Bytes += batch.Bytes;
        }
    }

    /// <summary>The retained batches, oldest first.</summary>
    public ImmutableArray<SealedBatch> Batches { get; }

    /// <summary>Row id of the oldest retained row; rows before it were evicted.</summary>
    public long FirstRowId { get; }

    /// <summary>One past the newest row id in the snapshot: the cursor to pass to <see cref="ReadAfter"/> next time is <c>NextRowId - 1</c>.</summary>
    public long NextRowId { get; }

    /// <summary>Rows evicted before this snapshot was taken. Eviction is oldest first and row ids start at 0, so this equals <see cref="FirstRowId"/>.</summary>
    public long EvictedRows => FirstRowId;

    /// <summary>Bytes evicted before this snapshot was taken.</summary>
    public long EvictedBytes { get; }

    /// <summary>Rows in the snapshot.</summary>
    public long RowCount { get; }

    /// <summary>Bytes in the snapshot's batches.</summary>
    public long Bytes { get; }

    /// <summary>Rows with <c>time_</c> in [<paramref name="fromUnixNs"/>, <paramref name="toUnixNs"/>); batches outside the range are skipped whole.</summary>
    public IEnumerable<RowSelection> Scan(long fromUnixNs, long toUnixNs) => Select(fromUnixNs, toUnixNs, afterRowId: -1);

    /// <summary>Rows with a row id greater than <paramref name="rowId"/> (pass -1 for everything), for tailing a table.</summary>
    public IEnumerable<RowSelection> ReadAfter(long rowId) => Select(long.MinValue, long.MaxValue, rowId);

    /// <summary>Rows with <c>time_</c> in [<paramref name="fromUnixNs"/>, <paramref name="toUnixNs"/>) and a row id greater than <paramref name="afterRowId"/>.</summary>
    public IEnumerable<RowSelection> Select(long fromUnixNs, long toUnixNs, long afterRowId)
    {
        // Without a time bound, rows whose time_ is null are selected too.
        bool anyTime = fromUnixNs == long.MinValue && toUnixNs == long.MaxValue;
        foreach (SealedBatch batch in Batches)
        {
            if (batch.EndRowId - 1 <= afterRowId || (!anyTime && !batch.Overlaps(fromUnixNs, toUnixNs)))
            {
                continue;
            }

            int startRow = (int)Math.Max(0, afterRowId + 1 - batch.FirstRowId);
            yield return new RowSelection(batch, startRow, fromUnixNs, toUnixNs);
        }
    }
}
