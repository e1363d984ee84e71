using System.Buffers;
using System.Text;
using System.Text.Json;
using Apache.Arrow;
using Devtools.Core.Storage.Tables;

namespace Devtools.Core.Storage.Export;

/// <summary>
/// Writes a table as JSON Lines: one object per row, keys are the schema's column names. Columns
/// that already hold JSON (the *_headers columns) are written as JSON strings, exactly as stored.
/// </summary>
public static class JsonLinesExporter
{
    // Rows are rendered into a buffer and handed to the destination in chunks of about this size.
    private const int ChunkBytes = 64 * 1024;

    /// <summary>Writes every row retained by <paramref name="table"/> now.</summary>
    public static void Write(ITable table, TextWriter destination)
    {
        ArgumentNullException.ThrowIfNull(table);
        Write(table.Schema, table.Snapshot().ReadAfter(-1), destination);
    }

    /// <summary>Writes every row retained by <paramref name="table"/> now, as UTF-8.</summary>
    public static void Write(ITable table, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(table);
        Write(table.Schema, table.Snapshot().ReadAfter(-1), destination);
    }

    /// <summary>Writes the selected rows (e.g. from a scan) to a text writer; <paramref name="include"/> may skip rows.</summary>
    public static void Write(Schema schema, IEnumerable<RowSelection> rows, TextWriter destination, Func<RecordBatch, int, bool>? include = null)
    {
        ArgumentNullException.ThrowIfNull(destination);
        char[] chars = ArrayPool<char>.Shared.Rent(Encoding.UTF8.GetMaxCharCount(ChunkBytes * 2));
        try
        {
            WriteChunks(schema, rows, include, chunk =>
            {
                if (chars.Length < chunk.Length)
                {
                    ArrayPool<char>.Shared.Return(chars);
                    chars = ArrayPool<char>.Shared.Rent(chunk.Length);
                }

                // Chunks end on row boundaries, so they never split a UTF-8 sequence.
                int count = Encoding.UTF8.GetChars(chunk, chars);
                destination.Write(chars, 0, count);
            });
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>Writes the selected rows (e.g. from a scan) to a stream as UTF-8.</summary>
    public static void Write(Schema schema, IEnumerable<RowSelection> rows, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        WriteChunks(schema, rows, include: null, destination.Write);
    }

    private static void WriteChunks(Schema schema, IEnumerable<RowSelection> rows, Func<RecordBatch, int, bool>? include, ChunkSink sink)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(rows);
        var rowWriter = new JsonRowWriter(schema);
        var buffer = new ArrayBufferWriter<byte>(ChunkBytes * 2);
        using var json = new Utf8JsonWriter(buffer, JsonRowWriter.WriterOptions);
        foreach (RowSelection selection in rows)
        {
            RecordBatch batch = selection.RecordBatch;
            foreach (int row in selection)
            {
                if (include is not null && !include(batch, row))
                    continue;
                rowWriter.WriteRow(json, batch, row);
                json.Flush();
                buffer.Write("\n"u8);

                // A JSON writer takes one root value; reset it for the next line.
                json.Reset();
                if (buffer.WrittenCount >= ChunkBytes)
                {
                    sink(buffer.WrittenSpan);
                    buffer.ResetWrittenCount();
                }
            }
        }

        if (buffer.WrittenCount > 0)
        {
            sink(buffer.WrittenSpan);
        }
    }

    private delegate void ChunkSink(ReadOnlySpan<byte> chunk);
}
