using Apache.Arrow;

namespace Devtools.Core.Storage.Tables;

/// <summary>
/// The rows of one sealed batch that a scan asked for: those from <see cref="StartRow"/> on whose
/// <c>time_</c> lies in [<see cref="FromUnixNs"/>, <see cref="ToUnixNs"/>). Enumerate it to get
/// row indexes (no allocation), or read <see cref="RecordBatch"/> columns directly.
/// </summary>
public readonly struct RowSelection
{
    private readonly TimestampArray _time;

    internal RowSelection(SealedBatch batch, int startRow, long fromUnixNs, long toUnixNs)
    {
        Batch = batch;
        StartRow = startRow;
        FromUnixNs = fromUnixNs;
        ToUnixNs = toUnixNs;
        _time = batch.Time;
        AllRowsInTimeRange = (fromUnixNs == long.MinValue && toUnixNs == long.MaxValue)
            || (_time.NullCount == 0 && batch.MinTimeUnixNs >= fromUnixNs && batch.MaxTimeUnixNs < toUnixNs);
    }

    /// <summary>The batch the rows belong to.</summary>
    public SealedBatch Batch { get; }

    /// <summary>The batch's columns.</summary>
    public RecordBatch RecordBatch => Batch.RecordBatch;

    /// <summary>Rows before this index are not selected (they were read before, see ReadAfter).</summary>
    public int StartRow { get; }

    /// <summary>Inclusive lower bound on <c>time_</c>.</summary>
    public long FromUnixNs { get; }

    /// <summary>Exclusive upper bound on <c>time_</c>.</summary>
    public long ToUnixNs { get; }

    /// <summary>
    /// True when every row from <see cref="StartRow"/> on is selected, so no per-row check is
    /// needed; always the case for an unbounded range (long.MinValue to long.MaxValue), which
    /// also selects rows whose <c>time_</c> is null.
    /// </summary>
    public bool AllRowsInTimeRange { get; }

    /// <summary>True when row <paramref name="row"/> of the batch is selected.</summary>
    public bool Includes(int row)
    {
        if (row < StartRow || row >= Batch.RowCount)
        {
            return false;
        }

        if (AllRowsInTimeRange)
        {
            return true;
        }

        if (_time.IsNull(row))
        {
            return false;
        }

        long time = _time.Values[row];
        return time >= FromUnixNs && time < ToUnixNs;
    }

    /// <summary>Row id of row <paramref name="row"/> of the batch.</summary>
    public long RowIdOf(int row) => Batch.FirstRowId + row;

    /// <summary>Counts the selected rows.</summary>
    public int Count()
    {
        if (AllRowsInTimeRange)
        {
            return Batch.RowCount - StartRow;
        }

        int count = 0;
        foreach (int _ in this)
        {
            count++;
        }

        return count;
    }

    /// <summary>Enumerates the selected row indexes.</summary>
    public Enumerator GetEnumerator() => new(this);

    /// <summary>Allocation-free enumerator over selected row indexes.</summary>
    public struct Enumerator
    {
        private readonly RowSelection _selection;
        private int _row;

        internal Enumerator(RowSelection selection)
        {
            _selection = selection;
            _row = selection.StartRow - 1;
        }

        /// <summary>Index of the current row within the batch.</summary>
        public readonly int Current => _row;

        /// <summary>Moves to the next selected row.</summary>
        public bool MoveNext()
        {
            int rows = _selection.Batch.RowCount;
            while (++_row < rows)
            {
                if (_selection.AllRowsInTimeRange || _selection.Includes(_row))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
