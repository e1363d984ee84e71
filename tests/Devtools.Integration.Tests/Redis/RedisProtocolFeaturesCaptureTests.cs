using System.Globalization;
using System.Text.Json;
using Devtools.Core.Capture;
using Devtools.Core.Diagnostics;
using Devtools.Core.Query.Redis;
using Devtools.Integration.Tests.Infrastructure;

namespace Devtools.Integration.Tests.Redis;

/// <summary>
/// The protocol's corners against a real redis-server, driven byte by byte from a small
/// client: RESP2 and RESP3 pub/sub with pushes interleaved with replies, a blocking
/// BLPOP, MONITOR output, CLIENT REPLY OFF, and a 1 MB value (past the kernel's per-call
/// capture cap). Each connection's rows must come out in order on both sides.
/// </summary>
[Collection(RealCapture.Name)]
public sealed class RedisProtocolFeaturesCaptureTests
{
    private const string Client = """
        import json, socket, sys, threading, time
        port = int(sys.argv[1])

        def conn():
            s = socket.create_connection(("127.0.0.1", port))
            return s, s.makefile("rb")

        def cmd(*parts):
            out = b"*%d\r\n" % len(parts)
            for p in parts:
                p = p if isinstance(p, bytes) else str(p).encode()
                out += b"$%d\r\n%s\r\n" % (len(p), p)
            return out

        def reply(f):
            line = f.readline()
            t, rest = line[:1], line[1:-2]
            if t in b"$=!":
                n = int(rest)
                return None if n < 0 else f.read(n + 2)[:-2]
            if t in b"*~>":
                n = int(rest)
                return None if n < 0 else [reply(f) for _ in range(n)]
            if t == b"%":
                return [reply(f) for _ in range(2 * int(rest))]
            return line

        out = {}
        sub, sf = conn()
        pub, pf = conn()
        sub.sendall(cmd("SUBSCRIBE", "ch1", "ch2")); reply(sf); reply(sf)
        for i in range(5):
            pub.sendall(cmd("PUBLISH", "ch1", "m%d" % i)); reply(pf)
        for i in range(5):
            reply(sf)
        sub.sendall(cmd("PING")); reply(sf)
        sub.sendall(cmd("UNSUBSCRIBE")); reply(sf); reply(sf)
        sub.sendall(cmd("GET", "k")); reply(sf)

        r3, rf = conn()
        r3.sendall(cmd("HELLO", "3")); reply(rf)
        r3.sendall(cmd("SUBSCRIBE", "ch1")); reply(rf)
        pub.sendall(cmd("PUBLISH", "ch1", "r3")); reply(pf)
        r3.sendall(cmd("GET", "k")); reply(rf); reply(rf)
        r3.sendall(cmd("UNSUBSCRIBE")); reply(rf)

        b, bf = conn()
        threading.Timer(0.3, lambda: pub.sendall(cmd("LPUSH", "jobs", "job1"))).start()
        start = time.monotonic()
        b.sendall(cmd("BLPOP", "jobs", "5")); reply(bf)
        out["blpop_ns"] = int((time.monotonic() - start) * 1e9)
        reply(pf)

        m, mf = conn()
        m.sendall(cmd("MONITOR")); reply(mf)
        pub.sendall(cmd("SET", "mon", "1")); reply(pf)
        reply(mf)
        m.sendall(cmd("PING")); reply(mf); reply(mf)
        m.sendall(cmd("RESET")); reply(mf)

        c, cf = conn()
        c.sendall(cmd("CLIENT", "REPLY", "OFF") + cmd("SET", "quiet", "1") + cmd("CLIENT", "REPLY", "ON")); reply(cf)
        big = b"z" * 1000000
        start = time.monotonic()
        c.sendall(cmd("SET", "big", big)); reply(cf)
        c.sendall(cmd("GET", "big"))
        assert reply(cf) == big
        out["big_ns"] = int((time.monotonic() - start) * 1e9)
        for s in (sub, pub, r3, b, m, c):
            s.close()
        print(json.dumps(out))
        """;

    [Fact]
    public void Pubsub_resp3_blocking_monitor_client_reply_and_a_large_value_on_both_sides()
    {
        using RedisServer server = RedisServer.Start();
        Dictionary<string, long> before = server.CommandCounts();
        List<RedisEvent> rows;
        string output;
        long monitorLines;
        using (CaptureSession session = Capture.Start())
        {
            int exit;
            (exit, output) = ManagedProcess.Run("python3", ["-c", Client, server.Port.ToString(CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(30));
            Assert.True(exit == 0, output);
            rows = RedisRows.StopAndRead(session);
            monitorLines = session.Counters.Protocol("redis").Specific("monitor_lines").Value;
        }
        using JsonDocument measured = JsonDocument.Parse(output.Trim().Split('\n')[^1]);
        long blpopNs = measured.RootElement.GetProperty("blpop_ns").GetInt64();
        Dictionary<string, long> delta = RedisServer.Delta(before, server.CommandCounts());
        delta["INFO"]--;

        List<RedisEvent> serverRows = RedisRows.ServerSide(rows, server);
        Assert.Equal(
            RedisRows.Describe(delta.Where(kv => kv.Value != 0).ToDictionary()),
            RedisRows.Describe(RedisRows.CountByCommand(serverRows.Where(r => r.ReqCmd != "PUSH PUB"))));

        foreach ((string side, List<RedisEvent> sideRows) in (ReadOnlySpan<(string, List<RedisEvent>)>)[("server", serverRows), ("client", RedisRows.ClientSide(rows, server))])
        {
            Dictionary<string, List<string>> connections = sideRows
                .GroupBy(r => side == "server" ? r.RemotePort : r.LocalPort)
                .ToDictionary(g => g.First().ReqCmd + " " + g.First().ReqArgs, g => g.Select(r => $"{r.ReqCmd} {r.ReqArgs} -> {r.Resp}").ToList());
            string all = RedisRows.Describe(sideRows);

            List<string> subscriber = connections["SUBSCRIBE [\"ch1\",\"ch2\"]"];
            Assert.True(subscriber.Count == 9, $"{side}:\n{all}");
            Assert.Equal("SUBSCRIBE [\"ch1\",\"ch2\"] -> [[\"subscribe\",\"ch1\",1],[\"subscribe\",\"ch2\",2]]", subscriber[0]);
            Assert.Equal(Enumerable.Range(0, 5).Select(i => $"PUSH PUB [] -> [\"message\",\"ch1\",\"m{i}\"]"), subscriber[1..6]);
            Assert.Equal("PING [] -> [\"pong\",\"\"]", subscriber[6]);
            Assert.Matches("^UNSUBSCRIBE \\[\\] -> \\[\\[\"unsubscribe\",\"ch[12]\",1\\],\\[\"unsubscribe\",\"ch[12]\",0\\]\\]$", subscriber[7]);
            Assert.Equal("GET [\"k\"] -> <NULL>", subscriber[8]);

            List<string> resp3 = connections["HELLO [\"3\"]"];
            Assert.Equal(
                ["SUBSCRIBE [\"ch1\"] -> [\"subscribe\",\"ch1\",1]", "PUSH PUB [] -> [\"message\",\"ch1\",\"r3\"]", "GET [\"k\"] -> <NULL>", "UNSUBSCRIBE [] -> [\"unsubscribe\",\"ch1\",0]"],
                resp3[1..]);
            Assert.StartsWith("HELLO [\"3\"] -> {\"server\":\"redis\"", resp3[0], StringComparison.Ordinal);

            RedisEvent blpop = sideRows.Single(r => r.ReqCmd == "BLPOP");
            Assert.Equal("[\"jobs\",\"job1\"]", blpop.Resp);
            Assert.InRange(blpop.LatencyNs, 250_000_000, blpopNs);

            Assert.Equal(["MONITOR [] -> OK", "PING [] -> PONG", "RESET [] -> RESET"], connections["MONITOR []"]);

            string shown = new string('z', 512) + "…(1000000 bytes)";
            Assert.Equal(
            [
                "CLIENT REPLY [\"OFF\"] -> ",
                "SET [\"quiet\",\"1\"] -> ",
                "CLIENT REPLY [\"ON\"] -> OK",
                $"SET [\"big\",\"{shown}\"] -> OK",
                $"GET [\"big\"] -> {shown}",
            ], connections["CLIENT REPLY [\"OFF\"]"]);
        }
        // Both ends of the MONITOR connection saw its two lines of output, and dropped them.
        Assert.True(monitorLines >= 4, $"monitor lines: {monitorLines}");
    }
}
