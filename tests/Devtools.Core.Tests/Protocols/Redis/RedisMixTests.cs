using System.Text;
using Devtools.Core.Connections;
using Devtools.Core.Protocols.Redis;

namespace Devtools.Core.Tests.Protocols.Redis;

/// <summary>The realistic mix, whole and split every way: the records must not depend on how bytes arrive.</summary>
public class RedisMixTests
{
    [Fact]
    public void MixProducesOneRecordPerCommand()
    {
        List<RedisRecord> records = RunInterleaved();
        Assert.Equal(RedisSamples.Expected, records.Select(r => r.Describe()));
        Assert.All(records, r => Assert.True(r.LatencyNs > 0));
    }

    [Fact]
    public void MixCountsFrames()
    {
        using var harness = new RedisHarness();
        Feed(harness, RedisSamples.AllRequests, -1, RedisSamples.AllResponses, -1);
        int n = RedisSamples.Exchanges.Length;
        Assert.Equal(n, harness.Redis.RequestFrames);
        Assert.Equal(n, harness.Redis.ResponseFrames);
        Assert.Equal(n, harness.Redis.Records);
        Assert.Equal(2, harness.Specific("inline_commands"));
        Assert.Equal(0, harness.Redis.ParseErrors);
        Assert.Equal(0, harness.Redis.UnmatchedRequests);
        Assert.Equal(0, harness.Redis.UnmatchedResponses);
        Assert.Equal(0, harness.Redis.IncompleteFramesAtClose);
    }

    [Fact]
    public void PipelinedMixMatchesInterleavedMix()
    {
        using var harness = new RedisHarness();
        Feed(harness, RedisSamples.AllRequests, -1, RedisSamples.AllResponses, -1);
        Assert.Equal(RedisSamples.Expected, harness.Records.Select(r => r.Describe()));
    }

    [Fact]
    public void RequestsSplitAtEveryOffsetGiveTheSameRecords()
    {
        byte[] requests = RedisSamples.AllRequests;
        for (int split = 1; split < requests.Length; split++)
        {
            using var harness = new RedisHarness();
            Feed(harness, requests, split, RedisSamples.AllResponses, -1);
            Assert.True(RedisSamples.Expected.SequenceEqual(harness.Records.Select(r => r.Describe())), $"requests split at {split}");
            Assert.Equal(0, harness.Redis.ParseErrors);
        }
    }

    [Fact]
    public void ResponsesSplitAtEveryOffsetGiveTheSameRecords()
    {
        byte[] responses = RedisSamples.AllResponses;
        for (int split = 1; split < responses.Length; split++)
        {
            using var harness = new RedisHarness();
            Feed(harness, RedisSamples.AllRequests, -1, responses, split);
            Assert.True(RedisSamples.Expected.SequenceEqual(harness.Records.Select(r => r.Describe())), $"responses split at {split}");
            Assert.Equal(0, harness.Redis.ParseErrors);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(64)]
    public void MixInSmallPiecesGivesTheSameRecords(int pieceSize)
    {
        using var harness = new RedisHarness();
        harness.FeedInPieces(harness.RequestDirection, RedisSamples.AllRequests, pieceSize);
        harness.FeedInPieces(harness.ResponseDirection, RedisSamples.AllResponses, pieceSize);
        harness.Close();
        Assert.Equal(RedisSamples.Expected, harness.Records.Select(r => r.Describe()));
        Assert.Equal(0, harness.Redis.ParseErrors);
    }

    [Fact]
    public void EachMessageInOneBytePiecesInterleavedGivesTheSameRecords()
    {
        using var harness = new RedisHarness();
        foreach ((string request, string response, _) in RedisSamples.Exchanges)
        {
            harness.FeedInPieces(harness.RequestDirection, Encoding.UTF8.GetBytes(request), 1);
            harness.FeedInPieces(harness.ResponseDirection, Encoding.UTF8.GetBytes(response), 1);
        }
        harness.Close();
        Assert.Equal(RedisSamples.Expected, harness.Records.Select(r => r.Describe()));
    }

    [Theory]
    [InlineData(ConnectionRole.Server)]
    [InlineData(ConnectionRole.Client)]
    public void BothRolesSeeTheSameCommands(ConnectionRole role)
    {
        using var harness = new RedisHarness(role);
        Assert.Equal(role == ConnectionRole.Server ? Direction.Ingress : Direction.Egress, harness.RequestDirection);
        foreach ((string request, string response, _) in RedisSamples.Exchanges)
        {
            harness.Request(Encoding.UTF8.GetBytes(request));
            harness.Response(Encoding.UTF8.GetBytes(response));
        }
        harness.Close();
        Assert.Equal(RedisSamples.Expected, harness.Records.Select(r => r.Describe()));
        Assert.All(harness.Records, r => Assert.Equal(role, r.Connection.Role));
    }

    [Fact]
    public void LatencyRunsFromCommandStartToReplyEnd()
    {
        using var harness = new RedisHarness();
        harness.Request("*2\r\n$3\r\nGET\r\n$1\r\n", timestampNs: 10_000);
        harness.Request("k\r\n", timestampNs: 12_000);
        harness.Response("$4\r\nva", timestampNs: 50_000);
        harness.Response("lu", timestampNs: 60_000);
        harness.Response("\r\n", timestampNs: 75_500);

        RedisRecord record = Assert.Single(harness.Records);
        Assert.Equal(10_000, record.StartNs);
        Assert.Equal(75_500, record.EndNs);
        Assert.Equal(65_500, record.LatencyNs);
        Assert.Equal("valu", record.Reply);
    }

    [Fact]
    public void RecordsAreCountedWithoutASink()
    {
        using var harness = new RedisHarness(withSink: false);
        harness.Request(RedisSamples.Command("PING"));
        harness.Response("+PONG\r\n");
        Assert.Empty(harness.Records);
        Assert.Equal(1, harness.Redis.Records);
        Assert.Equal(1, harness.Specific("records_without_sink"));
    }

    private static List<RedisRecord> RunInterleaved()
    {
        using var harness = new RedisHarness();
        foreach ((string request, string response, _) in RedisSamples.Exchanges)
        {
            harness.Request(Encoding.UTF8.GetBytes(request));
            harness.Response(Encoding.UTF8.GetBytes(response));
        }
        harness.Close();
        return harness.Records;
    }

    private static void Feed(RedisHarness harness, byte[] requests, int requestSplit, byte[] responses, int responseSplit)
    {
        FeedSplit(harness, harness.RequestDirection, requests, requestSplit);
        FeedSplit(harness, harness.ResponseDirection, responses, responseSplit);
        harness.Close();
    }

    private static void FeedSplit(RedisHarness harness, Direction direction, byte[] bytes, int split)
    {
        if (split <= 0)
        {
            harness.Feed(direction, bytes);
            return;
        }
        harness.Feed(direction, bytes.AsSpan(0, split));
        harness.Feed(direction, bytes.AsSpan(split));
    }
}
