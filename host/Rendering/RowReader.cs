using Apache.Arrow;
using Apache.Arrow.Arrays;
using Devtools.Core.Storage;

namespace Devtools.Host.Rendering;

/// <summary>Typed access to one record batch's columns by name, for printing rows.</summary>
public sealed class RowReader(RecordBatch batch)
{
    private readonly Dictionary<string, IArrowArray> _columns = [];

    public RecordBatch Batch { get; } = batch;

    public string Text(string column, int row) => Column<StringArray>(column)?.GetString(row) ?? string.Empty;

    public long Number(string column, int row) => Column<Int64Array>(column)?.GetValue(row) ?? 0;

    public long Time(string column, int row) => Column<TimestampArray>(column)?.GetValue(row) ?? 0;

    public Upid Upid(int row) =>
        Column<FixedSizeBinaryArray>("upid") is { } upid ? Core.Storage.Upid.ReadBigEndian(upid.GetBytes(row)) : default;

    private T? Column<T>(string name)
        where T : class, IArrowArray
    {
        if (!_columns.TryGetValue(name, out IArrowArray? array))
        {
            int index = Batch.Schema.GetFieldIndex(name);
            if (index < 0)
                return null;
            array = Batch.Column(index);
            _columns[name] = array;
        }
        return array as T;
    }
}
