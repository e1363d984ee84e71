using Devtools.Core.Connections;
using Devtools.Core.Protocols.Mysql;
using static Devtools.Core.Tests.Protocols.Mysql.MysqlBytes;

namespace Devtools.Core.Tests.Protocols.Mysql;

/// <summary>Bytes nobody should send: the parsers must reject them, resynchronise, stay bounded and never throw.</summary>
public class MysqlHostileInputTests
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
        using var harness = new MysqlHarness(streamOptions: SmallStreams);
        for (int i = 0; i < 300; i++)
        {
            byte[] bytes = new byte[random.Next(1, 4000)];
            random.NextBytes(bytes);
            // Some packets look real: sequence 0 or 1 and small lengths.
            if (random.Next(3) == 0 && bytes.Length > 8)
            {
                bytes[0] = (byte)random.Next(1, 64);
                bytes[1] = 0;
                bytes[2] = 0;
                bytes[3] = (byte)random.Next(2);
            }
            Direction direction = random.Next(2) == 0 ? Direction.Ingress : Direction.Egress;
            if (random.Next(10) == 0)
                harness.Hole(direction, random.Next(1, 100_000));
            else
                harness.Feed(direction, bytes);
            AssertBounded(harness);
        }
        harness.Close();
        Assert.True(harness.Mysql.ParseErrors + harness.Mysql.ResyncSkippedBytes > 0);
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void MutatedConversationsNeverThrowAndStayBounded(int seed)
    {
        var random = new Random(seed);
        (byte[] Request, byte[] Response)[] conversation = MysqlSamples.Conversation(deprecateEof: seed % 2 == 0);
        for (int round = 0; round < 100; round++)
        {
            using var harness = new MysqlHarness(streamOptions: SmallStreams);
            foreach ((byte[] request, byte[] response) in conversation)
            {
                Feed(harness, harness.RequestDirection, Mutate(request, random), random);
                Feed(harness, harness.ResponseDirection, Mutate(response, random), random);
                AssertBounded(harness);
            }
            harness.Close();
            Assert.True(harness.Records.Count <= conversation.Length * 2);
        }
    }

    [Fact]
    public void CommandAfterGarbageIsFound()
    {
        var random = new Random(7);
        byte[] garbage = new byte[5000];
        random.NextBytes(garbage);
        using var harness = new MysqlHarness();
        harness.Request(garbage);
        harness.Request(TextQuery("SELECT 'found'"));
        harness.Response(garbage);
        harness.Response(ResultSet(1, ["found"], [["found"]], deprecateEof: true));
        MysqlRow row = Assert.Single(harness.Records);
        Assert.Equal("SELECT 'found'", row.Body);
        Assert.Equal("Resultset rows = 1, columns = 1", row.Response);
        Assert.True(harness.Mysql.Resyncs >= 2);
    }

    [Fact]
    public void AbsurdLengthsAreSkippedWithoutBuffering()
    {
        using var harness = new MysqlHarness(streamOptions: SmallStreams);
        // A command claiming 16 MiB, then the client goes on: its bytes are skipped as they come.
        harness.Request([0xFE, 0xFF, 0xFF, 0x00, 0x03, .. "SELECT "u8.ToArray()]);
        for (int i = 0; i < 300; i++)
        {
            harness.Request(new byte[60_000]);
            AssertBounded(harness);
        }
        // A response claiming a column count of 2^40.
        harness.Response([9, 0, 0, 1, 0xFE, 0, 0, 0, 0, 0, 1, 0, 0]);
        AssertBounded(harness);
        harness.Close();
        Assert.True(harness.Mysql.ParseErrors >= 1);
    }

    [Fact]
    public void TruncatedFramesAtCloseAreCounted()
    {
        using var harness = new MysqlHarness();
        harness.Request(TextQuery("SELECT a FROM t"));
        byte[] result = ResultSet(1, ["a"], [["1"], ["2"]], deprecateEof: false);
        harness.Response(result.AsSpan(0, result.Length - 3));
        harness.Close();
        Assert.Empty(harness.Records);
        Assert.Equal(1, harness.Mysql.IncompleteFramesAtClose);
        Assert.Equal(1, harness.Mysql.UnmatchedRequests);
    }

    [Fact]
    public void OutOfSequencePacketInsideAResponseIsAnError()
    {
        using var harness = new MysqlHarness();
        harness.Request(TextQuery("SELECT a FROM t"));
        harness.Response(Concat(Packet(1, [1]), ColumnDefinition(3, "a")));
        Assert.Equal(1, harness.Mysql.ParseErrors);
    }

    [Fact]
    public void PreparedStatementsAreBoundedPerConnection()
    {
        using var harness = new MysqlHarness();
        for (uint id = 1; id <= 300; id++)
        {
            harness.Request(Command(MysqlCommand.StmtPrepare, $"SELECT {id} FROM t WHERE a = ?"));
            harness.Response(PrepareOk(1, id, columns: 1, parameters: 1, deprecateEof: false));
        }
        Assert.Equal(300 - 256, harness.Specific("evicted_statements"));
        harness.Request(Execute(1, true, Param.I64(1)));
        harness.Response(ResultSet(1, ["x"], [], deprecateEof: false, binary: true));
        harness.Request(Execute(300, true, Param.I64(3)));
        harness.Response(ResultSet(1, ["x"], [], deprecateEof: false, binary: true));
        Assert.Equal("statement 1", harness.Records[^2].Body);
        Assert.Equal("SELECT 300 FROM t WHERE a = 3", harness.Records[^1].Body);
        Assert.Equal(1, harness.Specific("unknown_statements"));
    }

    [Fact]
    public void HugePrepareQueriesAreBoundedByBytes()
    {
        using var harness = new MysqlHarness();
        string big = "SELECT '" + new string('q', 5000) + "' FROM t WHERE a = ?";
        for (uint id = 1; id <= 100; id++)
        {
            harness.Request(Command(MysqlCommand.StmtPrepare, big));
            harness.Response(PrepareOk(1, id, columns: 1, parameters: 1, deprecateEof: false));
        }
        // 4 KiB kept per query, 128 KiB per connection.
        Assert.Equal(100 - 32, harness.Specific("evicted_statements"));
    }

    private static void AssertBounded(MysqlHarness harness)
    {
        Assert.True(harness.Connection.Ingress.BufferedBytes <= harness.StreamOptions.MaxBufferBytes);
        Assert.True(harness.Connection.Egress.BufferedBytes <= harness.StreamOptions.MaxBufferBytes);
    }

    private static byte[] Mutate(byte[] bytes, Random random)
    {
        byte[] copy = (byte[])bytes.Clone();
        int mutations = random.Next(0, 4);
        for (int i = 0; i < mutations && copy.Length > 0; i++)
            copy[random.Next(copy.Length)] = (byte)random.Next(256);
        if (copy.Length > 2 && random.Next(8) == 0)
            copy = copy[..random.Next(1, copy.Length)];
        return copy;
    }

    private static void Feed(MysqlHarness harness, Direction direction, byte[] bytes, Random random)
    {
        if (bytes.Length == 0)
            return;
        if (random.Next(10) == 0)
        {
            harness.Hole(direction, random.Next(1, bytes.Length + 1), HoleKind.Lost);
            return;
        }
        harness.FeedSplit(direction, bytes, random.Next(bytes.Length));
    }
}
