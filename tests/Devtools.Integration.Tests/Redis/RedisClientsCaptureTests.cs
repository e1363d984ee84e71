using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Devtools.Core.Capture;
using Devtools.Core.Query.Redis;
using Devtools.Integration.Tests.Infrastructure;
using StackExchange.Redis;
using Capture = Devtools.Integration.Tests.Infrastructure.Capture;

namespace Devtools.Integration.Tests.Redis;

/// <summary>
/// Real clients under load against a real redis-server: every command once on each side,
/// counted the same as the server counts them (INFO commandstats) and as the client says
/// it sent them; pipelining, transactions and pub/sub on a second connection included.
/// </summary>
[Collection(RealCapture.Name)]
public sealed partial class RedisClientsCaptureTests
{
    [Fact]
    public void RedisBenchmark_plain_and_pipelined_every_request_once()
    {
        using RedisServer server = RedisServer.Start();
        Dictionary<string, long> before = server.CommandCounts();
        var runs = new List<BenchmarkRun>();
        List<RedisEvent> rows;
        using (CaptureSession session = Capture.Start())
        {
            foreach (string[] extra in (string[][])[[], ["-P", "16"]])
            {
                (int exit, string output) = ManagedProcess.Run(
                    "redis-benchmark",
                    ["-p", server.Port.ToString(CultureInfo.InvariantCulture), "-n", "2000", "-c", "4", "-t", "set,get,incr,lpush", .. extra],
                    TimeSpan.FromSeconds(60));
                Assert.True(exit == 0, output);
                runs.Add(BenchmarkRun.Parse(output));
            }
            rows = RedisRows.StopAndRead(session);
        }
        Dictionary<string, long> delta = RedisServer.Delta(before, server.CommandCounts());
        delta["INFO"]--;

        // What the benchmark says it sent: its tests, and two CONFIG GETs (save, appendonly) per run.
        var sent = new Dictionary<string, long>(StringComparer.Ordinal) { ["CONFIG GET"] = 2 * runs.Count };
        foreach (BenchmarkRun run in runs)
        {
            foreach ((string command, long count) in run.Requests)
                sent[command] = sent.GetValueOrDefault(command) + count;
        }
        Assert.Equal(4 * 2000 * 2 + 4, sent.Values.Sum());
        Assert.Equal(RedisRows.Describe(sent), RedisRows.Describe(delta.Where(kv => kv.Value != 0).ToDictionary()));

        List<RedisEvent> serverRows = RedisRows.ServerSide(rows, server);
        List<RedisEvent> clientRows = RedisRows.ClientSide(rows, server);
        Assert.Equal(RedisRows.Describe(sent), RedisRows.Describe(RedisRows.CountByCommand(serverRows)));
        Assert.Equal(RedisRows.Describe(sent), RedisRows.Describe(RedisRows.CountByCommand(clientRows)));
        Assert.All(serverRows.Concat(clientRows), r => Assert.True(r.LatencyNs > 0 && !r.IsError, $"{r.ReqCmd} {r.Resp} {r.LatencyNs}"));
        // GET reads back the payload SET wrote.
        string payload = RedisRows.Args(serverRows.First(r => r.ReqCmd == "SET"))[1];
        Assert.All(serverRows.Where(r => r.ReqCmd == "GET"), r => Assert.Equal(payload, r.Resp));
        Assert.All(serverRows.Where(r => r.ReqCmd == "SET"), r => Assert.Equal("OK", r.Resp));

        // No command took longer than the benchmark measured for it (its maximum, rounded up by its histogram).
        foreach (List<RedisEvent> side in (List<RedisEvent>[])[serverRows, clientRows])
        {
            foreach (string command in runs[0].MaxLatencyMs.Keys)
            {
                long limit = (long)(runs.Max(r => r.MaxLatencyMs[command]) * 1.01 * 1e6) + 10_000;
                long worst = side.Where(r => r.ReqCmd == command).Max(r => r.LatencyNs);
                Assert.True(worst <= limit, $"{command}: {worst} ns, the benchmark measured at most {limit} ns");
            }
        }
    }

    [Fact]
    public async Task StackExchangeRedis_pipelining_transactions_and_pubsub_on_both_sides()
    {
        using RedisServer server = RedisServer.Start();
        Dictionary<string, long> before = server.CommandCounts();
        const int pipelined = 300;
        const int published = 25;
        long pipelineNs;
        List<RedisEvent> rows;
        using (CaptureSession session = Capture.Start())
        {
            var options = new ConfigurationOptions { EndPoints = { server.Endpoint }, ClientName = "devtools-test", AbortOnConnectFail = true };
            await using (ConnectionMultiplexer mux = await ConnectionMultiplexer.ConnectAsync(options))
            {
                IDatabase db = mux.GetDatabase();
                var clock = Stopwatch.StartNew();
                await Task.WhenAll(Enumerable.Range(0, pipelined).Select(i => db.StringSetAsync($"k:{i}", $"v:{i}")));
                pipelineNs = (long)clock.Elapsed.TotalNanoseconds;
                Assert.Equal("v:7", (string?)await db.StringGetAsync("k:7"));
                await db.HashSetAsync("h", [new HashEntry("a", "1"), new HashEntry("b", "2")]);
                Assert.Equal(2, (await db.HashGetAllAsync("h")).Length);
                ITransaction transaction = db.CreateTransaction();
                Task<long> first = transaction.StringIncrementAsync("n");
                Task<long> second = transaction.StringIncrementAsync("n");
                Assert.True(await transaction.ExecuteAsync());
                Assert.Equal(2, await second);
                await first;
                await Assert.ThrowsAsync<RedisServerException>(() => db.ListLeftPushAsync("k:1", "x"));

                ISubscriber subscriber = mux.GetSubscriber();
                RedisChannel channel = RedisChannel.Literal("news");
                int received = 0;
                var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                await subscriber.SubscribeAsync(channel, (_, _) =>
                {
                    if (Interlocked.Increment(ref received) == published)
                        all.TrySetResult();
                });
                for (int i = 0; i < published; i++)
                    Assert.Equal(1, await subscriber.PublishAsync(channel, $"message {i}"));
                await all.Task.WaitAsync(TimeSpan.FromSeconds(10));
                await subscriber.UnsubscribeAsync(channel);
            }
            rows = RedisRows.StopAndRead(session);
        }
        Dictionary<string, long> delta = RedisServer.Delta(before, server.CommandCounts());
        delta["INFO"]--;
        List<RedisEvent> serverRows = RedisRows.ServerSide(rows, server);
        List<RedisEvent> clientRows = [.. RedisRows.ClientSide(rows, server).Where(r => r.Upid.Pid == (uint)Environment.ProcessId)];
        File.WriteAllText("/tmp/rtest/se.txt", RedisRows.Describe(serverRows.Where(r => !r.ReqArgs.StartsWith("[\"k:", StringComparison.Ordinal))));

        // Everything the server executed is there once; what it did not know (newer handshake
        // commands) is there too, answered with an error.
        Dictionary<string, long> commands = RedisRows.CountByCommand(serverRows.Where(r => !RedisReplyText.IsPush(System.Text.Encoding.UTF8.GetBytes(r.ReqCmd))));
        Dictionary<string, long> known = commands.Where(kv => delta.ContainsKey(kv.Key)).ToDictionary();
        Assert.Equal(RedisRows.Describe(delta.Where(kv => kv.Value != 0).ToDictionary()), RedisRows.Describe(known));
        Assert.All(serverRows.Where(r => !delta.ContainsKey(r.ReqCmd) && !r.ReqCmd.StartsWith("PUSH", StringComparison.Ordinal)), r => Assert.True(r.IsError, $"{r.ReqCmd} -> {r.Resp}"));
        Assert.True(commands["SET"] >= pipelined);
        Assert.Equal(1, commands["MULTI"]);
        Assert.Equal(1, commands["EXEC"]);
        Assert.Contains(serverRows, r => r.ReqCmd == "LPUSH" && r.Resp.StartsWith("-WRONGTYPE", StringComparison.Ordinal));
        Assert.Contains(serverRows, r => r.ReqCmd == "CLIENT SETNAME" && r.ReqArgs == "[\"devtools-test\"]");
        Assert.Contains(serverRows, r => r.ReqCmd == "EXEC" && r.Resp == "[1,2]");

        // Pub/sub: the subscription's confirmation answers SUBSCRIBE; each message is a push row.
        Assert.Contains(serverRows, r => r.ReqCmd == "SUBSCRIBE" && r.ReqArgs == "[\"news\"]" && r.Resp.Contains("\"subscribe\",\"news\"", StringComparison.Ordinal));
        List<RedisEvent> pushes = [.. serverRows.Where(r => r.ReqCmd == "PUSH PUB" && r.Resp.Contains("\"news\"", StringComparison.Ordinal))];
        Assert.Equal(published, pushes.Count);
        Assert.Equal(Enumerable.Range(0, published).Select(i => $"message {i}"), pushes.Select(p => RedisRows.Args(p with { ReqArgs = p.Resp })[^1]));

        // The client's side (this process) sees the same commands and pushes.
        Assert.Equal(RedisRows.Describe(RedisRows.CountByCommand(serverRows)), RedisRows.Describe(RedisRows.CountByCommand(clientRows)));
        Assert.All(serverRows.Concat(clientRows).Where(r => !r.ReqCmd.StartsWith("PUSH", StringComparison.Ordinal)), r => Assert.True(r.LatencyNs > 0));
        Assert.All(clientRows.Where(r => r.ReqCmd == "SET" && r.ReqArgs.StartsWith("[\"k:", StringComparison.Ordinal)), r => Assert.InRange(r.LatencyNs, 1, pipelineNs));
    }

    /// <summary>What one redis-benchmark run reports per test.</summary>
    private sealed record BenchmarkRun(Dictionary<string, long> Requests, Dictionary<string, double> MaxLatencyMs)
    {
        public static BenchmarkRun Parse(string output)
        {
            var requests = new Dictionary<string, long>(StringComparer.Ordinal);
            var max = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (Match test in TestSection().Matches(output.Replace('\r', '\n')))
            {
                string command = test.Groups[1].Value;
                requests[command] = long.Parse(test.Groups[2].Value, CultureInfo.InvariantCulture);
                max[command] = double.Parse(test.Groups[3].Value, CultureInfo.InvariantCulture);
            }
            Assert.True(requests.Count == 4, output);
            return new BenchmarkRun(requests, max);
        }
    }

    // "====== SET ======\n  2000 requests completed ... latency summary (msec):\n avg min p50 p95 p99 max\n 0.5 0.02 0.06 1.6 6.4 28.383"
    [GeneratedRegex(@"====== (\w+) ======\s+(\d+) requests completed.*?max\s*\n\s*(?:[\d.]+\s+){5}([\d.]+)", RegexOptions.Singleline)]
    private static partial Regex TestSection();
}
