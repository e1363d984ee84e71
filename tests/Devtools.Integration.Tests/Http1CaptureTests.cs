using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Devtools.Core.Capture;
using Devtools.Core.Query.Http;
using Devtools.Integration.Tests.Infrastructure;

namespace Devtools.Integration.Tests;

/// <summary>
/// Real eBPF capture of real HTTP/1.x servers and clients on loopback: every
/// request the client made must be in http_events exactly once, with the method,
/// path, status and body sizes the client saw, and a latency no larger than the
/// client measured — on the server side and on the client side.
/// </summary>
[Collection(RealCapture.Name)]
public sealed class Http1CaptureTests
{
    [Fact]
    public async Task HttpClient_to_Kestrel_every_request_once_on_both_sides()
    {
        using SampleShopServer shop = SampleShopServer.Start();
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 1, AutomaticDecompression = DecompressionMethods.None };
        using var client = new HttpClient(handler) { BaseAddress = new Uri(shop.BaseUrl) };
        // No warm-up: the first connection of a fresh Kestrel must be captured right too
        // (Kestrel peeks at it with MSG_PEEK, which must not count as stream bytes).
        var exchanges = new List<ClientExchange>();
        async Task Send(HttpMethod method, string path, HttpContent? content = null, long requestBytes = 0, string? ifNoneMatch = null)
        {
            using var request = new HttpRequestMessage(method, path) { Content = content };
            if (ifNoneMatch is not null)
                request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
            var clock = Stopwatch.StartNew();
            using HttpResponseMessage response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            byte[] body = await response.Content.ReadAsByteArrayAsync();
            long elapsed = (long)clock.Elapsed.TotalNanoseconds;
            exchanges.Add(new ClientExchange(method.Method, path, (int)response.StatusCode, requestBytes, body.Length, elapsed));
        }

        using CaptureSession session = Capture.Start();
        await Send(HttpMethod.Get, "/health");
        await Send(HttpMethod.Head, "/health");
        await Send(HttpMethod.Get, "/orders/1");
        await Send(HttpMethod.Get, "/orders/50");
        const string order = "{\"item\":\"book\",\"quantity\":2}";
        await Send(HttpMethod.Post, "/orders", new StringContent(order, Encoding.UTF8, "application/json"), order.Length);
        await Send(HttpMethod.Post, "/orders", new ChunkedContent(Encoding.ASCII.GetBytes(new string('c', 5000))), 5000);
        await Send(HttpMethod.Delete, "/orders/7");
        await Send(HttpMethod.Get, "/orders?count=20");
        await Send(HttpMethod.Get, "/big?kb=512");
        await Send(HttpMethod.Get, "/static/logo");
        await Send(HttpMethod.Get, "/static/logo", ifNoneMatch: "\"logo-v1\"");
        await Send(HttpMethod.Get, "/error");
        await Send(HttpMethod.Get, "/slow?ms=30");
        List<HttpEvent> rows = Capture.StopAndRead(session);

        ExchangeAssert.EachCapturedOnce(exchanges, rows.Where(r => r.TraceRole == 2 && r.LocalPort == shop.Port && r.Upid.Pid == (uint)shop.Process.Pid), "server side (Kestrel)");
        ExchangeAssert.EachCapturedOnce(exchanges, rows.Where(r => r.TraceRole == 1 && r.RemotePort == shop.Port && r.Upid.Pid == (uint)Environment.ProcessId), "client side (HttpClient)");

        HttpEvent post = rows.First(r => r.TraceRole == 2 && r.ReqMethod == "POST" && r.ReqBodySize < 100);
        Assert.Equal("{\"item\":\"book\",\"quantity\":2}", post.ReqBody);
        Assert.Equal("127.0.0.1", post.LocalAddr);
        Assert.Equal("127.0.0.1", post.RemoteAddr);
        HttpEvent big = rows.First(r => r.TraceRole == 2 && r.ReqPath == "/big?kb=512");
        Assert.Equal(512, big.RespBody.Length);
        Assert.Equal(1, big.MajorVersion);
        Assert.Equal(1, big.MinorVersion);
    }

    [Fact]
    public void Curl_to_nginx_keepalive_mix_with_sendfile_head_204_304_and_uploads()
    {
        using NginxServer nginx = NginxServer.Start();
        var lastModified = new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(Path.Combine(nginx.Directory, "www", "small.txt"), lastModified);
        string upload = Path.Combine(nginx.Directory, "upload.bin");
        File.WriteAllBytes(upload, Enumerable.Range(0, 10_000).Select(i => (byte)('a' + (i % 26))).ToArray());
        string url = nginx.BaseUrl;
        const string format = "%{http_code} %{size_upload} %{size_download} %{time_total}\\n";

        // One curl process, one keep-alive connection, many transfers (--next keeps the connection pool).
        var transfers = new (string Method, string Path, string[] Args)[]
        {
            ("GET", "/small.txt", []),
            ("GET", "/data.json", []),
            ("GET", "/big.bin", []),
            ("GET", "/copied/big.bin", []),
            ("HEAD", "/small.txt", ["-I"]),
            ("GET", "/status/204", []),
            ("GET", "/small.txt", ["-H", "If-Modified-Since: " + lastModified.ToString("R", CultureInfo.InvariantCulture)]),
            ("GET", "/missing.txt", []),
            ("POST", "/upload", ["--data-binary", "@" + upload]),
            ("POST", "/upload", ["-H", "Transfer-Encoding: chunked", "--data-binary", "@" + upload]),
        };
        var args = new List<string> { "-s", "-S", "--http1.1" };
        for (int i = 0; i < transfers.Length; i++)
        {
            if (i > 0)
                args.Add("--next");
            args.AddRange(["-w", format, "-o", "/dev/null"]);
            args.AddRange(transfers[i].Args);
            args.Add(url + transfers[i].Path);
        }

        using CaptureSession session = Capture.Start();
        (int exit, string output) = ManagedProcess.Run("curl", args, TimeSpan.FromSeconds(60));
        List<HttpEvent> rows = Capture.StopAndRead(session);
        Assert.True(exit == 0, $"curl failed ({exit}): {output}");

        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(transfers.Length, lines.Length);
        var exchanges = new List<ClientExchange>();
        for (int i = 0; i < transfers.Length; i++)
        {
            string[] f = lines[i].Split(' ');
            exchanges.Add(new ClientExchange(
                transfers[i].Method,
                transfers[i].Path,
                long.Parse(f[0], CultureInfo.InvariantCulture),
                long.Parse(f[1], CultureInfo.InvariantCulture),
                long.Parse(f[2], CultureInfo.InvariantCulture),
                (long)(double.Parse(f[3], CultureInfo.InvariantCulture) * 1e9) + 1_000_000 /* curl rounds to µs */));
        }
        Assert.Equal([200, 200, 200, 200, 200, 204, 304, 404, 201, 201], exchanges.Select(e => e.Status));
        // curl counts a chunked upload with its chunk framing; http_events records the decoded body size.
        Assert.True(exchanges[9].ReqBodySize > 10_000);
        exchanges[9] = exchanges[9] with { ReqBodySize = 10_000 };
        Assert.Equal(StaticFiles.BigSize, exchanges[2].RespBodySize);

        ExchangeAssert.EachCapturedOnce(exchanges, rows.Where(r => r.TraceRole == 2 && r.LocalPort == nginx.Port), "server side (nginx)");
        ExchangeAssert.EachCapturedOnce(exchanges, rows.Where(r => r.TraceRole == 1 && r.RemotePort == nginx.Port), "client side (curl)");
        Assert.True(session.Counters.FillerBytes >= StaticFiles.BigSize, "nginx's sendfile body must be accounted for as filler bytes");
    }

    [Fact]
    public void Pipelined_requests_to_nginx_are_each_captured_in_order()
    {
        using NginxServer nginx = NginxServer.Start();
        string[] paths = ["/small.txt", "/hello", "/status/204", "/data.json", "/missing.txt", "/small.txt", "/hello", "/data.json"];
        var request = new StringBuilder();
        for (int i = 0; i < paths.Length; i++)
        {
            request.Append(CultureInfo.InvariantCulture, $"GET {paths[i]} HTTP/1.1\r\nHost: localhost\r\n");
            if (i == paths.Length - 1)
                request.Append("Connection: close\r\n");
            request.Append("\r\n");
        }

        using CaptureSession session = Capture.Start();
        var clock = Stopwatch.StartNew();
        using (var socket = new TcpClient("127.0.0.1", nginx.Port))
        {
            NetworkStream stream = socket.GetStream();
            // Every request in one write: the server reads them in one event.
            stream.Write(Encoding.ASCII.GetBytes(request.ToString()));
            var sink = new MemoryStream();
            stream.CopyTo(sink);
            Assert.Equal(paths.Length, CountOccurrences(sink.ToArray(), "HTTP/1.1 "u8));
        }
        long elapsed = (long)clock.Elapsed.TotalNanoseconds;
        List<HttpEvent> rows = Capture.StopAndRead(session);

        List<HttpEvent> server = [.. rows.Where(r => r.TraceRole == 2 && r.LocalPort == nginx.Port).OrderBy(r => r.TimeUnixNs)];
        Assert.Equal(paths, server.Select(r => r.ReqPath));
        Assert.Equal([200, 200, 204, 200, 404, 200, 200, 200], server.Select(r => r.RespStatus));
        Assert.Equal(StaticFiles.SmallSize, server[0].RespBodySize);
        Assert.Equal(StaticFiles.JsonSize, server[3].RespBodySize);
        Assert.All(server, r => Assert.InRange(r.LatencyNs, 1, elapsed));
        List<HttpEvent> client = [.. rows.Where(r => r.TraceRole == 1 && r.RemotePort == nginx.Port)];
        Assert.Equal(paths.Length, client.Count);
    }

    [Fact]
    public void Curl_to_python_http_server_one_connection_per_request()
    {
        using PythonHttpServer python = PythonHttpServer.Start();
        string[] paths = ["/small.txt", "/data.json", "/big.bin", "/nope"];
        var exchanges = new List<ClientExchange>();
        using CaptureSession session = Capture.Start();
        foreach (string path in paths)
        {
            (int exit, string output) = ManagedProcess.Run("curl", ["-s", "-o", "/dev/null", "-w", "%{http_code} %{size_download} %{time_total}", python.BaseUrl + path], TimeSpan.FromSeconds(30));
            Assert.Equal(0, exit);
            string[] f = output.Trim().Split(' ');
            exchanges.Add(new ClientExchange("GET", path, long.Parse(f[0], CultureInfo.InvariantCulture), 0, long.Parse(f[1], CultureInfo.InvariantCulture), (long)(double.Parse(f[2], CultureInfo.InvariantCulture) * 1e9) + 1_000_000));
        }
        List<HttpEvent> rows = Capture.StopAndRead(session);

        Assert.Equal(404, exchanges[^1].Status);
        ExchangeAssert.EachCapturedOnce(exchanges, rows.Where(r => r.TraceRole == 2 && r.LocalPort == python.Port), "server side (python http.server)");
        ExchangeAssert.EachCapturedOnce(exchanges, rows.Where(r => r.TraceRole == 1 && r.RemotePort == python.Port), "client side (curl)");
        Assert.All(rows.Where(r => r.LocalPort == python.Port), r => Assert.Equal(0, r.MinorVersion));
    }

    [Fact]
    public void ApacheBench_keepalive_load_every_request_once()
    {
        using NginxServer nginx = NginxServer.Start();
        const int requests = 2000;
        using CaptureSession session = Capture.Start();
        (int exit, string output) = ManagedProcess.Run("ab", ["-k", "-n", requests.ToString(CultureInfo.InvariantCulture), "-c", "4", $"{nginx.BaseUrl}/hello"], TimeSpan.FromSeconds(120));
        List<HttpEvent> rows = Capture.StopAndRead(session);
        Assert.True(exit == 0, output);
        Assert.Contains($"Complete requests:      {requests}", output, StringComparison.Ordinal);
        Assert.Contains("Failed requests:        0", output, StringComparison.Ordinal);

        List<HttpEvent> server = [.. rows.Where(r => r.TraceRole == 2 && r.LocalPort == nginx.Port)];
        List<HttpEvent> client = [.. rows.Where(r => r.TraceRole == 1 && r.RemotePort == nginx.Port)];
        Assert.Equal(requests, server.Count);
        Assert.Equal(requests, client.Count);
        Assert.All(server.Concat(client), r =>
        {
            Assert.Equal("GET", r.ReqMethod);
            Assert.Equal("/hello", r.ReqPath);
            Assert.Equal(200, r.RespStatus);
            Assert.Equal("hello from nginx\n".Length, r.RespBodySize);
            Assert.True(r.LatencyNs > 0);
        });
    }

    [Fact]
    public async Task Connection_opened_before_capture_is_picked_up_with_its_role_inferred()
    {
        using SampleShopServer shop = SampleShopServer.Start();
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 1 };
        using var client = new HttpClient(handler) { BaseAddress = new Uri(shop.BaseUrl) };
        (await client.GetAsync(new Uri("/orders/1", UriKind.Relative))).Dispose();

        // Only this process (the client): its connection exists before the BPF programs load.
        using CaptureSession session = Capture.Start(Environment.ProcessId);
        for (int i = 2; i <= 6; i++)
        {
            using HttpResponseMessage response = await client.GetAsync(new Uri($"/orders/{i}", UriKind.Relative));
            await response.Content.ReadAsByteArrayAsync();
        }
        List<HttpEvent> rows = Capture.StopAndRead(session);

        List<HttpEvent> mine = [.. rows.Where(r => r.RemotePort == shop.Port).OrderBy(r => r.TimeUnixNs)];
        Assert.Equal(["/orders/2", "/orders/3", "/orders/4", "/orders/5", "/orders/6"], mine.Select(r => r.ReqPath));
        Assert.All(mine, r => Assert.Equal(1, r.TraceRole));
    }

    [Fact]
    public void Peeking_reads_do_not_count_as_stream_bytes()
    {
        // Kestrel peeks at new connections (recvfrom MSG_PEEK) when data is already
        // there; the peeked byte is read again, so it must not move the stream. A tiny
        // server that always peeks (both recvfrom and recvmsg) makes that deterministic.
        int port = FreePort.Next();
        string server = $$"""
            import socket
            s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind(("127.0.0.1", {{port}})); s.listen(8)
            for i in range(2):
                c, _ = s.accept()
                if i == 0:
                    c.recv(1, socket.MSG_PEEK)
                else:
                    c.recvmsg(1, 0, socket.MSG_PEEK)
                data = b""
                while b"\r\n\r\n" not in data:
                    data += c.recv(4096)
                c.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok")
                c.close()
            """;
        using ManagedProcess python = ManagedProcess.Start("python3", ["-c", server]);
        WaitUntilListening(port);
        using CaptureSession session = Capture.Start((int)python.Pid);
        for (int i = 0; i < 2; i++)
        {
            (int exit, string output) = ManagedProcess.Run("curl", ["-s", $"http://127.0.0.1:{port}/peek/{i}"], TimeSpan.FromSeconds(10));
            Assert.True(exit == 0 && output.Trim() == "ok", output);
        }
        List<HttpEvent> rows = Capture.StopAndRead(session);
        Assert.Equal(["GET /peek/0", "GET /peek/1"], rows.OrderBy(r => r.TimeUnixNs).Select(r => $"{r.ReqMethod} {r.ReqPath}"));
        Assert.Equal(0, session.Counters.Protocol("http").ParseErrors);
    }

    /// <summary>Waits for a listener without connecting to it (a probe connection would be the server's first client).</summary>
    private static void WaitUntilListening(int port)
    {
        string hex = port.ToString("X4", CultureInfo.InvariantCulture);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            // /proc/net/tcp: local_address is 0100007F:PORT, state 0A is LISTEN.
            if (File.ReadLines("/proc/net/tcp").Any(line => line.Contains($":{hex} 00000000:0000 0A", StringComparison.Ordinal)))
                return;
            Thread.Sleep(50);
        }
        throw new TimeoutException($"Nothing listened on port {port}.");
    }

    private static int CountOccurrences(ReadOnlySpan<byte> haystack, ReadOnlySpan<byte> needle)
    {
        int count = 0;
        int at;
        while ((at = haystack.IndexOf(needle)) >= 0)
        {
            count++;
            haystack = haystack[(at + needle.Length)..];
        }
        return count;
    }

    /// <summary>A request body of unknown length: HttpClient sends it chunked.</summary>
    private sealed class ChunkedContent(byte[] data) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            for (int i = 0; i < data.Length; i += 1000)
                await stream.WriteAsync(data.AsMemory(i, Math.Min(1000, data.Length - i)));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
