using System.Text;
using System.Text.Json;
using Apache.Arrow;
using Apache.Arrow.Arrays;
using Apache.Arrow.Types;
using Devtools.Core.Storage;
using Devtools.Core.Storage.Columns;
using Devtools.Core.Tests.Support;

namespace Devtools.Core.Tests.Storage;

public sealed class ColumnTests
{
    [Fact]
    public void Int64ColumnBuildsValuesAndNulls()
    {
        var column = new Int64Column("n");
        column.Append(1);
        column.AppendNull();
        column.Append(long.MinValue);

        var array = (Int64Array)column.Build();

        Assert.Equal(3, array.Length);
        Assert.Equal(1, array.NullCount);
        Assert.Equal([1, null, long.MinValue], array.ToArray());
        Assert.Equal(0, column.Length);
    }

    [Fact]
    public void TimestampColumnKeepsNanosecondsAndUtc()
    {
        var column = new TimestampColumn("time_");
        column.Append(1_700_000_000_123_456_789);

        var array = (TimestampArray)column.Build();

        Assert.Equal(1_700_000_000_123_456_789, array.Values[0]);
        var type = Assert.IsType<TimestampType>(array.Data.DataType);
        Assert.Equal(TimeUnit.Nanosecond, type.Unit);
        Assert.Equal("UTC", type.Timezone);
    }

    [Fact]
    public void BooleanColumnPacksBits()
    {
        var column = new BooleanColumn("b");
        bool?[] expected = Enumerable.Range(0, 20).Select(i => i == 13 ? (bool?)null : i % 3 == 0).ToArray();
        foreach (bool? value in expected)
        {
            if (value is bool b)
            {
                column.Append(b);
            }
            else
            {
                column.AppendNull();
            }
        }

        var array = (BooleanArray)column.Build();

        Assert.Equal(expected, Enumerable.Range(0, array.Length).Select(array.GetValue).ToArray());
        Assert.Equal(1, array.NullCount);
    }

    [Fact]
    public void UpidColumnStoresBigEndianFixedSizeBinaryWithMetadata()
    {
        var column = new UpidColumn("upid");
        var upid = new Upid(1, 2, 3);
        column.Append(upid);
        column.AppendNull();

        var array = (FixedSizeBinaryArray)column.Build();

        Assert.Equal(16, ((FixedSizeBinaryType)array.Data.DataType).ByteWidth);
        Assert.Equal(upid, Upid.ReadBigEndian(array.GetBytes(0)));
        Assert.True(array.IsNull(1));
        Assert.True(DevtoolsArrowTypes.IsUint128(column.Field));
    }

    [Fact]
    public void Utf8ColumnAppendsFromBytesCharsAndStrings()
    {
        var column = new Utf8Column("s");
        column.Append("héllo"u8);
        column.Append("wörld".AsSpan());
        column.Append((string?)null);
        column.Append(string.Empty);
        column.Append("🙂");

        var array = (StringArray)column.Build();

        string?[] expected = ["héllo", "wörld", null, "", "🙂"];
        Assert.Equal(expected, Enumerable.Range(0, array.Length).Select(i => array.GetString(i)).ToArray());
        Assert.Equal(1, array.NullCount);
    }

    [Fact]
    public void Utf8ColumnReplacesInvalidUtf8AndLoneSurrogates()
    {
        var column = new Utf8Column("s");
        column.Append([(byte)'a', 0xFF, (byte)'b', 0xC3]);
        column.Append("x\uD800y".AsSpan());

        var array = (StringArray)column.Build();

        Assert.Equal("a\uFFFDb\uFFFD", array.GetString(0));
        Assert.Equal("x\uFFFDy", array.GetString(1));
    }

    [Fact]
    public void Utf8ColumnTakesAValueWrittenInPiecesByAJsonWriter()
    {
        var column = new Utf8Column("req_headers");
        using var json = new Utf8JsonWriter(column);

        for (int row = 0; row < 2; row++)
        {
            json.Reset(column);
            json.WriteStartObject();
            json.WriteString("Host", "shop");
            json.WriteNumber("Row", row);
            json.WriteEndObject();
            json.Flush();
            column.Commit();
        }

        var array = (StringArray)column.Build();

        Assert.Equal("{\"Host\":\"shop\",\"Row\":0}", array.GetString(0));
        Assert.Equal("{\"Host\":\"shop\",\"Row\":1}", array.GetString(1));
    }

    [Fact]
    public void Utf8ColumnChecksShortValuesByteForByte()
    {
        // Short values take a shortcut when ASCII: a bad byte anywhere in them must still be seen.
        var column = new Utf8Column("s");
        var expected = new List<string>();
        for (int length = 0; length <= 20; length++)
        {
            for (int position = 0; position < Math.Max(1, length); position++)
            {
                byte[] value = [.. Enumerable.Range(0, length).Select(i => (byte)('a' + i))];
                column.Append(value);
                expected.Add(Encoding.ASCII.GetString(value));
                if (length == 0)
                    continue;
                value[position] = 0xFF;
                column.Append(value);
                expected.Add(Encoding.ASCII.GetString(value, 0, position) + "\uFFFD" + Encoding.ASCII.GetString(value, position + 1, length - position - 1));
            }
        }

        var array = (StringArray)column.Build();

        // The stored bytes, not a decoding of them (which would replace bad bytes by itself).
        Assert.Equal(expected.Select(Encoding.UTF8.GetBytes), Enumerable.Range(0, array.Length).Select(i => array.GetBytes(i).ToArray()));
    }

    [Fact]
    public void Utf8ColumnCommitsAValueKnownValidAsWritten()
    {
        var column = new Utf8Column("req_headers");
        "{\"k\":\"h\u00e9\"}"u8.CopyTo(column.GetSpan(16));
        column.Advance(11);
        column.CommitValidUtf8();
        column.Append("next"u8);

        var array = (StringArray)column.Build();

        Assert.Equal(2, array.Length);
        Assert.Equal("{\"k\":\"h\u00e9\"}", array.GetString(0));
        Assert.Equal("next", array.GetString(1));
    }

    [Fact]
    public void Utf8ColumnRefusesAWholeAppendWhileAValueIsPending()
    {
        var column = new Utf8Column("s");
        "abc"u8.CopyTo(column.GetSpan(3));
        column.Advance(3);

        Assert.Throws<InvalidOperationException>(() => column.Append("x"));

        column.DiscardPending();
        column.Append("x");
        Assert.Equal("x", ((StringArray)column.Build()).GetString(0));
    }

    [Fact]
    public void CommitOfInvalidPiecesReplacesThem()
    {
        var column = new Utf8Column("s");
        column.Append("first");
        Span<byte> span = column.GetSpan(3);
        span[0] = (byte)'o';
        span[1] = 0xFE;
        span[2] = (byte)'k';
        column.Advance(3);
        column.Commit();

        var array = (StringArray)column.Build();

        Assert.Equal("first", array.GetString(0));
        Assert.Equal("o\uFFFDk", array.GetString(1));
    }

    [Fact]
    public void BuildLeavesTheBuilderReusableAndTheArrayIndependent()
    {
        var column = new Utf8Column("s");
        column.Append("one");
        var first = (StringArray)column.Build();

        column.Append("two");
        column.Append("three");
        var second = (StringArray)column.Build();

        Assert.Equal("one", first.GetString(0));
        Assert.Equal(1, first.Length);
        Assert.Equal(["two", "three"], new[] { second.GetString(0), second.GetString(1) });
    }

    [Fact]
    public void NullsInOneBatchDoNotLeakIntoTheNext()
    {
        var column = new Int64Column("n");
        column.AppendNull();
        column.Build();

        column.Append(5);
        var array = (Int64Array)column.Build();

        Assert.Equal(0, array.NullCount);
        Assert.True(array.NullBitmapBuffer.IsEmpty);
        Assert.Equal(5, array.GetValue(0));
    }

    [Fact]
    public void EstimatedBytesMatchesWhatTheArrayHolds()
    {
        var column = new Utf8Column("s");
        column.Append("abcd");
        column.Append("ef");

        long estimated = column.EstimatedBytes;
        IArrowArray array = column.Build();

        Assert.Equal(6 + (3 * sizeof(int)), estimated);
        Assert.Equal(estimated, array.Data.Buffers.Sum(b => (long)b.Length));
    }

    [Fact]
    public void AppendingToAWarmColumnDoesNotAllocate()
    {
        var numbers = new Int64Column("n");
        var text = new Utf8Column("s");
        var upids = new UpidColumn("u");
        var flags = new BooleanColumn("b");
        const string value = "GET /orders/17 HTTP/1.1";
        void Fill()
        {
            for (int i = 0; i < 1000; i++)
            {
                numbers.Append(i);
                text.Append(value);
                text.Append("ascii"u8);
                upids.Append(new Upid(0, (uint)i, 1));
                flags.Append(i % 2 == 0);
            }
        }

        Fill();
        numbers.Clear();
        text.Clear();
        upids.Clear();
        flags.Clear();

        long allocated = Allocations.OfSteadyState(() =>
        {
            numbers.Clear();
            text.Clear();
            upids.Clear();
            flags.Clear();
            Fill();
        });

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Utf8ValuesOfAllLengthsRoundTrip()
    {
        var column = new Utf8Column("s");
        string[] values = Enumerable.Range(0, 300).Select(i => new string((char)('a' + (i % 26)), i)).ToArray();
        foreach (string v in values)
        {
            column.Append(Encoding.UTF8.GetBytes(v));
        }

        var array = (StringArray)column.Build();

        Assert.Equal(values, Enumerable.Range(0, array.Length).Select(i => array.GetString(i)).ToArray());
    }
}
