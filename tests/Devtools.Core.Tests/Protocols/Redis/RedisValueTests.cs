using System.Text;
using System.Text.Json;
using Devtools.Core.Connections;
using Devtools.Core.Protocols;
using static Devtools.Core.Tests.Protocols.Redis.RedisSamples;

namespace Devtools.Core.Tests.Protocols.Redis;

/// <summary>Large values are never buffered whole; texts stay bounded and valid; secrets are redacted.</summary>
public class RedisValueTests
{
    [Fact]
    public void LargeValueInTheLastArgumentIsSkippedByTheDriver()
    {
        using var harness = new RedisHarness();
        string big = new('v', 1_000_000);
        byte[] request = Encoding.ASCII.GetBytes(Command("SET", "big", big) + Command("GET", "big"));
        harness.FeedInPieces(harness.RequestDirection, request, 16 * 1024);
        Assert.InRange(harness.Connection.Stream(harness.RequestDirection).BufferedBytes, 0, 16 * 1024);
        harness.Response("+OK\r\n");
        byte[] reply = Encoding.ASCII.GetBytes(Bulk(big));
        harness.FeedInPieces(harness.ResponseDirection, reply, 16 * 1024);
        harness.Close();

        Assert.Equal(2, harness.Records.Count);
        string[] args = harness.Records[0].Args;
        Assert.Equal("big", args[0]);
        Assert.Equal(new string('v', 512) + "…(1000000 bytes)", args[1]);
        Assert.Equal(new string('v', 512) + "…(1000000 bytes)", harness.Records[1].Reply);
        Assert.Equal(0, harness.Redis.ParseErrors);
        Assert.Equal(2, harness.Specific("truncated_texts"));
    }

    [Fact]
    public void LargeValuesInTheMiddleAreStreamedAndHolesInsideThemSteppedOver()
    {
        using var harness = new RedisHarness();
        string big = new('x', 300_000);
        string request = Command("MSET", "k1", big, "k2", "small");
        int valueStart = request.IndexOf('x', StringComparison.Ordinal);
        byte[] bytes = Encoding.ASCII.GetBytes(request);
        // The kernel captured the first 1000 bytes of the value, then a hole (past its per-call cap), then the rest.
        harness.Request(bytes.AsSpan(0, valueStart + 1000));
        harness.Hole(harness.RequestDirection, 200_000, kind: HoleKind.Truncated);
        harness.Request(bytes.AsSpan(valueStart + 201_000));
        harness.Response("+OK\r\n");
        // A hole inside a reply's string, reaching into its CRLF.
        harness.Request(Command("MGET", "k1", "k2"));
        string reply = "*2\r\n" + Bulk(big) + Bulk("small");
        byte[] replyBytes = Encoding.ASCII.GetBytes(reply);
        int holeAt = reply.IndexOf('x', StringComparison.Ordinal) + 5000;
        harness.Response(replyBytes.AsSpan(0, holeAt));
        harness.Hole(harness.ResponseDirection, 300_000 - 5000 + 1, kind: HoleKind.Truncated);
        harness.Response(replyBytes.AsSpan(holeAt + 300_000 - 5000 + 1));

        Assert.Equal(2, harness.Records.Count);
        Assert.Equal(["k1", new string('x', 512) + "…(300000 bytes)", "k2", "small"], harness.Records[0].Args);
        Assert.Equal("[\"" + new string('x', 512) + "…(300000 bytes)\",\"small\"]", harness.Records[1].Reply);
        Assert.Equal(0, harness.Redis.ParseErrors);
        Assert.Equal(200_000 + 295_001, harness.Redis.AbsorbedHoleBytes);
    }

    [Fact]
    public void AValueCutByAHoleKeepsTheBytesBeforeIt()
    {
        using var harness = new RedisHarness();
        harness.Request(Command("GET", "k"));
        harness.Response("$2000\r\n" + new string('a', 100));
        harness.Hole(harness.ResponseDirection, 1902);
        Assert.Equal(new string('a', 100) + "…(2000 bytes)", Assert.Single(harness.Records).Reply);
    }

    [Fact]
    public void ManyArgumentsAreBoundedAndStayValidJson()
    {
        using var harness = new RedisHarness();
        var parts = new List<string> { "SADD", "set" };
        for (int i = 0; i < 5000; i++)
            parts.Add($"member-{i}");
        harness.Request(Command([.. parts]));
        harness.Response(":5000\r\n");
        RedisRecord record = Assert.Single(harness.Records);
        Assert.InRange(Encoding.UTF8.GetByteCount(record.Arguments), 1000, harness.Options.MaxHeadersJsonBytes);
        string[] args = record.Args;
        Assert.Equal("set", args[0]);
        Assert.Matches(@"^…\(\+\d+ more\)$", args[^1]);
        int shown = args.Length - 1;
        Assert.Equal($"…(+{5001 - shown} more)", args[^1]);
    }

    [Fact]
    public void LargeRepliesAreBoundedAndStayValidJson()
    {
        using var harness = new RedisHarness();
        var reply = new StringBuilder("*3\r\n*2000\r\n");
        for (int i = 0; i < 2000; i++)
            reply.Append(Bulk($"key:{i}"));
        reply.Append("%2\r\n+a\r\n:1\r\n+b\r\n:2\r\n:7\r\n");
        harness.Request(Command("X"));
        harness.Response(reply.ToString());
        RedisRecord record = Assert.Single(harness.Records);
        Assert.InRange(Encoding.UTF8.GetByteCount(record.Reply), 1000, harness.Options.MaxHeadersJsonBytes);
        using JsonDocument json = JsonDocument.Parse(record.Reply);
        JsonElement first = json.RootElement[0];
        Assert.Matches(@"^…\(\+\d+ more\)$", first[first.GetArrayLength() - 1].GetString());
        Assert.Equal(1, json.RootElement.GetArrayLength());
    }

    [Fact]
    public void ValuesAreEscapedWhateverTheirBytes()
    {
        using var harness = new RedisHarness();
        byte[] value = [0x00, 0x01, (byte)'"', (byte)'\\', 0xC3, 0xA9, 0xFF, 0xE2, 0x82];
        byte[] request = [.. "*2\r\n$3\r\nGET\r\n$9\r\n"u8, .. value, .. "\r\n"u8];
        harness.Request(request);
        harness.Response([.. "$9\r\n"u8, .. value, .. "\r\n"u8]);
        RedisRecord record = Assert.Single(harness.Records);
        Assert.Equal("[\"\\u0000\\u0001\\\"\\\\é\\u00ff\\u00e2\\u0082\"]", record.Arguments);
        Assert.Equal("\u0000\u0001\"\\é\\xff\\xe2\\x82", record.Reply);
    }

    [Fact]
    public void APrefixDoesNotEndInsideACharacter()
    {
        using var harness = new RedisHarness(options: new ProtocolOptions { MaxBodyBytes = 4 });
        harness.Request(Encoding.UTF8.GetBytes(Command("SET", "k", "abcé")));
        harness.Response("+OK\r\n");
        Assert.Equal("abc…(5 bytes)", Assert.Single(harness.Records).Args[1]);
    }

    [Theory]
    [InlineData(new[] { "AUTH", "s3cret" }, "AUTH", "[\"<redacted>\"]")]
    [InlineData(new[] { "AUTH", "default", "s3cret" }, "AUTH", "[\"default\",\"<redacted>\"]")]
    [InlineData(new[] { "HELLO", "3", "AUTH", "app", "s3cret", "SETNAME", "web" }, "HELLO", "[\"3\",\"AUTH\",\"app\",\"<redacted>\",\"SETNAME\",\"web\"]")]
    [InlineData(new[] { "MIGRATE", "h", "6379", "", "0", "5000", "AUTH2", "u", "s3cret", "KEYS", "a" }, "MIGRATE", "[\"h\",\"6379\",\"\",\"0\",\"5000\",\"AUTH2\",\"u\",\"<redacted>\",\"KEYS\",\"a\"]")]
    [InlineData(new[] { "CONFIG", "SET", "maxmemory", "1gb", "requirepass", "s3cret" }, "CONFIG SET", "[\"maxmemory\",\"1gb\",\"requirepass\",\"<redacted>\"]")]
    [InlineData(new[] { "ACL", "SETUSER", "bob", "on", ">s3cret", "~*", "+@all" }, "ACL SETUSER", "[\"bob\",\"on\",\"<redacted>\",\"~*\",\"+@all\"]")]
    [InlineData(new[] { "GET", "s3cret" }, "GET", "[\"s3cret\"]")]
    public void SecretsAreRedacted(string[] command, string name, string arguments)
    {
        using var harness = new RedisHarness();
        harness.Request(Command(command));
        harness.Response("+OK\r\n");
        RedisRecord record = Assert.Single(harness.Records);
        Assert.Equal(name, record.Command);
        Assert.Equal(arguments, record.Arguments);
    }

    [Fact]
    public void SecretsAreKeptWhenRedactionIsOff()
    {
        using var harness = new RedisHarness(options: new ProtocolOptions { RedactSecrets = false });
        harness.Request("AUTH s3cret\r\n");
        harness.Response("+OK\r\n");
        Assert.Equal("[\"s3cret\"]", Assert.Single(harness.Records).Arguments);
    }

    [Fact]
    public void CommandsUnderClientReplyOffAreRecordedWithoutWaiting()
    {
        using var harness = new RedisHarness();
        harness.Request(Command("CLIENT", "REPLY", "OFF") + Command("SET", "q", "1") + Command("CLIENT", "REPLY", "ON"));
        harness.Response("+OK\r\n");
        harness.Request(Command("CLIENT", "REPLY", "SKIP") + Command("SET", "q", "2") + Command("GET", "q"));
        harness.Response("$1\r\n2\r\n");
        harness.Close();
        Assert.Equal(
        [
            "CommandWithoutReply CLIENT REPLY [\"OFF\"] -> ",
            "CommandWithoutReply SET [\"q\",\"1\"] -> ",
            "Command CLIENT REPLY [\"ON\"] -> OK",
            "CommandWithoutReply CLIENT REPLY [\"SKIP\"] -> ",
            "CommandWithoutReply SET [\"q\",\"2\"] -> ",
            "Command GET [\"q\"] -> 2",
        ], harness.Records.Select(r => r.Describe()));
        Assert.Equal(4, harness.Specific("commands_without_reply"));
        Assert.Equal(0, harness.Redis.UnmatchedRequests);
    }

    [Theory]
    [InlineData("ping\r\n", "PING", "[]")]
    [InlineData("PING\n", "PING", "[]")]
    [InlineData("  set  k   v  \r\n", "SET", "[\"k\",\"v\"]")]
    [InlineData("SET k \"a \\\"b\\\" \\x41\\n\"\r\n", "SET", "[\"k\",\"a \\\"b\\\" A\\n\"]")]
    [InlineData("SET k 'it\\'s'\r\n", "SET", "[\"k\",\"it's\"]")]
    [InlineData("client setname x\r\n", "CLIENT SETNAME", "[\"x\"]")]
    [InlineData("config get *\r\n", "CONFIG GET", "[\"*\"]")]
    [InlineData("command\r\n", "COMMAND", "[]")]
    [InlineData("client 123\r\n", "CLIENT", "[\"123\"]")]
    public void InlineCommandsAreSplitLikeRedis(string line, string name, string arguments)
    {
        using var harness = new RedisHarness();
        harness.Request(line);
        harness.Response("+OK\r\n");
        RedisRecord record = Assert.Single(harness.Records);
        Assert.Equal(name, record.Command);
        Assert.Equal(arguments, record.Arguments);
    }

    [Fact]
    public void EmptyLinesAndEmptyArraysGetNoRecord()
    {
        using var harness = new RedisHarness();
        harness.Request("\r\n\r\n*0\r\n*-1\r\n   \r\nPING\r\n");
        harness.Response("+PONG\r\n");
        Assert.Equal("PING", Assert.Single(harness.Records).Command);
        Assert.Equal(0, harness.Redis.ParseErrors);
    }

    [Fact]
    public void BlockingCommandsHaveTheirWholeWaitAsLatency()
    {
        using var harness = new RedisHarness();
        harness.Request(Command("BLPOP", "jobs", "5"), timestampNs: 1_000_000);
        harness.Request(Command("PING"), timestampNs: 1_100_000);
        harness.Response("*2\r\n$4\r\njobs\r\n$3\r\njob\r\n", timestampNs: 2_001_000_000);
        harness.Response("+PONG\r\n", timestampNs: 2_001_100_000);
        Assert.Equal(2_000_000_000, harness.Records[0].LatencyNs);
        Assert.Equal("[\"jobs\",\"job\"]", harness.Records[0].Reply);
        Assert.Equal(2_000_000_000, harness.Records[1].LatencyNs);
    }
}
