using System.Text;
using System.Text.Json;
using Devtools.Core.Capture;
using Devtools.Core.Query.Redis;

namespace Devtools.Integration.Tests.Redis;

/// <summary>Reading back and checking what a capture put in redis_events.</summary>
internal static class RedisRows
{
    /// <summary>Stops the capture and returns every redis_events row, asserting nothing was lost on the way.</summary>
    public static List<RedisEvent> StopAndRead(CaptureSession session)
    {
        CaptureSummary summary = session.Stop();
        Assert.Null(session.Fault);
        Assert.Equal(0UL, summary.DroppedEvents);
        return [.. RedisEvent.ReadAll(session.Tables.RedisEvents).OrderBy(r => r.TimeUnixNs)];
    }

    /// <summary>Rows the server wrote (its side of each connection).</summary>
    public static List<RedisEvent> ServerSide(IEnumerable<RedisEvent> rows, Infrastructure.RedisServer server) =>
        [.. rows.Where(r => r.TraceRole == 2 && r.LocalPort == server.Port && r.Upid.Pid == (uint)server.Process.Pid)];

    /// <summary>Rows clients wrote (their side of connections to the server).</summary>
    public static List<RedisEvent> ClientSide(IEnumerable<RedisEvent> rows, Infrastructure.RedisServer server) =>
        [.. rows.Where(r => r.TraceRole == 1 && r.RemotePort == server.Port)];

    public static string[] Args(RedisEvent row) => JsonSerializer.Deserialize<string[]>(row.ReqArgs)!;

    /// <summary>Rows per command, pushes included ("PUSH PUB").</summary>
    public static Dictionary<string, long> CountByCommand(IEnumerable<RedisEvent> rows) =>
        rows.GroupBy(r => r.ReqCmd).ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal);

    public static string Describe(IEnumerable<RedisEvent> rows) =>
        string.Join("\n", rows.Select(r => $"  pid {r.Upid.Pid} {r.LocalPort}->{r.RemotePort} role {r.TraceRole}: {r.ReqCmd} {Clip(r.ReqArgs)} -> {Clip(r.Resp)} ({r.LatencyNs / 1e6:0.000} ms)"));

    public static string Describe(IReadOnlyDictionary<string, long> counts) =>
        string.Join(", ", counts.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}"));

    /// <summary>How a value of <paramref name="bytes"/> shows in a row: itself, or its first 512 bytes and its size.</summary>
    public static string Shown(byte[] bytes) =>
        bytes.Length <= 512 ? Encoding.UTF8.GetString(bytes) : Encoding.UTF8.GetString(bytes, 0, 512) + $"…({bytes.Length} bytes)";

    private static string Clip(string text) => text.Length <= 120 ? text : text[..120] + "...";
}
