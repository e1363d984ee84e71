using Apache.Arrow;

namespace Devtools.Core.Storage.Tables;

/// <summary>
/// The reader's view of a table. Every member is safe to call from any thread while the writer
/// appends; reads never take a lock.
/// </summary>
public interface ITable
{
    /// <summary>Table name, e.g. <c>http_events</c>.</summary>
    string Name { get; }

    /// <summary>Arrow schema of every batch.</summary>
    Schema Schema { get; }

    /// <summary>Bytes of sealed batches the table keeps before evicting the oldest.</summary>
    long BudgetBytes { get; }

    /// <summary>Rows ever committed, visible or not yet.</summary>
    long TotalRows { get; }

    /// <summary>Rows visible to readers now.</summary>
    long RetainedRows { get; }

    /// <summary>Bytes of the batches visible to readers now.</summary>
    long RetainedBytes { get; }

    /// <summary>Rows dropped to stay within <see cref="BudgetBytes"/>.</summary>
    long EvictedRows { get; }

    /// <summary>Bytes dropped to stay within <see cref="BudgetBytes"/>.</summary>
    long EvictedBytes { get; }

    /// <summary>The batches visible now, as an immutable snapshot.</summary>
    TableSnapshot Snapshot();

    /// <summary>Rows with <c>time_</c> in [<paramref name="fromUnixNs"/>, <paramref name="toUnixNs"/>) in the current snapshot.</summary>
    IEnumerable<RowSelection> Scan(long fromUnixNs, long toUnixNs);

    /// <summary>Rows with a row id greater than <paramref name="rowId"/> in the current snapshot.</summary>
    IEnumerable<RowSelection> ReadAfter(long rowId);
}
