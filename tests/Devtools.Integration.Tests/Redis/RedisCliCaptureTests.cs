using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Devtools.Core.Capture;
using Devtools.Core.Query.Redis;
using Devtools.Integration.Tests.Infrastructure;
using Capture = Devtools.Integration.Tests.Infrastructure.Capture;

namespace Devtools.Integration.Tests.Redis;

/// <summary>
/// Real eBPF capture of redis-server and redis-cli on loopback: every command the client
/// sent is in redis_events exactly once on each side, with its arguments and reply, a
/// latency no larger than the client measured, the counts the server itself keeps
/// (INFO commandstats), and what tshark decodes from the same packets.
/// </summary>
[Collection(RealCapture.Name)]
public sealed class RedisCliCaptureTests
{
    private static readonly string Big = new('x', 40_000);

    private static readonly string[] TransactionRows =
        ["MULTI [] -> OK", "SET [\"a\",\"1\"] -> QUEUED", "INCR [\"a\"] -> QUEUED", "EXEC [] -> [\"OK\",2]", "GET [\"a\"] -> 2"];

    private static readonly (string[] Command, string Name, string[] Args, string Reply)[] Commands =
    [
        (["PING"], "PING", [], "PONG"),
        (["SET", "user:1", "{\"name\":\"Ada\"}"], "SET", ["user:1", "{\"name\":\"Ada\"}"], "OK"),
        (["GET", "user:1"], "GET", ["user:1"], "{\"name\":\"Ada\"}"),
        (["GET", "missing"], "GET", ["missing"], "<NULL>"),
        (["INCR", "hits"], "INCR", ["hits"], "1"),
        (["incrby", "hits", "41"], "INCRBY", ["hits", "41"], "42"),
        (["HSET", "h", "f1", "v1", "f2", "v2"], "HSET", ["h", "f1", "v1", "f2", "v2"], "2"),
        (["HGETALL", "h"], "HGETALL", ["h"], "[\"f1\",\"v1\",\"f2\",\"v2\"]"),
        (["LPUSH", "l", "a", "b", "c"], "LPUSH", ["l", "a", "b", "c"], "3"),
        (["LRANGE", "l", "0", "-1"], "LRANGE", ["l", "0", "-1"], "[\"c\",\"b\",\"a\"]"),
        (["TTL", "missing"], "TTL", ["missing"], "-2"),
        (["NOSUCH", "x"], "NOSUCH", ["x"], "-ERR unknown command 'NOSUCH', with args beginning with: 'x' "),
        (["CONFIG", "GET", "maxmemory"], "CONFIG GET", ["maxmemory"], "[\"maxmemory\",\"0\"]"),
        (["CLIENT", "SETNAME", "cli-test"], "CLIENT SETNAME", ["cli-test"], "OK"),
        (["SET", "big", Big], "SET", ["big", RedisRows.Shown(Encoding.ASCII.GetBytes(Big))], "OK"),
        (["GET", "big"], "GET", ["big"], RedisRows.Shown(Encoding.ASCII.GetBytes(Big))),
        (["ECHO", "h\u00e9llo"], "ECHO", ["h\u00e9llo"], "h\u00e9llo"),
        (["DEL", "big", "l"], "DEL", ["big", "l"], "2"),
    ];

    [Fact]
    public void RedisCli_commands_each_captured_once_on_both_sides_and_as_tshark_decodes_them()
    {
        using RedisServer server = RedisServer.Start();
        Dictionary<string, long> before = server.CommandCounts();
        using var tshark = TsharkCapture.Start(server.Port);
        var clientLatencies = new List<long>();

        using (CaptureSession session = Capture.Start())
        {
            foreach ((string[] command, _, _, _) in Commands)
            {
                var clock = Stopwatch.StartNew();
                server.Cli(command);
                clientLatencies.Add((long)clock.Elapsed.TotalNanoseconds);
            }
            List<RedisEvent> rows = RedisRows.StopAndRead(session);
            List<TsharkRespMessage> decoded = RedisTshark.Read(tshark, server.Port);
            Dictionary<string, long> delta = RedisServer.Delta(before, server.CommandCounts());

            List<RedisEvent> serverRows = RedisRows.ServerSide(rows, server);
            List<RedisEvent> clientRows = RedisRows.ClientSide(rows, server);
            AssertEachOnce(serverRows, clientLatencies, "server side (redis-server)");
            AssertEachOnce(clientRows, clientLatencies, "client side (redis-cli)");
            Assert.All(clientRows, r => Assert.NotEqual((uint)server.Process.Pid, r.Upid.Pid));

            // The server's own counts: what it executed (INFO commandstats was run once before capture).
            delta["INFO"]--;
            Assert.Equal(
                RedisRows.Describe(delta.Where(kv => kv.Value != 0).ToDictionary()),
                RedisRows.Describe(RedisRows.CountByCommand(serverRows.Where(r => r.ReqCmd != "NOSUCH"))));

            AssertAgreesWithTshark(serverRows, decoded);
        }
    }

    [Fact]
    public void RedisCli_session_with_transaction_inline_commands_and_pipe_mode()
    {
        using RedisServer server = RedisServer.Start();
        const int piped = 1000;
        var pipe = new StringBuilder();
        for (int i = 0; i < piped; i++)
            pipe.Append(Command(i % 3 == 0 ? ["INCR", "counter"] : ["SET", $"key:{i}", $"value:{i}"]));
        string pipeFile = Path.Combine(server.Directory, "pipe.txt");
        File.WriteAllText(pipeFile, pipe.ToString());
        string sessionFile = Path.Combine(server.Directory, "session.txt");
        File.WriteAllText(sessionFile, "MULTI\nSET a 1\nINCR a\nEXEC\nGET a\n");
        Dictionary<string, long> before = server.CommandCounts();

        List<RedisEvent> rows;
        using (CaptureSession session = Capture.Start())
        {
            // One connection, commands typed one by one.
            Bash($"redis-cli -p {server.Port} < {sessionFile}");
            // Everything written at once, replies read after (redis-cli ends with an ECHO of its own).
            Bash($"redis-cli -p {server.Port} --pipe < {pipeFile}");
            // A line typed by hand.
            Python($$"""
                import socket
                s = socket.create_connection(("127.0.0.1", {{server.Port}}))
                s.sendall(b'PING\r\nset greeting "hello world"\r\n')
                data = b""
                while data.count(b"\r\n") < 2:
                    data += s.recv(100)
                s.close()
                """);
            rows = RedisRows.StopAndRead(session);
        }
        Dictionary<string, long> delta = RedisServer.Delta(before, server.CommandCounts());
        delta["INFO"]--;

        List<RedisEvent> serverRows = RedisRows.ServerSide(rows, server);
        Assert.Equal(RedisRows.Describe(delta.Where(kv => kv.Value != 0).ToDictionary()), RedisRows.Describe(RedisRows.CountByCommand(serverRows)));
        // redis-cli reading commands from stdin asks for COMMAND DOCS first.
        Assert.Equal("COMMAND DOCS", serverRows[0].ReqCmd);
        Assert.StartsWith("[", serverRows[0].Resp, StringComparison.Ordinal);
        Assert.True(
            TransactionRows.SequenceEqual(serverRows.Skip(1).Take(5).Select(r => $"{r.ReqCmd} {r.ReqArgs} -> {r.Resp}")),
            $"delta {RedisRows.Describe(delta)}; {serverRows.Count} server rows, {rows.Count} rows:\n{RedisRows.Describe(rows.Take(12))}");
        List<RedisEvent> pipeRows = [.. serverRows.Skip(6).Take(piped + 1)];
        Assert.Equal(piped + 1, pipeRows.Count);
        Assert.Equal(piped / 3 + 1, pipeRows.Count(r => r.ReqCmd == "INCR"));
        Assert.Equal($"[\"key:{piped - 2}\",\"value:{piped - 2}\"]", pipeRows.Last(r => r.ReqCmd == "SET").ReqArgs);
        Assert.Equal("ECHO", pipeRows[^1].ReqCmd);
        // Its 20 random bytes come back as they went: the same characters, those not UTF-8 as \xNN.
        Assert.Equal(20, Regex.Split(pipeRows[^1].Resp, @"\\x[0-9a-f]{2}").Sum(Encoding.UTF8.GetByteCount) + Regex.Count(pipeRows[^1].Resp, @"\\x[0-9a-f]{2}"));
        Assert.Equal(["PING [] -> PONG", "SET [\"greeting\",\"hello world\"] -> OK"], serverRows.Skip(7 + piped).Select(r => $"{r.ReqCmd} {r.ReqArgs} -> {r.Resp}"));
        Assert.All(serverRows, r => Assert.True(r.LatencyNs > 0));
    }

    private static void AssertEachOnce(List<RedisEvent> rows, List<long> clientLatencies, string side)
    {
        Assert.True(rows.Count == Commands.Length, $"{side}: expected {Commands.Length} commands, captured {rows.Count}:\n{RedisRows.Describe(rows)}");
        for (int i = 0; i < Commands.Length; i++)
        {
            (_, string name, string[] args, string reply) = Commands[i];
            RedisEvent row = rows[i];
            Assert.True(name == row.ReqCmd && args.SequenceEqual(RedisRows.Args(row)) && reply == row.Resp,
                $"{side}: command {i}: expected {name} {JsonSerializer.Serialize(args)} -> {reply}\nall captured:\n{RedisRows.Describe(rows)}");
            Assert.True(row.LatencyNs > 0 && row.LatencyNs <= clientLatencies[i], $"{side}: {name} latency {row.LatencyNs} ns, client measured {clientLatencies[i]} ns");
            Assert.Equal(reply.StartsWith("-ERR", StringComparison.Ordinal), row.IsError);
        }
    }

    /// <summary>Field by field: each command's name and arguments, and its reply, as tshark's RESP dissector sees them.</summary>
    private static void AssertAgreesWithTshark(List<RedisEvent> rows, List<TsharkRespMessage> decoded)
    {
        foreach (RedisEvent row in rows)
        {
            int port = (int)row.RemotePort;
            // A message spread over several segments is decoded whole in its last one.
            TsharkRespMessage request = decoded.Last(m => m.ClientPort == port && m.IsRequest);
            TsharkRespMessage reply = decoded.Last(m => m.ClientPort == port && !m.IsRequest);

            List<string> parts = [.. request.BulkValues.Select(RedisRows.Shown)];
            Assert.Equal(request.ArrayLength, parts.Count);
            string name = parts[0].ToUpperInvariant();
            int argsFrom = 1;
            if (row.ReqCmd.Contains(' ', StringComparison.Ordinal))
            {
                name += " " + parts[1].ToUpperInvariant();
                argsFrom = 2;
            }
            Assert.Equal(name, row.ReqCmd);
            Assert.Equal(parts.Skip(argsFrom), RedisRows.Args(row));

            switch (reply)
            {
                case { SimpleString: string simple }:
                    Assert.Equal(simple, row.Resp);
                    break;
                case { Error: string error }:
                    Assert.Equal("-" + error, row.Resp);
                    break;
                case { Integer: long n }:
                    Assert.Equal(n.ToString(System.Globalization.CultureInfo.InvariantCulture), row.Resp);
                    break;
                case { ArrayLength: long length }:
                    Assert.Equal(length, reply.BulkValues.Count);
                    Assert.Equal(reply.BulkValues.Select(RedisRows.Shown), JsonSerializer.Deserialize<string[]>(row.Resp)!);
                    break;
                case { BulkLengths: [-1] }:
                    Assert.Equal("<NULL>", row.Resp);
                    break;
                default:
                    Assert.Equal(RedisRows.Shown(Assert.Single(reply.BulkValues)), row.Resp);
                    break;
            }
        }
    }

    private static void Python(string script)
    {
        (int exit, string output) = ManagedProcess.Run("python3", ["-c", script], TimeSpan.FromSeconds(30));
        Assert.True(exit == 0, $"python failed ({exit}): {output}");
    }

    private static void Bash(string script)
    {
        (int exit, string output) = ManagedProcess.Run("bash", ["-c", script], TimeSpan.FromSeconds(30));
        Assert.True(exit == 0, $"{script} failed ({exit}): {output}");
    }

    private static string Command(params string[] parts)
    {
        var text = new StringBuilder();
        text.Append('*').Append(parts.Length).Append("\r\n");
        foreach (string part in parts)
            text.Append('$').Append(Encoding.UTF8.GetByteCount(part)).Append("\r\n").Append(part).Append("\r\n");
        return text.ToString();
    }
}
