using Apache.Arrow;
using Apache.Arrow.Arrays;
using Devtools.Core.Storage;
using Devtools.Core.Storage.Tables;

namespace Devtools.Core.Query.Common;

/// <summary>
/// Reads a whole protocol table into plain .NET rows (HttpEvent, MysqlEvent, …): one loop
/// over batches and selected rows for every protocol; each row type says only which
/// columns it takes. Allocates per row: for embedders and tests, not the hot paths.
/// </summary>
public static class EventRows
{
    /// <summary>Every row <paramref name="table"/> holds now, oldest first.</summary>
    public static List<T> ReadAll<T>(ITable table, Func<EventColumns, int, T> read)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(read);
        var rows = new List<T>();
        foreach (RowSelection selection in table.ReadAfter(-1))
        {
            var columns = new EventColumns(selection.RecordBatch);
            foreach (int row in selection)
                rows.Add(read(columns, row));
        }
        return rows;
    }
}

/// <summary>Typed access to one batch's columns by schema name; nulls read as 0, "" or false.</summary>
public readonly struct EventColumns(RecordBatch batch)
{
    public long Time(int row) => ((TimestampArray)batch.Column("time_")).GetValue(row) ?? 0;

    public Upid Upid(int row) => Storage.Upid.ReadBigEndian(((FixedSizeBinaryArray)batch.Column("upid")).GetBytes(row));

    public string Text(string name, int row) => ((StringArray)batch.Column(name)).GetString(row) ?? string.Empty;

    public long Number(string name, int row) => ((Int64Array)batch.Column(name)).GetValue(row) ?? 0;

    public bool Flag(string name, int row) => ((BooleanArray)batch.Column(name)).GetValue(row) ?? false;
}
