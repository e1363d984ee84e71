using System.Text;
using System.Text.Json;
using Devtools.Core.Connections;
using Devtools.Core.Protocols.Redis;

namespace Devtools.Core.Tests.Protocols.Redis;

/// <summary>A Redis record turned into managed objects, for assertions.</summary>
public sealed class RedisRecord
{
    public required ConnectionInfo Connection { get; init; }
    public RedisRecordKind Kind { get; init; }
    public long StartNs { get; init; }
    public long EndNs { get; init; }
    public long LatencyNs { get; init; }
    public required string Command { get; init; }
    public required string Arguments { get; init; }
    public required string Reply { get; init; }
    public bool IsError { get; init; }

    /// <summary>The arguments parsed from their JSON (which must be valid).</summary>
    public string[] Args => JsonSerializer.Deserialize<string[]>(Arguments)!;

    /// <summary>Everything but timestamps, as one comparable string.</summary>
    public string Describe() => $"{Kind} {Command} {Arguments} -> {Reply}{(IsError ? " (error)" : "")}";

    public override string ToString() => Describe();
}

/// <summary>Materialises every record it is given (the test stand-in for the Arrow sink).</summary>
public sealed class CollectingRedisSink : IRedisCommandSink
{
    public List<RedisRecord> Records { get; } = [];

    public void Write(in RedisCommandRecord record)
    {
        Assert.True(IsValidUtf8(record.Arguments), "arguments are UTF-8");
        Assert.True(IsValidUtf8(record.Reply), "reply is UTF-8");
        Records.Add(new RedisRecord
        {
            Connection = record.Connection,
            Kind = record.Kind,
            StartNs = record.StartNs,
            EndNs = record.EndNs,
            LatencyNs = record.LatencyNs,
            Command = Encoding.UTF8.GetString(record.Command),
            Arguments = Encoding.UTF8.GetString(record.Arguments),
            Reply = Encoding.UTF8.GetString(record.Reply),
            IsError = record.IsError,
        });
    }

    private static bool IsValidUtf8(ReadOnlySpan<byte> bytes) => System.Text.Unicode.Utf8.IsValid(bytes);
}
