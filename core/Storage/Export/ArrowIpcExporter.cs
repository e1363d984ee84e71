using Apache.Arrow;
using Apache.Arrow.Ipc;
using Devtools.Core.Storage.Tables;

namespace Devtools.Core.Storage.Export;

/// <summary>
/// Writes a table as an Arrow IPC stream (schema message, one message per retained batch, end
/// marker), the format pyarrow's <c>ipc.open_stream</c> and DuckDB's arrow reader take.
/// </summary>
public static class ArrowIpcExporter
{
    /// <summary>Writes every batch retained by <paramref name="table"/> now. An empty table still writes its schema.</summary>
    public static void Write(ITable table, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(table);
        Write(table.Schema, table.Snapshot(), destination);
    }

    /// <summary>Writes the batches of <paramref name="snapshot"/>, which must all have <paramref name="schema"/>.</summary>
    public static void Write(Schema schema, TableSnapshot snapshot, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(destination);

        // The caller owns the stream: several tables may go to one archive, or stdout.
        using var writer = new ArrowStreamWriter(destination, schema, leaveOpen: true);
        writer.WriteStart();
        foreach (SealedBatch batch in snapshot.Batches)
        {
            writer.WriteRecordBatch(batch.RecordBatch);
        }

        writer.WriteEnd();
    }

    /// <summary>Asynchronous <see cref="Write(ITable, Stream)"/>.</summary>
    public static async Task WriteAsync(ITable table, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(destination);
        TableSnapshot snapshot = table.Snapshot();
        using var writer = new ArrowStreamWriter(destination, table.Schema, leaveOpen: true);
        await writer.WriteStartAsync(cancellationToken).ConfigureAwait(false);
        foreach (SealedBatch batch in snapshot.Batches)
        {
            await writer.WriteRecordBatchAsync(batch.RecordBatch, cancellationToken).ConfigureAwait(false);
        }

        await writer.WriteEndAsync(cancellationToken).ConfigureAwait(false);
    }
}
