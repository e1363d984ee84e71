using Apache.Arrow;
using Apache.Arrow.Arrays;
using Apache.Arrow.Ipc;
using Apache.Arrow.Types;
using Devtools.Core.Storage;
using Devtools.Core.Storage.Columns;
using Devtools.Core.Storage.Export;
using Devtools.Core.Storage.Schemas;
using Devtools.Core.Storage.Tables;
using Devtools.Core.Tests.Support;

namespace Devtools.Core.Tests.Storage;

public sealed class ArrowIpcExporterTests
{
    [Fact]
    public void HttpEventsRoundTripValueForValue()
    {
        var table = HttpRows.NewTable(maxBatchRows: 7);
        var random = new Random(3);
        for (int i = 0; i < 20; i++)
        {
            new HttpRow(
                Time: 1_700_000_000_000_000_000 + (i * 1_234_567) + 1,
                Upid: new Upid((uint)i, uint.MaxValue - (uint)i, ulong.MaxValue - (ulong)i),
                Method: i % 2 == 0 ? "GET" : "POST",
                Path: $"/orders/{i}?q=ü",
                Status: 200 + i,
                Latency: random.NextInt64(),
                ReqBody: i % 5 == 0 ? null : new string('b', i),
                Encrypted: i % 3 == 0).AppendTo(table);
        }

        // Nulls in a non-string column too.
        HttpEventsBuilder b = table.Builder;
        foreach (ColumnBuilder column in b.Columns)
        {
            column.AppendNull();
        }

        table.CommitRow();
        table.Seal();

        RecordBatch[] read = RoundTrip(table, out Schema schema);

        AssertSchemasEqual(table.Schema, schema);
        Assert.Equal(table.Snapshot().Batches.Select(x => x.RowCount), read.Select(x => x.Length));
        foreach ((SealedBatch expected, RecordBatch actual) in table.Snapshot().Batches.Zip(read))
        {
            AssertBatchesEqual(expected.RecordBatch, actual);
        }
    }

    [Fact]
    public void BooleanAndCounterTablesRoundTrip()
    {
        var table = new Table<ConnStatsBuilder>(new ConnStatsBuilder(), new TableOptions { BudgetBytes = long.MaxValue });
        for (int i = 0; i < 10; i++)
        {
            ConnStatsBuilder b = table.Builder;
            b.Time.Append(i);
            b.Upid.Append(new Upid(0, 10, 20));
            b.RemoteAddr.Append($"10.0.0.{i}");
            b.RemotePort.Append(5432);
            b.TraceRole.Append(TraceRoles.Client);
            b.AddrFamily.Append(2);
            b.Protocol.Append(3);
            b.Ssl.Append(i % 2 == 1);
            b.ConnOpen.Append(i);
            b.ConnClose.Append(0);
            b.ConnActive.Append(i);
            b.BytesSent.Append(long.MaxValue - i);
            b.BytesRecv.Append(-i);
            table.CommitRow();
        }

        table.Seal();

        RecordBatch batch = Assert.Single(RoundTrip(table, out _));
        AssertBatchesEqual(table.Snapshot().Batches[0].RecordBatch, batch);
    }

    [Fact]
    public void AnEmptyTableIsAValidStreamWithItsSchema()
    {
        var table = HttpRows.NewTable();

        RecordBatch[] read = RoundTrip(table, out Schema schema);

        Assert.Empty(read);
        AssertSchemasEqual(table.Schema, schema);
    }

    [Fact]
    public async Task AsyncWriteMatchesSyncWrite()
    {
        var table = HttpRows.NewTable();
        HttpRows.AppendMany(table, 5);
        table.Seal();
        using var sync = new MemoryStream();
        using var async = new MemoryStream();

        ArrowIpcExporter.Write(table, sync);
        await ArrowIpcExporter.WriteAsync(table, async);

        Assert.Equal(sync.ToArray(), async.ToArray());
    }

    [Fact]
    public void TheStreamIsLeftOpenForTheCaller()
    {
        var table = HttpRows.NewTable();
        using var stream = new MemoryStream();

        ArrowIpcExporter.Write(table, stream);

        Assert.True(stream.CanWrite);
    }

    private static RecordBatch[] RoundTrip(ITable table, out Schema schema)
    {
        using var stream = new MemoryStream();
        ArrowIpcExporter.Write(table, stream);
        stream.Position = 0;
        using var reader = new ArrowStreamReader(stream);
        var batches = new List<RecordBatch>();
        while (reader.ReadNextRecordBatch() is RecordBatch batch)
        {
            batches.Add(batch);
        }

        schema = reader.Schema;
        return [.. batches];
    }

    private static void AssertSchemasEqual(Schema expected, Schema actual)
    {
        Assert.Equal(expected.FieldsList.Count, actual.FieldsList.Count);
        foreach ((Field e, Field a) in expected.FieldsList.Zip(actual.FieldsList))
        {
            Assert.Equal(e.Name, a.Name);
            Assert.Equal(e.DataType.TypeId, a.DataType.TypeId);
            Assert.Equal(e.IsNullable, a.IsNullable);
            Assert.Equal(DevtoolsArrowTypes.IsUint128(e), DevtoolsArrowTypes.IsUint128(a));
            if (e.DataType is TimestampType et)
            {
                var at = Assert.IsType<TimestampType>(a.DataType);
                Assert.Equal(et.Unit, at.Unit);
                Assert.Equal("UTC", at.Timezone);
            }
        }
    }

    private static void AssertBatchesEqual(RecordBatch expected, RecordBatch actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int c = 0; c < expected.ColumnCount; c++)
        {
            IArrowArray e = expected.Column(c);
            IArrowArray a = actual.Column(c);
            string name = expected.Schema.GetFieldByIndex(c).Name;
            Assert.Equal(e.NullCount, a.NullCount);
            for (int row = 0; row < expected.Length; row++)
            {
                Assert.True(e.IsNull(row) == a.IsNull(row), $"{name}[{row}] nullness");
                Assert.True(Equals(ValueAt(e, row), ValueAt(a, row)), $"{name}[{row}]: {ValueAt(e, row)} vs {ValueAt(a, row)}");
            }
        }
    }

    private static object? ValueAt(IArrowArray array, int row) => array.IsNull(row) ? null : array switch
    {
        TimestampArray t => t.Values[row],
        Int64Array i => i.Values[row],
        BooleanArray b => b.GetValue(row),
        StringArray s => s.GetString(row),
        FixedSizeBinaryArray f => Upid.ReadBigEndian(f.GetBytes(row)),
        _ => throw new NotSupportedException(array.GetType().Name),
    };
}
