using System.Diagnostics;
using Apache.Arrow;
using Devtools.Core.Storage.Columns;

namespace Devtools.Core.Storage.Schemas;

/// <summary>
/// Builds record batches for one table: owns its columns in schema order and counts rows.
/// Write one value into every column, then call <see cref="EndRow"/>.
/// </summary>
/// <remarks>
/// Every Devtools table starts with <c>time_</c> and <c>upid</c> (rows are always about a process
/// at a moment), so those two columns live here; the table store relies on <see cref="Time"/> to
/// record each batch's time range.
/// </remarks>
public abstract class RecordBatchBuilder
{
    private readonly List<ColumnBuilder> _columns = [];
    private Schema? _schema;

    /// <summary>Creates the builder and its first two columns, <c>time_</c> and <c>upid</c>.</summary>
    protected RecordBatchBuilder(string tableName)
    {
        ArgumentException.ThrowIfNullOrEmpty(tableName);
        TableName = tableName;
        Time = AddColumn(new TimestampColumn("time_"));
        Upid = AddColumn(new UpidColumn("upid"));
    }

    /// <summary>The table this builder fills, e.g. <c>http_events</c>.</summary>
    public string TableName { get; }

    /// <summary><c>time_</c>: when the event happened, ns since the Unix epoch.</summary>
    public TimestampColumn Time { get; }

    /// <summary><c>upid</c>: the process the event belongs to.</summary>
    public UpidColumn Upid { get; }

    /// <summary>The columns in schema order.</summary>
    public IReadOnlyList<ColumnBuilder> Columns => _columns;

    /// <summary>The Arrow schema, derived from the columns (so it cannot drift from them).</summary>
    public Schema Schema => _schema ??= new Schema(_columns.Select(c => c.Field), metadata: null);

    /// <summary>Rows completed with <see cref="EndRow"/> since the last build or clear.</summary>
    public int RowCount { get; private set; }

    /// <summary>Bytes the built batch will hold.</summary>
    public long EstimatedBytes
    {
        get
        {
            long bytes = 0;
            foreach (ColumnBuilder column in _columns)
            {
                bytes += column.EstimatedBytes;
            }

            return bytes;
        }
    }

    /// <summary>Completes the row whose values were just appended to every column.</summary>
    public void EndRow()
    {
        RowCount++;
        AssertEveryColumnHas(RowCount);
    }

    /// <summary>Drops the values appended for a row that will not be completed.</summary>
    public void CancelRow()
    {
        foreach (ColumnBuilder column in _columns)
        {
            if (column.Length > RowCount)
            {
                column.Truncate(RowCount);
            }
        }
    }

    /// <summary>
    /// Returns the completed rows as an immutable record batch and starts an empty one. The batch
    /// owns exact-size copies; the builder keeps its scratch space.
    /// </summary>
    public RecordBatch Build()
    {
        RecordBatch batch = CopyToRecordBatch();
        Clear();
        return batch;
    }

    /// <summary>Forgets every row, keeping the scratch space.</summary>
    public void Clear()
    {
        foreach (ColumnBuilder column in _columns)
        {
            column.Clear();
        }

        RowCount = 0;
    }

    /// <summary>An immutable batch of the rows so far, leaving them in the builder.</summary>
    internal RecordBatch CopyToRecordBatch()
    {
        var arrays = new IArrowArray[_columns.Count];
        for (int i = 0; i < arrays.Length; i++)
        {
            ColumnBuilder column = _columns[i];
            if (column.Length != RowCount)
            {
                throw new InvalidOperationException(
                    $"{TableName}.{column.Field.Name} has {column.Length} values for {RowCount} rows: a row was left half-written (call EndRow or CancelRow).");
            }

            arrays[i] = column.CopyToArray();
        }

        return new RecordBatch(Schema, arrays, RowCount);
    }

    /// <summary>Adds the next column of the schema; call from constructors only, in schema order.</summary>
    protected TColumn AddColumn<TColumn>(TColumn column)
        where TColumn : ColumnBuilder
    {
        ArgumentNullException.ThrowIfNull(column);
        if (_schema is not null)
        {
            throw new InvalidOperationException("Columns must be added before the schema is first used.");
        }

        _columns.Add(column);
        return column;
    }

    [Conditional("DEBUG")]
    private void AssertEveryColumnHas(int rows)
    {
        foreach (ColumnBuilder column in _columns)
        {
            Debug.Assert(
                column.Length == rows,
                $"{TableName}.{column.Field.Name} has {column.Length} values at the end of row {rows}.");
        }
    }
}
