using Apache.Arrow;

namespace Devtools.Core.Storage.Tables;

/// <summary>
/// An immutable record batch as retained by a table, with what scans need to skip it cheaply:
/// its row id range and its <c>time_</c> range.
/// </summary>
public sealed class SealedBatch
{
    internal SealedBatch(RecordBatch recordBatch, long firstRowId, long minTimeUnixNs, long maxTimeUnixNs, bool isFinal)
    {
        RecordBatch = recordBatch;
        FirstRowId = firstRowId;
        MinTimeUnixNs = minTimeUnixNs;
        MaxTimeUnixNs = maxTimeUnixNs;
        IsFinal = isFinal;
        Bytes = MeasureBytes(recordBatch);
    }

    /// <summary>The rows. Never modified; safe to read from any thread.</summary>
    public RecordBatch RecordBatch { get; }

    /// <summary>Row id of row 0. Row ids count every row ever appended to the table, from 0.</summary>
    public long FirstRowId { get; }

    /// <summary>Number of rows.</summary>
    public int RowCount => RecordBatch.Length;

    /// <summary>One past the row id of the last row.</summary>
    public long EndRowId => FirstRowId + RowCount;

    /// <summary>Smallest non-null <c>time_</c>.</summary>
    public long MinTimeUnixNs { get; }

    /// <summary>Largest non-null <c>time_</c>.</summary>
    public long MaxTimeUnixNs { get; }

    /// <summary>Bytes held by the batch's Arrow buffers.</summary>
    public long Bytes { get; }

    /// <summary>
    /// False for the table's newest batch while it is still a published copy of rows the writer
    /// keeps appending to; a later snapshot replaces it with a longer one that has the same
    /// <see cref="FirstRowId"/>.
    /// </summary>
    public bool IsFinal { get; }

    /// <summary>The <c>time_</c> column.</summary>
    public TimestampArray Time => (TimestampArray)RecordBatch.Column(0);

    /// <summary>True when some row may have <c>time_</c> in [<paramref name="fromUnixNs"/>, <paramref name="toUnixNs"/>).</summary>
    public bool Overlaps(long fromUnixNs, long toUnixNs) => MinTimeUnixNs < toUnixNs && MaxTimeUnixNs >= fromUnixNs;

    private static long MeasureBytes(RecordBatch batch)
    {
        long bytes = 0;
        foreach (IArrowArray array in batch.Arrays)
        {
            foreach (ArrowBuffer buffer in array.Data.Buffers)
            {
                bytes += buffer.Length;
            }
        }

        return bytes;
    }
}
