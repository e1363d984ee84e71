using static Devtools.Core.Tests.Protocols.Redis.RedisSamples;

namespace Devtools.Core.Tests.Protocols.Redis;

/// <summary>Pub/sub: confirmations answer (UN)SUBSCRIBE together, pushes get rows of their own, later replies stay aligned. Bytes as redis-server 7 sends them.</summary>
public class RedisPubSubTests
{
    private const string SubscribeAB = "*3\r\n$9\r\nsubscribe\r\n$1\r\na\r\n:1\r\n*3\r\n$9\r\nsubscribe\r\n$1\r\nb\r\n:2\r\n";
    private const string MessageA = "*3\r\n$7\r\nmessage\r\n$1\r\na\r\n$5\r\nhello\r\n";
    private const string PMessage = "*4\r\n$8\r\npmessage\r\n$2\r\nn*\r\n$4\r\nnews\r\n$1\r\nx\r\n";

    [Fact]
    public void Resp2SubscriptionConfirmationsAnswerTheirCommandTogether()
    {
        using var harness = new RedisHarness();
        harness.Request(Command("SUBSCRIBE", "a", "b"));
        harness.Response(SubscribeAB);
        harness.Request(Command("PSUBSCRIBE", "n*"));
        harness.Response("*3\r\n$10\r\npsubscribe\r\n$2\r\nn*\r\n:3\r\n");
        harness.Response(MessageA + PMessage);
        harness.Request(Command("PING"));
        harness.Response("*2\r\n$4\r\npong\r\n$0\r\n\r\n");
        harness.Request(Command("UNSUBSCRIBE"));
        harness.Response("*3\r\n$11\r\nunsubscribe\r\n$1\r\na\r\n:2\r\n*3\r\n$11\r\nunsubscribe\r\n$1\r\nb\r\n:1\r\n");
        harness.Request(Command("PUNSUBSCRIBE"));
        harness.Response("*3\r\n$12\r\npunsubscribe\r\n$2\r\nn*\r\n:0\r\n");
        harness.Request(Command("UNSUBSCRIBE"));
        harness.Response("*3\r\n$11\r\nunsubscribe\r\n$-1\r\n:0\r\n");
        harness.Request(Command("GET", "k"));
        harness.Response("$1\r\nv\r\n");
        harness.Close();

        Assert.Equal(
        [
            "Command SUBSCRIBE [\"a\",\"b\"] -> [[\"subscribe\",\"a\",1],[\"subscribe\",\"b\",2]]",
            "Command PSUBSCRIBE [\"n*\"] -> [\"psubscribe\",\"n*\",3]",
            "Push PUSH PUB [] -> [\"message\",\"a\",\"hello\"]",
            "Push PUSH PUB [] -> [\"pmessage\",\"n*\",\"news\",\"x\"]",
            "Command PING [] -> [\"pong\",\"\"]",
            "Command UNSUBSCRIBE [] -> [[\"unsubscribe\",\"a\",2],[\"unsubscribe\",\"b\",1]]",
            "Command PUNSUBSCRIBE [] -> [\"punsubscribe\",\"n*\",0]",
            "Command UNSUBSCRIBE [] -> [\"unsubscribe\",null,0]",
            "Command GET [\"k\"] -> v",
        ], harness.Records.Select(r => r.Describe()));
        Assert.Equal(2, harness.Specific("pushes"));
        Assert.Equal(0, harness.Redis.UnmatchedRequests);
        Assert.Equal(0, harness.Redis.UnmatchedResponses);
        Assert.All(harness.Records.Where(r => r.Kind == Devtools.Core.Protocols.Redis.RedisRecordKind.Push), r => Assert.Equal(0, r.LatencyNs));
    }

    [Fact]
    public void ConfirmationsSplitAnywhereStillMerge()
    {
        string responses = SubscribeAB + MessageA;
        for (int split = 1; split < responses.Length; split++)
        {
            using var harness = new RedisHarness();
            harness.Request(Command("SUBSCRIBE", "a", "b"));
            harness.Response(responses[..split]);
            harness.Response(responses[split..]);
            Assert.Equal(
                ["Command SUBSCRIBE [\"a\",\"b\"] -> [[\"subscribe\",\"a\",1],[\"subscribe\",\"b\",2]]", "Push PUSH PUB [] -> [\"message\",\"a\",\"hello\"]"],
                harness.Records.Select(r => r.Describe()));
        }
    }

    [Fact]
    public void PublishedMessagesWithoutAnyCommandCapturedArePushes()
    {
        // Capture started after SUBSCRIBE: only messages arrive.
        using var harness = new RedisHarness();
        harness.Response(MessageA + MessageA);
        Assert.Equal(2, harness.Records.Count);
        Assert.All(harness.Records, r => Assert.Equal("PUSH PUB", r.Command));
    }

    [Fact]
    public void AReplyShapedLikeAMessageAnswersItsCommandWhenNotSubscribed()
    {
        using var harness = new RedisHarness();
        harness.Request(Command("LRANGE", "l", "0", "-1"));
        harness.Response(MessageA);
        Assert.Equal("Command LRANGE [\"l\",\"0\",\"-1\"] -> [\"message\",\"a\",\"hello\"]", Assert.Single(harness.Records).Describe());
    }

    [Fact]
    public void ConfirmationsOfUncapturedCommandsAreDropped()
    {
        using var harness = new RedisHarness();
        harness.Response(SubscribeAB);
        harness.Request(Command("PING"));
        harness.Response("*2\r\n$4\r\npong\r\n$0\r\n\r\n");
        Assert.Equal("Command PING [] -> [\"pong\",\"\"]", Assert.Single(harness.Records).Describe());
        Assert.Equal(2, harness.Specific("orphan_confirmations"));
    }

    [Fact]
    public void ShardSubscriptionsAreFollowed()
    {
        using var harness = new RedisHarness();
        harness.Request(Command("SSUBSCRIBE", "sa"));
        harness.Response("*3\r\n$10\r\nssubscribe\r\n$2\r\nsa\r\n:1\r\n");
        harness.Response("*3\r\n$8\r\nsmessage\r\n$2\r\nsa\r\n$2\r\nhi\r\n");
        harness.Request(Command("SUNSUBSCRIBE"));
        harness.Response("*3\r\n$12\r\nsunsubscribe\r\n$2\r\nsa\r\n:0\r\n");
        Assert.Equal(
        [
            "Command SSUBSCRIBE [\"sa\"] -> [\"ssubscribe\",\"sa\",1]",
            "Push PUSH PUB [] -> [\"smessage\",\"sa\",\"hi\"]",
            "Command SUNSUBSCRIBE [] -> [\"sunsubscribe\",\"sa\",0]",
        ], harness.Records.Select(r => r.Describe()));
    }

    [Fact]
    public void Resp3PushesInterleaveWithRepliesWithoutMisaligningThem()
    {
        using var harness = new RedisHarness();
        harness.Request(Command("HELLO", "3"));
        harness.Response("%7\r\n$6\r\nserver\r\n$5\r\nredis\r\n$7\r\nversion\r\n$6\r\n7.0.15\r\n$5\r\nproto\r\n:3\r\n$2\r\nid\r\n:5\r\n$4\r\nmode\r\n$10\r\nstandalone\r\n$4\r\nrole\r\n$6\r\nmaster\r\n$7\r\nmodules\r\n*0\r\n");
        harness.Request(Command("SUBSCRIBE", "a"));
        harness.Response(">3\r\n$9\r\nsubscribe\r\n$1\r\na\r\n:1\r\n");
        // A message is pushed between a command and its reply.
        harness.Request(Command("GET", "x"));
        harness.Response(">3\r\n$7\r\nmessage\r\n$1\r\na\r\n$2\r\nm3\r\n_\r\n");
        harness.Request(Command("HGETALL", "h") + Command("SMEMBERS", "s"));
        harness.Response("%1\r\n$1\r\nf\r\n$1\r\nv\r\n~2\r\n$1\r\nx\r\n$1\r\ny\r\n");
        // RESP3 arrays shaped like messages are replies.
        harness.Request(Command("LRANGE", "l", "0", "-1"));
        harness.Response(MessageA);
        harness.Close();

        Assert.Equal(
        [
            "Command HELLO [\"3\"] -> {\"server\":\"redis\",\"version\":\"7.0.15\",\"proto\":3,\"id\":5,\"mode\":\"standalone\",\"role\":\"master\",\"modules\":[]}",
            "Command SUBSCRIBE [\"a\"] -> [\"subscribe\",\"a\",1]",
            "Push PUSH PUB [] -> [\"message\",\"a\",\"m3\"]",
            "Command GET [\"x\"] -> <NULL>",
            "Command HGETALL [\"h\"] -> {\"f\":\"v\"}",
            "Command SMEMBERS [\"s\"] -> [\"x\",\"y\"]",
            "Command LRANGE [\"l\",\"0\",\"-1\"] -> [\"message\",\"a\",\"hello\"]",
        ], harness.Records.Select(r => r.Describe()));
    }

    [Fact]
    public void ClientTrackingInvalidationsArePushes()
    {
        using var harness = new RedisHarness();
        harness.Request(Command("GET", "tk"));
        harness.Response("_\r\n");
        harness.Response(">2\r\n$10\r\ninvalidate\r\n*1\r\n$2\r\ntk\r\n");
        Assert.Equal(["Command GET [\"tk\"] -> <NULL>", "Push PUSH INVALIDATE [] -> [\"invalidate\",[\"tk\"]]"], harness.Records.Select(r => r.Describe()));
    }

    [Fact]
    public void ResetReturnsToResp2()
    {
        using var harness = new RedisHarness();
        harness.Request(Command("HELLO", "3"));
        harness.Response("%1\r\n$5\r\nproto\r\n:3\r\n");
        harness.Request(Command("RESET"));
        harness.Response("+RESET\r\n");
        harness.Request(Command("SUBSCRIBE", "a"));
        harness.Response("*3\r\n$9\r\nsubscribe\r\n$1\r\na\r\n:1\r\n" + MessageA);
        Assert.Equal("Push PUSH PUB [] -> [\"message\",\"a\",\"hello\"]", harness.Records[^1].Describe());
    }

    [Fact]
    public void MonitorOutputIsDroppedAndRepliesStayAligned()
    {
        using var harness = new RedisHarness();
        harness.Request(Command("MONITOR"));
        harness.Response("+OK\r\n");
        harness.Response("+1795694033.614945 [0 127.0.0.1:46950] \"SET\" \"mon\" \"v\"\r\n");
        harness.Request(Command("PING"));
        harness.Response("+PONG\r\n+1795694034.616452 [0 127.0.0.1:38734] \"PING\"\r\n");
        harness.Request(Command("RESET"));
        harness.Response("+RESET\r\n");
        Assert.Equal(["Command MONITOR [] -> OK", "Command PING [] -> PONG", "Command RESET [] -> RESET"], harness.Records.Select(r => r.Describe()));
        Assert.Equal(2, harness.Specific("monitor_lines"));
    }
}
