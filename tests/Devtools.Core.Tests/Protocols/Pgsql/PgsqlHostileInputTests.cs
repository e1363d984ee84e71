using Devtools.Core.Connections;
using static Devtools.Core.Tests.Protocols.Pgsql.PgWire;

namespace Devtools.Core.Tests.Protocols.Pgsql;

/// <summary>Bytes nobody should send: the parser must reject them, resynchronise, stay bounded and never throw.</summary>
public class PgsqlHostileInputTests
{
    private static readonly DataStreamOptions SmallStreams = new() { MaxBufferBytes = 64 * 1024 };

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void RandomGarbageNeverThrowsAndStaysBounded(int seed)
    {
        var random = new Random(seed);
        using var harness = new PgsqlHarness(streamOptions: SmallStreams);
        for (int i = 0; i < 300; i++)
        {
            byte[] bytes = new byte[random.Next(1, 4000)];
            random.NextBytes(bytes);
            Direction direction = random.Next(2) == 0 ? Direction.Ingress : Direction.Egress;
            if (random.Next(10) == 0)
                harness.Hole(direction, random.Next(1, 100_000));
            else
                harness.Feed(direction, bytes);
            AssertBounded(harness);
        }
        harness.Close();
        Assert.True(harness.Pgsql.ParseErrors + harness.Pgsql.ResyncSkippedBytes > 0);
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    [InlineData(14)]
    public void MutatedTrafficNeverThrowsAndStaysBounded(int seed)
    {
        var random = new Random(seed);
        byte[] requests = PgsqlSamples.AllRequests;
        byte[] responses = PgsqlSamples.AllResponses;
        for (int round = 0; round < 150; round++)
        {
            using var harness = new PgsqlHarness(streamOptions: SmallStreams, options: new() { MaxQueuedFrames = 8 });
            FeedRandomly(harness, harness.RequestDirection, Mutate(requests, random), random);
            FeedRandomly(harness, harness.ResponseDirection, Mutate(responses, random), random);
            harness.Close();
            Assert.True(harness.Rows.Count <= PgsqlSamples.Expected.Length * 3);
        }
    }

    [Fact]
    public void TruncatedMessagesAtEveryLengthNeverThrow()
    {
        byte[] requests = PgsqlSamples.AllRequests;
        byte[] responses = PgsqlSamples.AllResponses;
        for (int cut = 0; cut < Math.Max(requests.Length, responses.Length); cut += 7)
        {
            using var harness = new PgsqlHarness();
            harness.Feed(harness.RequestDirection, requests.AsSpan(0, Math.Min(cut, requests.Length)));
            harness.Feed(harness.ResponseDirection, responses.AsSpan(0, Math.Min(cut, responses.Length)));
            harness.Close();
            Assert.True(harness.Rows.Count <= PgsqlSamples.Expected.Length);
        }
    }

    [Fact]
    public void ValidMessagesAfterGarbageAreFound()
    {
        var random = new Random(7);
        byte[] garbage = new byte[5000];
        random.NextBytes(garbage);
        using var harness = new PgsqlHarness();
        harness.Request(garbage);
        harness.Request(PgWire.Query("SELECT 'found'"));
        harness.Response(garbage);
        harness.Response(RowDescription("x"), DataRow("found"), CommandComplete("SELECT 1"), Ready());
        harness.Close();
        Assert.Contains(harness.Rows, r => r.Describe() == "Query [SELECT 'found'] -> [SELECT 1]");
        Assert.True(harness.Pgsql.ParseErrors >= 2);
        Assert.True(harness.Pgsql.Resyncs >= 2);
    }

    [Theory]
    [InlineData(0x7fffffff)]
    [InlineData(0x40000000)]
    [InlineData(3)]
    [InlineData(-5)]
    public void AbsurdLengthsAreRejected(int length)
    {
        using var harness = new PgsqlHarness();
        byte[] bad = PgWire.Query("SELECT 1");
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(bad.AsSpan(1), length);
        harness.Request(bad);
        harness.Request(PgWire.Query("SELECT 2"));
        harness.Response(CommandComplete("SELECT 1"), Ready());
        Assert.Equal("Query [SELECT 2] -> [SELECT 1]", Assert.Single(harness.Rows).Describe());
        Assert.True(harness.Pgsql.ParseErrors >= 1);
    }

    [Theory]
    [InlineData('I', 3)]
    [InlineData('1', 4)]
    [InlineData('Z', 2)]
    [InlineData('Z', 0)]
    public void FixedLengthMessagesWithOtherLengthsAreRejected(char tag, int payload)
    {
        using var harness = new PgsqlHarness();
        harness.Request(PgWire.Query("SELECT 1"));
        harness.Response(Msg(tag, new byte[payload]), CommandComplete("SELECT 1"), Ready());
        Assert.Equal("Query [SELECT 1] -> [SELECT 1]", Assert.Single(harness.Rows).Describe());
        Assert.True(harness.Pgsql.ParseErrors >= 1);
    }

    [Fact]
    public void EndlessDataRowStaysBounded()
    {
        using var harness = new PgsqlHarness(streamOptions: SmallStreams);
        harness.Request(PgWire.Query("SELECT huge"));
        byte[] header = Msg('D', new byte[2]);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(1), 0x3fff_fff0);
        harness.Response(header);
        for (int i = 0; i < 200; i++)
        {
            harness.Response(new byte[10_000]);
            AssertBounded(harness);
        }
        harness.Close();
        Assert.Empty(harness.Rows);
        Assert.Equal(1, harness.Pgsql.UnmatchedRequests);
    }

    [Fact]
    public void PipelinedFloodIsBoundedByTheQueue()
    {
        using var harness = new PgsqlHarness(options: new() { MaxQueuedFrames = 16 });
        var flood = new List<byte[]>();
        for (int i = 0; i < 1000; i++)
            flood.Add(PgWire.Query($"SELECT {i}"));
        harness.Request([.. flood]);
        Assert.Equal(1000 - 16, harness.Pgsql.QueueOverflowFrames);
        harness.Close();
        Assert.Equal(16, harness.Pgsql.UnmatchedRequests);
    }

    [Fact]
    public void HoleInsideAKeptMessageResynchronises()
    {
        using var harness = new PgsqlHarness();
        byte[] query = PgWire.Query("SELECT lost FROM somewhere");
        harness.Request(query.AsSpan(0, 10).ToArray());
        harness.Hole(harness.RequestDirection, query.Length - 10);
        harness.Request(PgWire.Query("SELECT 2"));
        harness.Response(CommandComplete("SELECT 1"), Ready(), CommandComplete("SELECT 1"), Ready());
        harness.Close();
        Assert.Contains(harness.Rows, r => r.Request == "SELECT 2");
        Assert.Equal(1, harness.Pgsql.FramesLostToGaps);
    }

    private static void AssertBounded(PgsqlHarness harness)
    {
        Assert.InRange(harness.Connection.Ingress.BufferedBytes, 0, harness.StreamOptions.MaxBufferBytes);
        Assert.InRange(harness.Connection.Egress.BufferedBytes, 0, harness.StreamOptions.MaxBufferBytes);
    }

    private static void FeedRandomly(PgsqlHarness harness, Direction direction, byte[] bytes, Random random)
    {
        int pos = 0;
        while (pos < bytes.Length)
        {
            int n = Math.Min(bytes.Length - pos, random.Next(1, 200));
            if (random.Next(25) == 0)
                harness.Hole(direction, n);
            else
                harness.Feed(direction, bytes.AsSpan(pos, n));
            AssertBounded(harness);
            pos += n;
        }
    }

    private static byte[] Mutate(byte[] original, Random random)
    {
        var bytes = new List<byte>(original);
        int mutations = random.Next(1, 8);
        byte[] interesting = [0, 0xff, 0x7f, (byte)'Z', (byte)'C', (byte)'D', (byte)'E', (byte)'S', 4, 5];
        for (int m = 0; m < mutations && bytes.Count > 0; m++)
        {
            int at = random.Next(bytes.Count);
            switch (random.Next(5))
            {
                case 0: bytes[at] = (byte)random.Next(256); break;
                case 1: bytes[at] = interesting[random.Next(interesting.Length)]; break;
                case 2: bytes.Insert(at, interesting[random.Next(interesting.Length)]); break;
                case 3: bytes.RemoveRange(at, Math.Min(random.Next(1, 40), bytes.Count - at)); break;
                default: bytes.InsertRange(at, bytes.GetRange(at, Math.Min(random.Next(1, 60), bytes.Count - at))); break;
            }
        }
        return [.. bytes];
    }
}
