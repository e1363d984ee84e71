using Apache.Arrow;
using Devtools.Core.Storage;
using Devtools.Core.Storage.Schemas;
using Devtools.Core.Storage.Tables;
using Devtools.Core.Tests.Support;

namespace Devtools.Core.Tests.Storage;

public sealed class TableTests
{
    [Fact]
    public void CommittedRowsBecomeVisibleWhenSealed()
    {
        var table = HttpRows.NewTable();
        HttpRows.AppendMany(table, 3);

        Assert.Equal(3, table.TotalRows);
        Assert.Equal(0, table.RetainedRows);

        Assert.True(table.Seal());

        TableSnapshot snapshot = table.Snapshot();
        SealedBatch batch = Assert.Single(snapshot.Batches);
        Assert.Equal(3, batch.RowCount);
        Assert.Equal(0, batch.FirstRowId);
        Assert.Equal(1_000, batch.MinTimeUnixNs);
        Assert.Equal(1_020, batch.MaxTimeUnixNs);
        Assert.True(batch.IsFinal);
        Assert.Equal(batch.Bytes, table.RetainedBytes);
        Assert.Equal(3, table.RetainedRows);
    }

    [Fact]
    public void SealWithNothingPendingIsANoOp()
    {
        var table = HttpRows.NewTable();

        Assert.False(table.Seal());
        HttpRows.AppendMany(table, 1);
        Assert.True(table.Seal());
        Assert.False(table.Seal());
        Assert.Single(table.Snapshot().Batches);
    }

    [Fact]
    public void FullBatchesSealThemselves()
    {
        var table = HttpRows.NewTable(maxBatchRows: 100);

        HttpRows.AppendMany(table, 250);

        TableSnapshot snapshot = table.Snapshot();
        Assert.Equal([100, 100], snapshot.Batches.Select(b => b.RowCount));
        Assert.Equal([0L, 100L], snapshot.Batches.Select(b => b.FirstRowId));
        Assert.Equal(250, table.TotalRows);
        Assert.Equal(50, table.Builder.RowCount);
    }

    [Fact]
    public void LargeRowsSealBeforeTheRowLimit()
    {
        var table = new Table<HttpEventsBuilder>(new HttpEventsBuilder(), new TableOptions
        {
            BudgetBytes = long.MaxValue,
            MaxBatchBytes = 64 * 1024,
        });
        string body = new('x', 4096);

        for (int i = 0; i < 64; i++)
        {
            new HttpRow(i, new Upid(0, 1, 1), ReqBody: body).AppendTo(table);
        }

        Assert.Single(table.Snapshot().Batches);
        Assert.Equal(64, table.Snapshot().RowCount);
    }

    [Fact]
    public void SnapshotsNeverChange()
    {
        var table = HttpRows.NewTable(maxBatchRows: 10);
        HttpRows.AppendMany(table, 10);
        TableSnapshot before = table.Snapshot();

        HttpRows.AppendMany(table, 30);

        Assert.Single(before.Batches);
        Assert.Equal(10, before.RowCount);
        Assert.Equal(4, table.Snapshot().Batches.Length);
    }

    [Fact]
    public void TickPublishesRowsOlderThanSealAfterWithoutSealingThem()
    {
        var clock = new ManualTimeProvider();
        var table = HttpRows.NewTable(clock: clock);
        HttpRows.AppendMany(table, 2);

        Assert.False(table.Tick());
        clock.Advance(TimeSpan.FromMilliseconds(249));
        Assert.False(table.Tick());
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(table.Tick());

        SealedBatch tail = Assert.Single(table.Snapshot().Batches);
        Assert.False(tail.IsFinal);
        Assert.Equal(2, tail.RowCount);
        Assert.Equal(2, table.Builder.RowCount);

        // Nothing new: nothing to publish, however long we wait.
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.False(table.Tick());

        // New rows replace the tail with a longer copy starting at the same row id.
        HttpRows.AppendMany(table, 3, start: 5_000);
        clock.Advance(TimeSpan.FromMilliseconds(250));
        Assert.True(table.Tick());
        tail = Assert.Single(table.Snapshot().Batches);
        Assert.Equal(5, tail.RowCount);
        Assert.Equal(0, tail.FirstRowId);

        // Sealing turns the tail into a final batch with the same rows.
        Assert.True(table.Seal());
        SealedBatch final = Assert.Single(table.Snapshot().Batches);
        Assert.True(final.IsFinal);
        Assert.Equal(5, final.RowCount);
    }

    [Fact]
    public void EvictionDropsTheOldestBatchesFirstAndCountsThem()
    {
        var probe = HttpRows.NewTable(maxBatchRows: 10);
        HttpRows.AppendMany(probe, 10);
        long batchBytes = probe.Snapshot().Batches[0].Bytes;

        // Room for three batches of (nearly) the same size, but not four.
        var table = HttpRows.NewTable(budgetBytes: (batchBytes * 3) + (batchBytes / 2), maxBatchRows: 10);
        HttpRows.AppendMany(table, 60);

        TableSnapshot snapshot = table.Snapshot();
        Assert.Equal([30L, 40L, 50L], snapshot.Batches.Select(b => b.FirstRowId));
        Assert.Equal(30, table.EvictedRows);
        Assert.Equal(30, snapshot.FirstRowId);
        Assert.Equal(60, table.TotalRows);
        Assert.Equal(30, table.RetainedRows);
        Assert.True(table.RetainedBytes <= table.BudgetBytes);
        Assert.Equal(snapshot.Batches.Sum(b => b.Bytes), table.RetainedBytes);
        Assert.InRange(table.EvictedBytes, (batchBytes * 3) - 100, (batchBytes * 3) + 100);
        Assert.Equal(table.TotalRows, table.RetainedRows + table.EvictedRows);
    }

    [Fact]
    public void ThePublishedTailIsNeverEvicted()
    {
        var clock = new ManualTimeProvider();
        var table = HttpRows.NewTable(budgetBytes: 1, clock: clock);
        HttpRows.AppendMany(table, 5);
        clock.Advance(TimeSpan.FromSeconds(1));

        table.Tick();

        Assert.Equal(5, table.RetainedRows);
        Assert.Equal(0, table.EvictedRows);

        table.Seal();
        Assert.Equal(0, table.RetainedRows);
        Assert.Equal(5, table.EvictedRows);
    }

    [Fact]
    public void ScanSkipsBatchesOutsideTheRangeAndFiltersRowsInside()
    {
        var table = HttpRows.NewTable(maxBatchRows: 10);

        // time_ = 0, 10, 20, ... 990 in 10 batches of 10 rows.
        HttpRows.AppendMany(table, 100, start: 0, step: 10);

        RowSelection[] selections = table.Scan(255, 420).ToArray();

        Assert.Equal([2L, 3L, 4L], selections.Select(s => s.Batch.FirstRowId / 10));
        long[] times = selections.SelectMany(s => Times(s)).ToArray();
        Assert.Equal(Enumerable.Range(26, 16).Select(i => i * 10L), times);
        Assert.Equal(16, selections.Sum(s => s.Count()));
        Assert.True(selections[1].AllRowsInTimeRange);
        Assert.False(selections[0].AllRowsInTimeRange);
    }

    [Fact]
    public void ScanMatchesABruteForceFilterOnUnorderedTimes()
    {
        var random = new Random(7);
        var table = HttpRows.NewTable(maxBatchRows: 37);
        var times = new List<long>();
        for (int i = 0; i < 500; i++)
        {
            long time = random.NextInt64(0, 10_000);
            times.Add(time);
            new HttpRow(time, new Upid(0, 1, 1)).AppendTo(table);
        }

        table.Seal();

        for (int trial = 0; trial < 50; trial++)
        {
            long from = random.NextInt64(-100, 10_100);
            long to = from + random.NextInt64(0, 3_000);
            long[] expected = times.Where(t => t >= from && t < to).Order().ToArray();
            long[] actual = table.Scan(from, to).SelectMany(Times).Order().ToArray();
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void ReadAfterTailsTheTableWithACursor()
    {
        var clock = new ManualTimeProvider();
        var table = HttpRows.NewTable(maxBatchRows: 10, clock: clock);
        var seen = new List<long>();
        long cursor = -1;

        void Drain()
        {
            TableSnapshot snapshot = table.Snapshot();
            foreach (RowSelection selection in snapshot.ReadAfter(cursor))
            {
                foreach (int row in selection)
                {
                    seen.Add(selection.RowIdOf(row));
                }
            }

            cursor = snapshot.NextRowId - 1;
        }

        HttpRows.AppendMany(table, 15);
        Drain();
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), seen);

        // The 5 pending rows show up through the published tail, and are not repeated when sealed.
        clock.Advance(TimeSpan.FromSeconds(1));
        table.Tick();
        Drain();
        HttpRows.AppendMany(table, 7);
        Drain();
        table.Seal();
        Drain();
        Drain();

        Assert.Equal(Enumerable.Range(0, 22).Select(i => (long)i), seen);
    }

    [Fact]
    public void ReadAfterReportsAGapWhenRowsWereEvicted()
    {
        var table = HttpRows.NewTable(budgetBytes: 1, maxBatchRows: 10);
        HttpRows.AppendMany(table, 30);

        TableSnapshot snapshot = table.Snapshot();

        Assert.Empty(snapshot.ReadAfter(5));
        Assert.Equal(30, snapshot.FirstRowId);
        Assert.Equal(30, snapshot.NextRowId);
    }

    [Fact]
    public async Task OneWriterAndManyReadersStayConsistent()
    {
        const int Rows = 60_000;
        var clock = new ManualTimeProvider();
        var probe = HttpRows.NewTable(maxBatchRows: 256);
        HttpRows.AppendMany(probe, 256);
        var table = HttpRows.NewTable(budgetBytes: probe.RetainedBytes * 20, maxBatchRows: 256, clock: clock);
        using var done = new CancellationTokenSource();
        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var started = new CountdownEvent(2);
        long reads = 0;

        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            long lastNext = 0;
            long cursor = -1;
            started.Signal();
            while (!done.IsCancellationRequested)
            {
                Interlocked.Increment(ref reads);
                TableSnapshot snapshot = table.Snapshot();
                long total = table.TotalRows;

                // Row ids are contiguous across batches, and time_ = row id in this test.
                long expectedId = snapshot.FirstRowId;
                long rows = 0;
                foreach (SealedBatch batch in snapshot.Batches)
                {
                    if (batch.FirstRowId != expectedId)
                    {
                        failures.Enqueue($"gap at {expectedId}");
                    }

                    var time = batch.Time;
                    for (int i = 0; i < batch.RowCount; i += 97)
                    {
                        if (time.Values[i] != batch.FirstRowId + i)
                        {
                            failures.Enqueue($"row {batch.FirstRowId + i} has time {time.Values[i]}");
                        }
                    }

                    expectedId = batch.EndRowId;
                    rows += batch.RowCount;
                }

                if (rows != snapshot.RowCount || expectedId != snapshot.NextRowId || snapshot.NextRowId < lastNext || snapshot.NextRowId > total)
                {
                    failures.Enqueue($"inconsistent snapshot: rows {rows}/{snapshot.RowCount}, next {snapshot.NextRowId}, last {lastNext}, total {total}");
                }

                lastNext = snapshot.NextRowId;
                long scanned = table.Scan(lastNext / 2, lastNext).Sum(s => (long)s.Count());
                if (scanned < 0)
                {
                    failures.Enqueue("negative count");
                }

                foreach (RowSelection selection in snapshot.ReadAfter(cursor))
                {
                    if (selection.RowIdOf(selection.StartRow) <= cursor)
                    {
                        failures.Enqueue("ReadAfter repeated a row");
                    }
                }

                cursor = snapshot.NextRowId - 1;
            }
        })).ToArray();

        // Write only once every reader is running, so they really do overlap with the writer.
        Assert.True(started.Wait(TimeSpan.FromSeconds(30)));
        for (int i = 0; i < Rows; i++)
        {
            new HttpRow(i, new Upid(0, 1, 1)).AppendTo(table);
            if (i % 1000 == 0)
            {
                clock.Advance(TimeSpan.FromSeconds(1));
                table.Tick();
            }
        }

        table.Seal();
        done.Cancel();
        await Task.WhenAll(readers);

        Assert.Empty(failures);
        Assert.True(reads > 3);
        Assert.Equal(Rows, table.TotalRows);
        Assert.Equal(Rows, table.RetainedRows + table.EvictedRows);
        Assert.True(table.EvictedRows > 0);
    }

    private static List<long> Times(RowSelection selection)
    {
        var list = new List<long>();
        TimestampArray time = selection.Batch.Time;
        foreach (int row in selection)
        {
            list.Add(time.Values[row]);
        }

        return list;
    }
}
