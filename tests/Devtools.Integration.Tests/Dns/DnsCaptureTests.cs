using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Devtools.Core.Capture;
using Devtools.Core.Query.Dns;
using Devtools.Integration.Tests.Infrastructure;

namespace Devtools.Integration.Tests.Dns;

/// <summary>
/// Real eBPF capture of real DNS servers (dnsmasq, unbound) and clients (dig, glibc's
/// resolver, a .NET UDP client) on loopback: every lookup the client made must be in
/// dns_events exactly once, with the id, name, type, status and answers the client saw and a
/// latency no larger than the client measured — on the server side and on the client side —
/// and must agree field by field with what tshark decodes from the same packets.
/// </summary>
[Collection(RealCapture.Name)]
public sealed class DnsCaptureTests
{
    private static readonly string[] TsharkFields =
        ["dns.flags.response", "dns.id", "dns.qry.name", "dns.qry.type", "dns.flags.rcode", "dns.a", "dns.aaaa", "dns.cname"];

    [Fact]
    public void Dig_over_udp_to_dnsmasq_every_lookup_once_on_both_sides_and_as_tshark_decodes_it()
    {
        using DnsmasqServer dnsmasq = DnsmasqServer.Start();
        using TsharkCapture tshark = TsharkCapture.Start($"udp port {dnsmasq.Port}");
        using CaptureSession session = Capture.Start();
        (int digPid, List<DnsLookup> lookups) = Dig.Run(
            $"@{dnsmasq.Address}", "-p", dnsmasq.Port.ToString(CultureInfo.InvariantCulture),
            "host.example.test", "A",
            "host.example.test", "AAAA",
            "alias.example.test", "A",
            "_http._tcp.example.test", "SRV",
            "txt.example.test", "TXT",
            "5.0.0.10.in-addr.arpa", "PTR",
            "example.test", "MX",
            "weird.example.test", "TYPE65534",
            "missing.example.test", "A",
            "outside.invalid", "A");
        List<DnsEvent> rows = StopAndRead(session);

        Assert.Equal(10, lookups.Count);
        Assert.Equal(["NOERROR", "NOERROR", "NOERROR", "NOERROR", "NOERROR", "NOERROR", "NOERROR", "NOERROR", "NXDOMAIN", "REFUSED"], lookups.Select(l => l.Status));
        DnsAssert.EachCapturedOnce(lookups, rows.Where(r => r.Upid.Pid == (uint)dnsmasq.Process.Pid && r.TraceRole == 2 && r.LocalPort == dnsmasq.Port), "server side (dnsmasq)");
        DnsAssert.EachCapturedOnce(lookups, rows.Where(r => r.Upid.Pid == (uint)digPid && r.TraceRole == 1 && r.RemotePort == dnsmasq.Port), "client side (dig)");
        DnsEvent srv = rows.First(r => r.TraceRole == 2 && r.ReqBody.Contains("_http._tcp", StringComparison.Ordinal));
        Assert.Contains("\"target\":\"host.example.test\"", srv.RespBody, StringComparison.Ordinal);
        Assert.Contains("\"edns\":{\"udp_size\":1232", srv.ReqBody, StringComparison.Ordinal);

        AgreesWithTshark(tshark, $"udp.port=={dnsmasq.Port},dns", rows.Where(r => r.Upid.Pid == (uint)dnsmasq.Process.Pid), expectedResponses: 10);
    }

    [Fact]
    public void Dig_over_ipv6_udp_is_captured_with_ipv6_peers()
    {
        using DnsmasqServer dnsmasq = DnsmasqServer.Start("::1");
        using CaptureSession session = Capture.Start();
        (int digPid, List<DnsLookup> lookups) = Dig.Run(
            "@::1", "-p", dnsmasq.Port.ToString(CultureInfo.InvariantCulture),
            "host.example.test", "AAAA",
            "missing.example.test", "A");
        List<DnsEvent> rows = StopAndRead(session);

        Assert.Equal(["NOERROR", "NXDOMAIN"], lookups.Select(l => l.Status));
        List<DnsEvent> server = [.. rows.Where(r => r.Upid.Pid == (uint)dnsmasq.Process.Pid && r.TraceRole == 2)];
        List<DnsEvent> client = [.. rows.Where(r => r.Upid.Pid == (uint)digPid && r.TraceRole == 1)];
        DnsAssert.EachCapturedOnce(lookups, server, "server side (dnsmasq on ::1)");
        DnsAssert.EachCapturedOnce(lookups, client, "client side (dig to ::1)");
        Assert.All(server, r => Assert.Equal("::1", r.RemoteAddr));
        Assert.All(client, r => Assert.Equal(("::1", (long)dnsmasq.Port), (r.RemoteAddr, r.RemotePort)));
    }

    [Fact]
    public void Dig_over_tcp_several_lookups_on_one_connection_and_as_tshark_decodes_them()
    {
        using DnsmasqServer dnsmasq = DnsmasqServer.Start();
        using TsharkCapture tshark = TsharkCapture.Start($"tcp port {dnsmasq.Port}");
        using CaptureSession session = Capture.Start();
        (int digPid, List<DnsLookup> lookups) = Dig.Run(
            $"@{dnsmasq.Address}", "-p", dnsmasq.Port.ToString(CultureInfo.InvariantCulture), "+tcp", "+keepopen",
            "host.example.test", "AAAA",
            "alias.example.test", "A",
            "txt.example.test", "TXT",
            "missing.example.test", "AAAA");
        List<DnsEvent> rows = StopAndRead(session);

        Assert.Equal(4, lookups.Count);
        List<DnsEvent> server = [.. rows.Where(r => r.Upid.Pid == (uint)dnsmasq.Process.Pid && r.TraceRole == 2 && r.LocalPort == dnsmasq.Port)];
        List<DnsEvent> client = [.. rows.Where(r => r.Upid.Pid == (uint)digPid && r.TraceRole == 1 && r.RemotePort == dnsmasq.Port)];
        DnsAssert.EachCapturedOnce(lookups, server, "server side (dnsmasq, TCP)");
        DnsAssert.EachCapturedOnce(lookups, client, "client side (dig, TCP)");
        // +keepopen: one connection, so one client port for all four.
        Assert.Single(client.Select(r => r.LocalPort).Distinct());
        AgreesWithTshark(tshark, $"tcp.port=={dnsmasq.Port},dns", server, expectedResponses: 4);
    }

    [Fact]
    public void Glibc_resolver_asks_A_and_AAAA_in_parallel_and_each_answer_pairs_with_its_query()
    {
        // glibc always uses port 53: give dnsmasq its own loopback address and point a
        // private /etc/resolv.conf at it in a mount namespace of the client's own.
        string address = $"127.53.{Random.Shared.Next(1, 255)}.{Random.Shared.Next(1, 255)}";
        using DnsmasqServer dnsmasq = DnsmasqServer.Start(address, port: 53);
        string dir = Path.Combine(Path.GetTempPath(), $"devtools-resolv-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        try
        {
            string resolvConf = Path.Combine(dir, "resolv.conf");
            File.WriteAllText(resolvConf, $"nameserver {address}\noptions timeout:2 attempts:1\n");
            using TsharkCapture tshark = TsharkCapture.Start($"host {address} and port 53");
            using CaptureSession session = Capture.Start();
            var clock = Stopwatch.StartNew();
            (int exitCode, string output) = ManagedProcess.Run(
                "unshare",
                ["-m", "sh", "-c", $"mount --bind {resolvConf} /etc/resolv.conf && getent ahosts host.example.test && getent ahosts alias.example.test && getent ahostsv4 api.example.test; getent ahosts missing.example.test; true"],
                TimeSpan.FromSeconds(20));
            long elapsedNs = (long)clock.Elapsed.TotalNanoseconds;
            List<DnsEvent> rows = StopAndRead(session);
            Assert.True(exitCode == 0, output);
            Assert.Contains("fd00::5", output, StringComparison.Ordinal);
            Assert.Contains("10.0.0.7", output, StringComparison.Ordinal);

            // What glibc asked, as tshark decodes the answers: the ground truth.
            List<DnsLookup> asked = [.. TsharkResponses(tshark, $"udp.port==53,dns").Select(t => t with { LatencyBoundNs = elapsedNs })];
            Assert.Contains(asked, l => l.Name == "host.example.test" && l.Type == "A");
            Assert.Contains(asked, l => l.Name == "host.example.test" && l.Type == "AAAA");
            Assert.Contains(asked, l => l.Name == "missing.example.test" && l.Status == "NXDOMAIN");
            List<DnsEvent> client = [.. rows.Where(r => r.TraceRole == 1 && r.RemoteAddr == address && r.RemotePort == 53)];
            List<DnsEvent> server = [.. rows.Where(r => r.Upid.Pid == (uint)dnsmasq.Process.Pid && r.TraceRole == 2)];
            AssertSameLookups(asked, client, "client side (glibc via getent)");
            AssertSameLookups(asked, server, "server side (dnsmasq)");
            // The A and AAAA queries went out together on one socket (sendmmsg).
            Assert.Single(client.Where(r => r.ReqBody.Contains("\"host.example.test\"", StringComparison.Ordinal)).Select(r => r.LocalPort).Distinct());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Unbound_answers_servfail_refused_nxdomain_and_over_tcp_and_its_forwarded_queries_are_captured_on_both_ends()
    {
        using DnsmasqServer dnsmasq = DnsmasqServer.Start();
        using UnboundServer unbound = UnboundServer.Start(dnsmasq.Port);
        using CaptureSession session = Capture.Start();
        string port = unbound.Port.ToString(CultureInfo.InvariantCulture);
        (int udpPid, List<DnsLookup> udp) = Dig.Run(
            "@127.0.0.1", "-p", port, "+tries=1", "+timeout=5",
            "www.local.test", "A",
            "host.example.test", "AAAA",
            "missing.example.test", "A",
            "x.broken.test", "A",
            "x.refused.test", "A");
        (int tcpPid, List<DnsLookup> tcp) = Dig.Run("@127.0.0.1", "-p", port, "+tcp", "www.local.test", "AAAA");
        List<DnsEvent> rows = StopAndRead(session);

        Assert.Equal(["NOERROR", "NOERROR", "NXDOMAIN", "SERVFAIL", "REFUSED"], udp.Select(l => l.Status));
        List<DnsEvent> served = [.. rows.Where(r => r.Upid.Pid == (uint)unbound.Process.Pid && r.TraceRole == 2)];
        DnsAssert.EachCapturedOnce([.. udp, .. tcp], served, "server side (unbound)");
        DnsAssert.EachCapturedOnce(udp, rows.Where(r => r.Upid.Pid == (uint)udpPid && r.TraceRole == 1), "client side (dig → unbound)");
        DnsAssert.EachCapturedOnce(tcp, rows.Where(r => r.Upid.Pid == (uint)tcpPid && r.TraceRole == 1), "client side (dig +tcp → unbound)");

        // unbound's own queries to dnsmasq: the same exchanges seen from both of their ends.
        List<DnsLookup> forwarded = [.. rows.Where(r => r.Upid.Pid == (uint)unbound.Process.Pid && r.TraceRole == 1 && r.RemotePort == dnsmasq.Port).Select(DnsLookup.FromRow)];
        List<DnsLookup> backend = [.. rows.Where(r => r.Upid.Pid == (uint)dnsmasq.Process.Pid && r.TraceRole == 2).Select(DnsLookup.FromRow)];
        Assert.Contains(forwarded, l => l.Name.Equals("host.example.test", StringComparison.OrdinalIgnoreCase) && l.Type == "AAAA" && l.Status == "NOERROR");
        Assert.Contains(forwarded, l => l.Name.Equals("x.broken.test", StringComparison.OrdinalIgnoreCase) && l.Status == "REFUSED");
        Assert.Equal(forwarded.Select(l => l.Key).Order(), backend.Select(l => l.Key).Order());
        foreach (DnsLookup f in forwarded)
        {
            // The backend answered within the time unbound waited for it.
            DnsLookup b = backend.Single(x => x.Key == f.Key);
            Assert.True(b.LatencyBoundNs <= f.LatencyBoundNs, $"{f.Key}: backend {b.LatencyBoundNs} ns > forwarder {f.LatencyBoundNs} ns");
        }
    }

    [Fact]
    public async Task Dotnet_udp_client_retransmissions_parallel_queries_and_unanswered_queries_are_counted()
    {
        using DnsmasqServer dnsmasq = DnsmasqServer.Start();
        using var silent = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        int silentPort = ((IPEndPoint)silent.Client.LocalEndPoint!).Port;
        using CaptureSession session = Capture.Start(Environment.ProcessId);
        long parallelNs;
        long retransmitNs;
        using (var client = new UdpClient())
        {
            client.Connect(IPAddress.Loopback, dnsmasq.Port);
            // A and AAAA at once, answers read in whatever order they come.
            var clock = Stopwatch.StartNew();
            await client.SendAsync(RawQuery(0x1001, "host.example.test", 1));
            await client.SendAsync(RawQuery(0x1002, "host.example.test", 28));
            await client.ReceiveAsync();
            await client.ReceiveAsync();
            parallelNs = (long)clock.Elapsed.TotalNanoseconds;

            // The same query twice, as a resolver retransmits: dnsmasq answers both copies.
            clock.Restart();
            await client.SendAsync(RawQuery(0x2001, "api.example.test", 1));
            await client.SendAsync(RawQuery(0x2001, "api.example.test", 1));
            await client.ReceiveAsync();
            retransmitNs = (long)clock.Elapsed.TotalNanoseconds;
            await client.ReceiveAsync();
        }
        using (var lost = new UdpClient())
        {
            // Nobody answers: counted unmatched when the socket closes.
            lost.Connect(IPAddress.Loopback, silentPort);
            await lost.SendAsync(RawQuery(0x3001, "nobody.example.test", 1));
            await silent.ReceiveAsync();
        }
        CaptureSummary summary = session.Stop();
        Assert.Null(session.Fault);
        List<DnsEvent> rows = [.. DnsEvent.ReadAll(session.Tables.DnsEvents).Where(r => r.RemotePort == dnsmasq.Port)];

        Assert.Equal(
            ["4097 host.example.test A", "4098 host.example.test AAAA", "8193 api.example.test A"],
            rows.Select(DnsLookup.FromRow).Select(l => $"{l.Id} {l.Name} {l.Type}").Order());
        Assert.All(rows.Take(2), r => Assert.InRange(r.LatencyNs, 1, parallelNs));
        Assert.InRange(rows.Single(r => r.ReqHeader.Contains("8193", StringComparison.Ordinal)).LatencyNs, 1, retransmitNs);
        Assert.True(summary.Counter("dns.retransmissions") >= 1, Counters(summary));
        Assert.True(summary.Counter("dns.duplicate_responses") >= 1, Counters(summary));
        Assert.True(summary.Counter("dns.unmatched_requests") >= 1, Counters(summary));
        // The silent peer's flow saw the query go out (egress from the client socket only).
        Assert.DoesNotContain(DnsEvent.ReadAll(session.Tables.DnsEvents), r => r.ReqBody.Contains("nobody", StringComparison.Ordinal));
    }

    /// <summary>
    /// Stops the capture and returns every dns_events row, asserting nothing was lost on the
    /// way: no kernel drops, and so no bytes missing from any stream (a UDP socket's byte
    /// counts at close cover its datagrams to every peer, not one stream of its own).
    /// </summary>
    private static List<DnsEvent> StopAndRead(CaptureSession session)
    {
        CaptureSummary summary = session.Stop();
        Assert.Null(session.Fault);
        Assert.Equal(0UL, summary.DroppedEvents);
        Assert.Equal((0L, 0L), (summary.Counter("lost_bytes"), summary.Counter("lost_gaps")));
        return DnsEvent.ReadAll(session.Tables.DnsEvents);
    }

    private static string Counters(CaptureSummary summary) =>
        string.Join(", ", summary.Counters.Where(c => c.Key.StartsWith("dns.", StringComparison.Ordinal)).Select(c => $"{c.Key}={c.Value}"));

    /// <summary>
    /// Each DNS response tshark decoded matches the captured row of the same id and name
    /// field by field: type, rcode, A, AAAA and CNAME data (of every section, as tshark's fields have them).
    /// </summary>
    private static void AgreesWithTshark(TsharkCapture tshark, string decodeAs, IEnumerable<DnsEvent> rows, int expectedResponses)
    {
        List<DnsLookup> decoded = TsharkResponses(tshark, decodeAs);
        Assert.Equal(expectedResponses, decoded.Count);
        List<DnsLookup> captured = [.. rows.Select(r => DnsLookup.FromRow(r, allSections: true)).Select(AsTsharkShowsIt)];
        foreach (DnsLookup packet in decoded)
        {
            DnsLookup row = Assert.Single(captured, c => c.Id == packet.Id && c.Name == packet.Name && c.Type == packet.Type);
            Assert.Equal(packet.Status, row.Status);
            Assert.Equal(packet.Answers, row.Answers);
        }
    }

    /// <summary>Only the records tshark's fields show (of any section), grouped as they list them: A, then AAAA, then CNAME.</summary>
    private static DnsLookup AsTsharkShowsIt(DnsLookup lookup)
    {
        string[] order = ["A", "AAAA", "CNAME"];
        return lookup with
        {
            Answers = [.. lookup.Answers.Where(a => order.Contains(a.Split(' ')[0])).OrderBy(a => Array.IndexOf(order, a.Split(' ')[0]))],
        };
    }

    /// <summary>DNS responses in the capture file, their A, AAAA and CNAME answers in tshark's order (A, then AAAA, then CNAME).</summary>
    private static List<DnsLookup> TsharkResponses(TsharkCapture tshark, string decodeAs)
    {
        var lookups = new List<DnsLookup>();
        foreach (string[] f in tshark.Read("dns.flags.response == 1", [decodeAs], TsharkFields))
        {
            string[] Values(int i, string type) => f[i].Length == 0 ? [] : [.. f[i].Split(',').Select(v => $"{type} {v}")];
            lookups.Add(new DnsLookup(
                Convert.ToInt32(f[1], 16),
                f[2],
                TypeName(int.Parse(f[3], CultureInfo.InvariantCulture)),
                RcodeName(int.Parse(f[4], CultureInfo.InvariantCulture)),
                [.. Values(5, "A"), .. Values(6, "AAAA"), .. Values(7, "CNAME")]));
        }
        return lookups;
    }

    /// <summary>
    /// The captured rows are exactly the exchanges tshark saw (id, name, type, status, and the
    /// A/AAAA/CNAME answers), each once, with 0 &lt; latency ≤ the bound.
    /// </summary>
    private static void AssertSameLookups(List<DnsLookup> expected, List<DnsEvent> rows, string side) =>
        DnsAssert.EachCapturedOnce(expected, rows.Select(r => DnsLookup.FromRow(r, allSections: true)).Select(AsTsharkShowsIt), side);

    private static string TypeName(int type) => type switch
    {
        1 => "A",
        28 => "AAAA",
        5 => "CNAME",
        33 => "SRV",
        16 => "TXT",
        12 => "PTR",
        15 => "MX",
        _ => $"TYPE{type}",
    };

    private static string RcodeName(int rcode) => rcode switch
    {
        0 => "NOERROR",
        2 => "SERVFAIL",
        3 => "NXDOMAIN",
        5 => "REFUSED",
        _ => $"RCODE{rcode}",
    };

    /// <summary>A query as a stub resolver sends it: RD, one question, no EDNS.</summary>
    private static byte[] RawQuery(ushort id, string name, ushort type)
    {
        var bytes = new List<byte> { (byte)(id >> 8), (byte)id, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0 };
        foreach (string label in name.Split('.'))
        {
            bytes.Add((byte)label.Length);
            bytes.AddRange(System.Text.Encoding.ASCII.GetBytes(label));
        }
        bytes.AddRange([0, (byte)(type >> 8), (byte)type, 0, 1]);
        return [.. bytes];
    }
}
