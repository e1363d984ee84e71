using System.Text;
using Devtools.Core.Connections;
using Devtools.Core.Protocols;
using static Devtools.Core.Tests.Protocols.Redis.RedisSamples;

namespace Devtools.Core.Tests.Protocols.Redis;

/// <summary>Bytes nobody should send: the parsers must reject them, resynchronise, stay bounded and never throw.</summary>
public class RedisHostileInputTests
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
        using var harness = new RedisHarness(streamOptions: SmallStreams);
        for (int i = 0; i < 300; i++)
        {
            byte[] bytes = new byte[random.Next(1, 4000)];
            random.NextBytes(bytes);
            Direction direction = random.Next(2) == 0 ? Direction.Ingress : Direction.Egress;
            if (random.Next(10) == 0)
                harness.Hole(direction, random.Next(1, 100_000), kind: HoleKind.Lost);
            else
                harness.Feed(direction, bytes);
            AssertBounded(harness);
        }
        harness.Close();
        Assert.True(harness.Redis.ParseErrors + harness.Redis.ResyncSkippedBytes > 0);
    }

    [Theory]
    [InlineData(6)]
    [InlineData(7)]
    public void RespShapedGarbageNeverThrowsAndStaysBounded(int seed)
    {
        // Random sequences of RESP-looking tokens get much deeper into the parsers than random bytes.
        string[] tokens =
        [
            "*", "$", "+", "-", ":", "%", "~", ">", "|", "_", ",", "#", "(", "=", "!", "\r\n", "\r", "\n", "0", "1", "2", "3", "-1",
            "99999999999999999999", "4294967296", "OK", "ERR x", "subscribe", "message", "t", "1.5", "txt:", "\0", "\u00ff",
        ];
        var random = new Random(seed);
        using var harness = new RedisHarness(streamOptions: SmallStreams, options: new ProtocolOptions { MaxQueuedFrames = 16 });
        for (int i = 0; i < 3000; i++)
        {
            var text = new StringBuilder();
            for (int n = random.Next(1, 60); n > 0; n--)
                text.Append(tokens[random.Next(tokens.Length)]);
            Direction direction = random.Next(2) == 0 ? Direction.Ingress : Direction.Egress;
            if (random.Next(20) == 0)
                harness.Hole(direction, random.Next(1, 5000), kind: HoleKind.Lost);
            else
                harness.Feed(direction, Encoding.Latin1.GetBytes(text.ToString()));
            AssertBounded(harness);
        }
        harness.Close();
        Assert.All(harness.Records, r => Assert.True(r.Arguments.Length + r.Reply.Length < 2 * harness.Options.MaxHeadersJsonBytes));
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void MutatedTrafficNeverThrowsAndStaysBounded(int seed)
    {
        var random = new Random(seed);
        for (int round = 0; round < 150; round++)
        {
            using var harness = new RedisHarness(streamOptions: SmallStreams, options: new ProtocolOptions { MaxQueuedFrames = 8 });
            FeedRandomly(harness, harness.RequestDirection, Mutate(AllRequests, random), random);
            FeedRandomly(harness, harness.ResponseDirection, Mutate(AllResponses, random), random);
            harness.Close();
            Assert.True(harness.Records.Count <= Exchanges.Length * 3);
        }
    }

    [Theory]
    [InlineData("$99999999999999999999\r\n")]
    [InlineData("$4294967297\r\n")]
    [InlineData("$-2\r\n")]
    [InlineData("$abc\r\n")]
    [InlineData("$ 1\r\n")]
    [InlineData("*99999999999\r\n")]
    [InlineData("*-2\r\n")]
    [InlineData(":12x\r\n")]
    [InlineData(":\r\n")]
    [InlineData("#x\r\n")]
    [InlineData(",1.5.x\r\n")]
    [InlineData("_x\r\n")]
    [InlineData("=2\r\nab\r\n")]
    [InlineData("!-1\r\n")]
    [InlineData("%-1\r\n")]
    [InlineData("+OK\n")]
    [InlineData("+O\rK\r\n")]
    [InlineData("$3\r\nabcd\r\n")]
    [InlineData("?what\r\n")]
    public void MalformedRepliesAreRejectedAndTheNextFound(string reply)
    {
        using var harness = new RedisHarness();
        harness.Request(Command("A") + Command("B"));
        harness.Response(reply + "\r\n+NEXT\r\n");
        Assert.Equal("NEXT", harness.Records[^1].Reply);
        Assert.True(harness.Redis.ParseErrors >= 1);
    }

    [Theory]
    [InlineData("*1\r\n:1\r\n")]
    [InlineData("*2\r\n$3\r\nGET\r\n+k\r\n")]
    [InlineData("*1\r\n$99999999999\r\n")]
    [InlineData("*1\r\n$-1\r\n")]
    [InlineData("*1\r\n$3\r\nGETX\r\n")]
    [InlineData("*x\r\n")]
    [InlineData("PING\0\r\n")]
    [InlineData("SET \"a\r\n")]
    [InlineData("SET \"a\"b\r\n")]
    public void MalformedCommandsAreRejectedAndTheNextFound(string command)
    {
        using var harness = new RedisHarness();
        harness.Request(command + Command("NEXT"));
        harness.Response("+OK\r\n");
        Assert.Equal("NEXT", Assert.Single(harness.Records).Command);
        Assert.True(harness.Redis.ParseErrors >= 1);
    }

    [Fact]
    public void EndlessLinesStayBounded()
    {
        using var harness = new RedisHarness(streamOptions: SmallStreams);
        harness.Request("SET k ");
        harness.Response("+");
        for (int i = 0; i < 200; i++)
        {
            harness.Request(new string('a', 10_000));
            harness.Response(new string('b', 10_000));
            AssertBounded(harness);
        }
        harness.Request("\r\n" + Command("GET", "k"));
        harness.Response("\r\n$1\r\nv\r\n");
        Assert.Equal("Command GET [\"k\"] -> v", Assert.Single(harness.Records).Describe());
    }

    [Fact]
    public void HugeDeclaredSizesAreStreamedNotBuffered()
    {
        using var harness = new RedisHarness(streamOptions: SmallStreams);
        harness.Request(Command("GET", "k"));
        harness.Response("$4294967296\r\n");
        for (int i = 0; i < 100; i++)
        {
            harness.Response(new string('z', 50_000));
            AssertBounded(harness);
        }
        harness.Response("*2147483647\r\n");
        for (int i = 0; i < 100; i++)
        {
            harness.Request(string.Concat(Enumerable.Repeat("*1\r\n$1\r\nx\r\n", 1000)));
            AssertBounded(harness);
        }
        harness.Close();
        Assert.True(harness.Redis.FramesLostToGaps + harness.Redis.IncompleteFramesAtClose + harness.Redis.QueueOverflowFrames > 0);
    }

    [Fact]
    public void HugeArrayOfSmallElementsKeepsABoundedRendering()
    {
        using var harness = new RedisHarness(streamOptions: SmallStreams);
        harness.Request(Command("KEYS", "*"));
        harness.Response("*1000000\r\n");
        for (int i = 0; i < 1000; i++)
        {
            harness.Response(string.Concat(Enumerable.Repeat("$3\r\nkey\r\n", 1000)));
            AssertBounded(harness);
        }
        RedisRecord record = Assert.Single(harness.Records);
        Assert.EndsWith(",\"…(+" + (1_000_000 - (record.Reply.Split(',').Length - 1)) + " more)\"]", record.Reply, StringComparison.Ordinal);
        Assert.InRange(Encoding.UTF8.GetByteCount(record.Reply), 1000, harness.Options.MaxHeadersJsonBytes);
    }

    [Fact]
    public void RepliesWithoutCommandsAreCountedUnmatched()
    {
        using var harness = new RedisHarness();
        harness.Response("+OK\r\n:1\r\n");
        harness.Request(Command("PING"));
        harness.Response("+PONG\r\n");
        Assert.Equal("PONG", Assert.Single(harness.Records).Reply);
        Assert.Equal(2, harness.Redis.UnmatchedResponses);
    }

    [Fact]
    public void PipelinedFloodIsBoundedByTheQueue()
    {
        using var harness = new RedisHarness(options: new ProtocolOptions { MaxQueuedFrames = 16 });
        harness.Request(string.Concat(Enumerable.Repeat(Command("INCR", "n"), 1000)));
        Assert.Equal(1000 - 16, harness.Redis.QueueOverflowFrames);
        harness.Close();
        Assert.Equal(16, harness.Redis.UnmatchedRequests);
    }

    [Fact]
    public void ValidRepliesAfterGarbageAreFound()
    {
        var random = new Random(7);
        byte[] garbage = new byte[5000];
        random.NextBytes(garbage);
        for (int i = 0; i < garbage.Length; i++)
        {
            if (garbage[i] is (byte)'\n' or (byte)'*' or (byte)'\r')
                garbage[i] = (byte)'x';
        }
        using var harness = new RedisHarness();
        harness.Request(garbage);
        harness.Request("\r\n" + Command("GET", "found"));
        harness.Response(garbage);
        harness.Response("\r\n$2\r\nok\r\n");
        RedisRecord record = Assert.Single(harness.Records);
        Assert.Equal("[\"found\"]", record.Arguments);
        Assert.Equal("ok", record.Reply);
        Assert.True(harness.Redis.Resyncs >= 2);
    }

    private static void AssertBounded(RedisHarness harness)
    {
        Assert.InRange(harness.Connection.Ingress.BufferedBytes, 0, harness.StreamOptions.MaxBufferBytes);
        Assert.InRange(harness.Connection.Egress.BufferedBytes, 0, harness.StreamOptions.MaxBufferBytes);
    }

    private static void FeedRandomly(RedisHarness harness, Direction direction, byte[] bytes, Random random)
    {
        int pos = 0;
        while (pos < bytes.Length)
        {
            int n = Math.Min(bytes.Length - pos, random.Next(1, 200));
            if (random.Next(25) == 0)
                harness.Hole(direction, n, kind: HoleKind.Lost);
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
        byte[] interesting = [0, (byte)'\r', (byte)'\n', (byte)'*', (byte)'$', (byte)'-', (byte)'0', (byte)'9', 0xff, (byte)'>', (byte)'%'];
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
