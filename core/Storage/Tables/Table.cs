using System.Collections.Immutable;
using Apache.Arrow;
using Devtools.Core.Storage.Schemas;

namespace Devtools.Core.Storage.Tables;

/// <summary>
/// An in-memory table: one writer appends rows through a builder, any number of readers take
/// immutable snapshots of the sealed batches.
/// </summary>
/// <remarks>
/// <para>
/// Writer side (<see cref="CommitRow"/>, <see cref="Seal"/>, <see cref="Publish"/>,
/// <see cref="Tick"/>): one thread only, no locks. Readers get the latest <see cref="TableSnapshot"/>
/// through a volatile reference; a snapshot never changes, and batches are never disposed (their
/// buffers are managed memory), so a reader holding an evicted batch stays safe.
/// </para>
/// <para>
/// Visibility: a batch is sealed when it reaches <see cref="TableOptions.MaxBatchRows"/> rows or
/// <see cref="TableOptions.MaxBatchBytes"/> bytes. At low rates that could take hours, so
/// <see cref="Tick"/> publishes a copy of the rows so far as a provisional tail batch once the
/// oldest unpublished row is <see cref="TableOptions.SealAfter"/> old. The writer keeps filling the
/// same builder, and the next publish or seal replaces the tail. This keeps retained batches
/// full-sized (tiny batches would each cost kilobytes of Arrow objects) at the price of
/// re-copying at most one batch's worth of rows per tick, which is only noticeable at rates
/// where a batch fills in under a second and then the seal happens first anyway.
/// </para>
/// </remarks>
public abstract class Table : ITable
{
    private readonly RecordBatchBuilder _builder;
    private readonly TableOptions _options;

    // Writer-only state.
    private ImmutableArray<SealedBatch> _finalBatches = [];
    private long _finalBytes;
    private long _evictedBytes;
    private long _builderFirstRowId;
    private int _publishedTailRows;
    private bool _hasUnpublishedRows;
    private long _oldestUnpublishedTimestamp;

    // Shared with readers.
    private long _totalRows;
    private volatile TableSnapshot _snapshot;

    private protected Table(RecordBatchBuilder builder, TableOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (builder.RowCount != 0)
        {
            throw new ArgumentException("The builder must start empty.", nameof(builder));
        }

        _builder = builder;
        _options = options;
        _snapshot = new TableSnapshot([], nextRowId: 0, evictedBytes: 0);
    }

    /// <inheritdoc/>
    public string Name => _builder.TableName;

    /// <inheritdoc/>
    public Schema Schema => _builder.Schema;

    /// <summary>The table's limits.</summary>
    public TableOptions Options => _options;

    /// <inheritdoc/>
    public long BudgetBytes => _options.BudgetBytes;

    /// <inheritdoc/>
    public long TotalRows => Volatile.Read(ref _totalRows);

    /// <inheritdoc/>
    public long RetainedRows => _snapshot.RowCount;

    /// <inheritdoc/>
    public long RetainedBytes => _snapshot.Bytes;

    /// <inheritdoc/>
    public long EvictedRows => _snapshot.EvictedRows;

    /// <inheritdoc/>
    public long EvictedBytes => _snapshot.EvictedBytes;

    /// <inheritdoc/>
    public TableSnapshot Snapshot() => _snapshot;

    /// <inheritdoc/>
    public IEnumerable<RowSelection> Scan(long fromUnixNs, long toUnixNs) => Snapshot().Scan(fromUnixNs, toUnixNs);

    /// <inheritdoc/>
    public IEnumerable<RowSelection> ReadAfter(long rowId) => Snapshot().ReadAfter(rowId);

    /// <summary>Writer: completes the row just written to the builder's columns; seals the batch when it is full.</summary>
    public void CommitRow()
    {
        _builder.EndRow();
        Volatile.Write(ref _totalRows, _totalRows + 1);
        if (!_hasUnpublishedRows)
        {
            _hasUnpublishedRows = true;
            _oldestUnpublishedTimestamp = _options.TimeProvider.GetTimestamp();
        }

        int rows = _builder.RowCount;

        // Summing column sizes walks every column, so only check the byte limit every 64 rows.
        if (rows >= _options.MaxBatchRows || ((rows & 63) == 0 && _builder.EstimatedBytes >= _options.MaxBatchBytes))
        {
            Seal();
        }
    }

    /// <summary>Writer: turns the rows so far into a final sealed batch. Returns false when there were none.</summary>
    public bool Seal()
    {
        if (_builder.RowCount == 0)
        {
            return false;
        }

        (long minTime, long maxTime) = _builder.Time.MinMax();
        var batch = new SealedBatch(_builder.Build(), _builderFirstRowId, minTime, maxTime, isFinal: true);
        _builderFirstRowId = batch.EndRowId;
        _finalBatches = _finalBatches.Add(batch);
        _finalBytes += batch.Bytes;
        _publishedTailRows = 0;
        _hasUnpublishedRows = false;
        EvictAndPublish(tail: null);
        return true;
    }

    /// <summary>
    /// Writer: makes the rows so far visible to readers as a provisional tail batch, without
    /// sealing. Returns false when there was nothing new to show.
    /// </summary>
    public bool Publish()
    {
        int rows = _builder.RowCount;
        _hasUnpublishedRows = false;
        if (rows == 0 || rows == _publishedTailRows)
        {
            return false;
        }

        (long minTime, long maxTime) = _builder.Time.MinMax();
        var tail = new SealedBatch(_builder.CopyToRecordBatch(), _builderFirstRowId, minTime, maxTime, isFinal: false);
        _publishedTailRows = rows;
        EvictAndPublish(tail);
        return true;
    }

    /// <summary>Writer: <see cref="Publish"/> if the oldest unpublished row was committed at least <paramref name="maxAge"/> ago.</summary>
    public bool PublishIfOlderThan(TimeSpan maxAge)
    {
        if (!_hasUnpublishedRows || _options.TimeProvider.GetElapsedTime(_oldestUnpublishedTimestamp) < maxAge)
        {
            return false;
        }

        return Publish();
    }

    /// <summary>
    /// Writer: call every ~100 ms from the writer loop so rows become visible within
    /// <see cref="TableOptions.SealAfter"/> even at low rates.
    /// </summary>
    public bool Tick() => PublishIfOlderThan(_options.SealAfter);

    private void EvictAndPublish(SealedBatch? tail)
    {
        // The tail is never evicted: its rows are still in the builder and would come back with
        // the next publish. It becomes evictable once sealed.
        long retained = _finalBytes + (tail?.Bytes ?? 0);
        int drop = 0;
        while (drop < _finalBatches.Length && retained > _options.BudgetBytes)
        {
            retained -= _finalBatches[drop].Bytes;
            _evictedBytes += _finalBatches[drop].Bytes;
            drop++;
        }

        if (drop > 0)
        {
            _finalBatches = _finalBatches.RemoveRange(0, drop);
            _finalBytes = retained - (tail?.Bytes ?? 0);
        }

        ImmutableArray<SealedBatch> visible = tail is null ? _finalBatches : _finalBatches.Add(tail);
        long nextRowId = tail?.EndRowId ?? _builderFirstRowId;
        _snapshot = new TableSnapshot(visible, nextRowId, _evictedBytes);
    }
}

/// <summary>A <see cref="Table"/> with its typed builder, for the writer.</summary>
/// <typeparam name="TBuilder">The table's record batch builder.</typeparam>
public sealed class Table<TBuilder> : Table
    where TBuilder : RecordBatchBuilder
{
    /// <summary>Creates an empty table filled through <paramref name="builder"/>.</summary>
    public Table(TBuilder builder, TableOptions options)
        : base(builder, options) => Builder = builder;

    /// <summary>Writer: append one value to every column, then call <see cref="Table.CommitRow"/>.</summary>
    public TBuilder Builder { get; }
}
