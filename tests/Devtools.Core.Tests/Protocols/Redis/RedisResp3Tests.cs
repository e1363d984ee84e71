using System.Text.Json;
using static Devtools.Core.Tests.Protocols.Redis.RedisSamples;

namespace Devtools.Core.Tests.Protocols.Redis;

/// <summary>How every RESP2 and RESP3 type renders, at the top and inside aggregates.</summary>
public class RedisResp3Tests
{
    [Theory]
    [InlineData("+OK\r\n", "OK")]
    [InlineData("-WRONGTYPE Operation against a key\r\n", "-WRONGTYPE Operation against a key")]
    [InlineData(":-12\r\n", "-12")]
    [InlineData("$0\r\n\r\n", "")]
    [InlineData("$-1\r\n", "<NULL>")]
    [InlineData("*-1\r\n", "<NULL>")]
    [InlineData("_\r\n", "<NULL>")]
    [InlineData(",1.5\r\n", "1.5")]
    [InlineData(",inf\r\n", "inf")]
    [InlineData("#t\r\n", "true")]
    [InlineData("#f\r\n", "false")]
    [InlineData("(3492890328409238509324850943850943825024385\r\n", "3492890328409238509324850943850943825024385")]
    [InlineData("=15\r\ntxt:Some string\r\n", "Some string")]
    [InlineData("!21\r\nSYNTAX invalid syntax\r\n", "-SYNTAX invalid syntax")]
    [InlineData("*3\r\n:1\r\n$1\r\na\r\n_\r\n", "[1,\"a\",null]")]
    [InlineData("~2\r\n+x\r\n,2.5e+20\r\n", "[\"x\",2.5e+20]")]
    [InlineData("*2\r\n,-inf\r\n,nan\r\n", "[\"-inf\",\"nan\"]")]
    [InlineData("%2\r\n:1\r\n#t\r\n$1\r\nk\r\n*1\r\n-ERR x\r\n", "{\"1\":true,\"k\":[\"-ERR x\"]}")]
    [InlineData("%1\r\n*1\r\n:1\r\n+v\r\n", "{\"…\":\"v\"}")]
    [InlineData("|1\r\n+ttl\r\n:3600\r\n$1\r\nv\r\n", "{\"attributes\":{\"ttl\":3600},\"reply\":\"v\"}")]
    [InlineData("*2\r\n|1\r\n+a\r\n:1\r\n:2\r\n:3\r\n", "[{\"attributes\":{\"a\":1},\"reply\":2},3]")]
    [InlineData("*2\r\n*0\r\n%0\r\n", "[[],{}]")]
    [InlineData("$6\r\na\"b\\\u0001\u00ff\r\n", "a\"b\\\u0001\\xff")]
    public void RepliesRenderAsDocumented(string reply, string rendering)
    {
        bool error = reply[0] is '-' or '!';
        using var harness = new RedisHarness();
        harness.Request(Command("X"));
        harness.Response(System.Text.Encoding.Latin1.GetBytes(reply));
        RedisRecord record = Assert.Single(harness.Records);
        Assert.Equal(rendering, record.Reply);
        Assert.Equal(error, record.IsError);
        if (rendering.Length > 0 && rendering[0] is '[' or '{')
            JsonDocument.Parse(record.Reply).Dispose();
    }

    [Fact]
    public void DeepNestingIsRejectedAndTheNextReplyFound()
    {
        using var harness = new RedisHarness();
        harness.Request(Command("X") + Command("Y"));
        harness.Response(string.Concat(Enumerable.Repeat("*1\r\n", 40)) + ":1\r\n+OK\r\n");
        // Resynchronisation finds an inner array; whatever X gets, Y gets its own reply.
        Assert.Equal("Y", harness.Records[^1].Command);
        Assert.Equal("OK", harness.Records[^1].Reply);
        Assert.True(harness.Redis.ParseErrors >= 1);
    }

    [Fact]
    public void NestingWithinTheLimitRendersWhole()
    {
        using var harness = new RedisHarness();
        harness.Request(Command("X"));
        harness.Response(string.Concat(Enumerable.Repeat("*1\r\n", 30)) + ":1\r\n");
        Assert.Equal(new string('[', 30) + "1" + new string(']', 30), Assert.Single(harness.Records).Reply);
    }
}
