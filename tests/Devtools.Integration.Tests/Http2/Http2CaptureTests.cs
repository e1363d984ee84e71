using System.Globalization;
using Devtools.Core.Capture;
using Devtools.Core.Query.Http;
using Devtools.Integration.Tests.Infrastructure;

namespace Devtools.Integration.Tests.Http2;

/// <summary>
/// Real eBPF capture of real HTTP/2 peers over cleartext (h2c): nghttpd with curl (prior
/// knowledge and Upgrade), nghttp and h2load (multiplexed streams). Every request the
/// client made must be in http_events exactly once, as major_version 2, with the path,
/// status and sizes the client saw and a latency no larger than it measured — on the
/// server side and on the client side.
/// </summary>
[Collection(RealCapture.Name)]
public sealed class Http2CaptureTests
{
    private const string CurlFormat = "%{http_version} %{http_code} %{size_upload} %{size_download} %{time_total}\\n";

    [Fact]
    public void Credentials_and_cookies_curl_sends_are_redacted_on_both_sides()
    {
        // curl's HPACK encoder (nghttp2) sends these as literals; whether it marks them never
        // indexed or not, the rows must show the scheme word and nothing of the secrets.
        using NghttpdServer server = NghttpdServer.Start();
        var transfers = new (string Method, string Path, string[] Args)[]
        {
            ("GET", "/small.txt", ["-H", "Authorization: Bearer s3cr3t-t0ken-0123456789abcdef", "-H", "Cookie: session=c00kie-0123456789abcdef"]),
            ("GET", "/data.json", ["-H", "Authorization: Basic dXNlcjpwYXNzd29yZA==", "-H", "Cookie: s=1"]),
        };
        List<ClientExchange> exchanges = RunCurl(server, ["--http2-prior-knowledge"], transfers, out List<HttpEvent> rows, out CaptureSession session);
        using (session)
        {
            ExchangeAssert.EachCapturedOnce(exchanges, Server(rows, server), "server side (nghttpd)");
            ExchangeAssert.EachCapturedOnce(exchanges, Client(rows, server), "client side (curl)");
            foreach (HttpEvent row in Server(rows, server).Concat(Client(rows, server)))
            {
                string scheme = row.ReqPath == "/small.txt" ? "Bearer" : "Basic";
                Assert.Contains($"\"authorization\":\"{scheme} <redacted>\"", row.ReqHeaders, StringComparison.Ordinal);
                Assert.Contains("\"cookie\":\"<redacted>\"", row.ReqHeaders, StringComparison.Ordinal);
                Assert.DoesNotContain("s3cr3t", row.ReqHeaders, StringComparison.Ordinal);
                Assert.DoesNotContain("c00kie", row.ReqHeaders, StringComparison.Ordinal);
                Assert.DoesNotContain("dXNlcjpw", row.ReqHeaders, StringComparison.Ordinal);
            }
            Assert.Equal(0, session.Counters.Protocol("http2").ParseErrors);
        }
    }

    [Fact]
    public void Curl_prior_knowledge_to_nghttpd_every_request_once_on_both_sides()
    {
        using NghttpdServer server = NghttpdServer.Start();
        string upload = Path.Combine(server.Directory, "upload.bin");
        File.WriteAllBytes(upload, Enumerable.Range(0, 20_000).Select(i => (byte)i).ToArray());
        var transfers = new (string Method, string Path, string[] Args)[]
        {
            ("GET", "/small.txt", []),
            ("GET", "/data.json", []),
            ("GET", "/big.bin", []),
            ("GET", "/missing.txt", []),
            ("HEAD", "/small.txt", ["-I"]),
            ("POST", "/small.txt", ["--data-binary", "@" + upload]),
        };
        List<ClientExchange> exchanges = RunCurl(server, ["--http2-prior-knowledge"], transfers, out List<HttpEvent> rows, out CaptureSession session);
        using (session)
        {
            Assert.Equal([200, 200, 200, 404, 200, 200], exchanges.Select(e => e.Status));
            ExchangeAssert.EachCapturedOnce(exchanges, Server(rows, server), "server side (nghttpd)");
            ExchangeAssert.EachCapturedOnce(exchanges, Client(rows, server), "client side (curl)");
            Assert.All(rows.Where(r => r.LocalPort == server.Port || r.RemotePort == server.Port), r => Assert.Equal(2, r.MajorVersion));
            HttpEvent big = Server(rows, server).Single(r => r.ReqPath == "/big.bin");
            Assert.Equal(512, big.RespBody.Length);
            Assert.Contains("\":authority\":\"127.0.0.1:", big.ReqHeaders, StringComparison.Ordinal);
            Assert.Equal(0, session.Counters.Protocol("http2").ParseErrors);
        }
    }

    [Fact]
    public void Curl_and_nghttp_upgrade_to_h2c_record_the_upgrade_request_as_stream_one()
    {
        using H2cUpgradeServer server = H2cUpgradeServer.Start();
        var transfers = new (string Method, string Path, string[] Args)[] { ("GET", "/upgraded?via=curl", []) };
        List<ClientExchange> exchanges = RunCurl(server, ["--http2"], transfers, out List<HttpEvent> rows, out CaptureSession session);
        using (session)
        {
            ExchangeAssert.EachCapturedOnce(exchanges, Server(rows, server), "server side (python h2c)");
            ExchangeAssert.EachCapturedOnce(exchanges, Client(rows, server), "client side (curl)");
            HttpEvent first = Client(rows, server).Single();
            Assert.Equal(2, first.MajorVersion);
            Assert.Contains("\"Upgrade\":\"h2c\"", first.ReqHeaders, StringComparison.Ordinal);
            Assert.Contains("\"HTTP2-Settings\":", first.ReqHeaders, StringComparison.Ordinal);
            Assert.Equal(2, session.Counters.Protocol("http2").Specific("h2c_upgrades").Value);
            Assert.Equal(2, session.Counters.Protocol("http").Specific("exchanges_handed_over").Value);
        }

        using CaptureSession nghttp = Capture.Start();
        (int exit, string output) = ManagedProcess.Run("nghttp", ["-u", "-n", $"{server.BaseUrl}/first", $"{server.BaseUrl}/second", $"{server.BaseUrl}/third"], TimeSpan.FromSeconds(30));
        rows = Capture.StopAndRead(nghttp);
        Assert.True(exit == 0, output);
        foreach (List<HttpEvent> side in (List<HttpEvent>[])[[.. Server(rows, server)], [.. Client(rows, server)]])
        {
            Assert.Equal(["/first", "/second", "/third"], side.Select(r => r.ReqPath).Order());
            Assert.All(side, r => Assert.Equal((2, 200, (long)H2cUpgradeServer.BodySize), (r.MajorVersion, r.RespStatus, r.RespBodySize)));
            Assert.All(side, r => Assert.True(r.LatencyNs > 0));
        }
    }

    [Fact]
    public void Nghttp_concurrent_streams_every_request_once()
    {
        using NghttpdServer server = NghttpdServer.Start();
        using CaptureSession session = Capture.Start();
        (int exit, string output) = ManagedProcess.Run("nghttp", ["-n", "-m", "5", $"{server.BaseUrl}/data.json", $"{server.BaseUrl}/small.txt", $"{server.BaseUrl}/nope"], TimeSpan.FromSeconds(30));
        List<HttpEvent> rows = Capture.StopAndRead(session);
        Assert.True(exit == 0, output);

        foreach (List<HttpEvent> side in (List<HttpEvent>[])[[.. Server(rows, server)], [.. Client(rows, server)]])
        {
            Assert.Equal(15, side.Count);
            Assert.Equal(5, side.Count(r => r.ReqPath == "/small.txt" && r.RespStatus == 200 && r.RespBodySize == StaticFiles.SmallSize));
            Assert.Equal(5, side.Count(r => r.ReqPath == "/data.json" && r.RespStatus == 200 && r.RespBodySize == StaticFiles.JsonSize));
            Assert.Equal(5, side.Count(r => r.ReqPath == "/nope" && r.RespStatus == 404));
            Assert.All(side, r => Assert.Equal(2, r.MajorVersion));
            Assert.All(side, r => Assert.True(r.LatencyNs > 0));
        }
        Assert.Equal(0, session.Counters.Protocol("http2").ParseErrors);
    }

    [Fact]
    public void Tshark_decodes_the_same_header_fields_as_devtools()
    {
        using NghttpdServer server = NghttpdServer.Start();
        using var tshark = TsharkCapture.Start(server.Port);
        using CaptureSession session = Capture.Start();
        (int exit, string output) = ManagedProcess.Run("nghttp", ["-n", "-m", "3", "-H", "x-trace-id: abc123", $"{server.BaseUrl}/data.json", $"{server.BaseUrl}/missing"], TimeSpan.FromSeconds(30));
        Assert.True(exit == 0, output);
        (exit, output) = ManagedProcess.Run("curl", ["-s", "-o", "/dev/null", "--http2-prior-knowledge", "-H", "Accept-Language: en", $"{server.BaseUrl}/small.txt?x=1"], TimeSpan.FromSeconds(30));
        Assert.True(exit == 0, output);
        List<HttpEvent> rows = Capture.StopAndRead(session);
        List<TsharkStream> streams = TsharkHttp2.Decode(tshark);

        List<HttpEvent> serverRows = [.. Server(rows, server)];
        Assert.Equal(7, streams.Count);
        Assert.Equal(7, serverRows.Count);
        foreach (TsharkStream stream in streams)
        {
            string request = Json(stream.RequestFields);
            string response = Json(stream.ResponseFields);
            HttpEvent? match = serverRows.FirstOrDefault(r => Without(r.ReqHeaders) == request && Without(r.RespHeaders) == response);
            Assert.True(match is not null, $"stream {stream.StreamId} of port {stream.ClientPort} as tshark decodes it:\n  {request}\n  {response}\nnot among the captured rows:\n{string.Join("\n", serverRows.Select(r => $"  {Without(r.ReqHeaders)}\n  {Without(r.RespHeaders)}"))}");
            serverRows.Remove(match);
            Assert.Equal(stream.RequestFields.First(f => f.Key == ":path").Value, match.ReqPath);
            Assert.Equal(stream.ResponseFields.First(f => f.Key == ":status").Value, match.RespStatus.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Fields as the headers JSON writes them: one member per name, repeated values joined with ", ".</summary>
    private static string Json(List<KeyValuePair<string, string>> fields)
    {
        var merged = new List<KeyValuePair<string, string>>();
        foreach (KeyValuePair<string, string> field in fields)
        {
            int at = merged.FindIndex(m => string.Equals(m.Key, field.Key, StringComparison.OrdinalIgnoreCase));
            if (at >= 0)
                merged[at] = new(merged[at].Key, merged[at].Value + ", " + field.Value);
            else
                merged.Add(field);
        }
        return System.Text.Json.JsonSerializer.Serialize(merged.ToDictionary(m => m.Key, m => m.Value));
    }

    /// <summary>A row's headers JSON without Devtools' own notes, re-serialised the same way.</summary>
    private static string Without(string json)
    {
        Dictionary<string, string> fields = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];
        return System.Text.Json.JsonSerializer.Serialize(fields.Where(f => !f.Key.StartsWith("devtools.", StringComparison.Ordinal)).ToDictionary(f => f.Key, f => f.Value));
    }

    [Fact]
    public void H2load_multiplexed_streams_every_request_once()
    {
        using NghttpdServer server = NghttpdServer.Start();
        const int requests = 2000;
        using CaptureSession session = Capture.Start();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        (int exit, string output) = ManagedProcess.Run("h2load", ["-n", requests.ToString(CultureInfo.InvariantCulture), "-c", "2", "-m", "10", $"{server.BaseUrl}/small.txt"], TimeSpan.FromSeconds(60));
        long elapsed = (long)clock.Elapsed.TotalNanoseconds;
        List<HttpEvent> rows = Capture.StopAndRead(session);
        Assert.True(exit == 0, output);
        Assert.Contains($"{requests} succeeded", output, StringComparison.Ordinal);

        List<HttpEvent> serverRows = [.. Server(rows, server)];
        List<HttpEvent> clientRows = [.. Client(rows, server)];
        Assert.Equal(requests, serverRows.Count);
        Assert.Equal(requests, clientRows.Count);
        Assert.All(serverRows.Concat(clientRows), r =>
        {
            Assert.Equal(2, r.MajorVersion);
            Assert.Equal("GET", r.ReqMethod);
            Assert.Equal("/small.txt", r.ReqPath);
            Assert.Equal(200, r.RespStatus);
            Assert.Equal(StaticFiles.SmallSize, r.RespBodySize);
            Assert.InRange(r.LatencyNs, 1, elapsed);
        });
        Assert.Equal(0, session.Counters.Protocol("http2").ParseErrors);
        Assert.Equal(0, session.Counters.Protocol("http2").UnmatchedRequests);
    }

    internal static IEnumerable<HttpEvent> Server(IEnumerable<HttpEvent> rows, HttpServer server) =>
        rows.Where(r => r.TraceRole == 2 && r.LocalPort == server.Port);

    internal static IEnumerable<HttpEvent> Client(IEnumerable<HttpEvent> rows, HttpServer server) =>
        rows.Where(r => r.TraceRole == 1 && r.RemotePort == server.Port);

    /// <summary>
    /// One curl process per transfer (curl 7.88 fails to reuse an nghttpd h2c connection),
    /// under one capture; what curl reported for each.
    /// </summary>
    internal static List<ClientExchange> RunCurl(HttpServer server, string[] mode, (string Method, string Path, string[] Args)[] transfers, out List<HttpEvent> rows, out CaptureSession session)
    {
        session = Capture.Start();
        var outputs = new List<string>();
        foreach ((string _, string path, string[] extra) in transfers)
        {
            (int exit, string output) = ManagedProcess.Run("curl", ["-s", "-S", .. mode, "-w", CurlFormat, "-o", "/dev/null", .. extra, server.BaseUrl + path], TimeSpan.FromSeconds(30));
            Assert.True(exit == 0, $"curl failed ({exit}): {output}");
            outputs.Add(output.Trim());
        }
        rows = Capture.StopAndRead(session);
        string[] lines = [.. outputs];
        Assert.Equal(transfers.Length, lines.Length);
        var exchanges = new List<ClientExchange>();
        for (int i = 0; i < transfers.Length; i++)
        {
            string[] f = lines[i].Split(' ');
            Assert.Equal("2", f[0]);
            exchanges.Add(new ClientExchange(
                transfers[i].Method,
                transfers[i].Path,
                long.Parse(f[1], CultureInfo.InvariantCulture),
                long.Parse(f[2], CultureInfo.InvariantCulture),
                long.Parse(f[3], CultureInfo.InvariantCulture),
                (long)(double.Parse(f[4], CultureInfo.InvariantCulture) * 1e9) + 1_000_000 /* curl rounds to µs */));
        }
        return exchanges;
    }
}
