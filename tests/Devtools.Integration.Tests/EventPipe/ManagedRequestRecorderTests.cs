using System.Diagnostics;
using System.Net;
using System.Text;
using Devtools.Core.Profiling;
using Devtools.Core.Profiling.EventPipe;
using Devtools.Core.Profiling.EventPipe.Requests;
using Devtools.Core.Query.Http;
using Devtools.Core.Storage;
using Devtools.Integration.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Devtools.Integration.Tests.EventPipe;

/// <summary>
/// Kestrel's own events, through the profiling session, into http_events: each request
/// the client made appears once, with the method, path, status and a latency no larger
/// than the client measured — no eBPF, no root.
/// </summary>
[Collection(RealCapture.Name)]
public sealed class ManagedRequestRecorderTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Kestrel_requests_are_recorded_once_with_status_and_latency()
    {
        using SampleShopServer shop = SampleShopServer.Start();
        var tables = new TableStore();
        ManagedRequestRecorder recorder = ManagedRequestRecorder.ForTable(tables.HttpEvents);
        await using ManagedProfilerSession session = await ManagedProfiler.StartAsync(shop.Process.Pid, new ManagedProfilerOptions { Requests = recorder });

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 1, AutomaticDecompression = DecompressionMethods.None };
        using var client = new HttpClient(handler) { BaseAddress = new Uri(shop.BaseUrl) };
        var sent = new List<(string Method, string Path, int Status, long ClientLatencyNs)>();
        async Task Send(HttpMethod method, string path, HttpContent? content = null)
        {
            using var request = new HttpRequestMessage(method, path) { Content = content };
            var clock = Stopwatch.StartNew();
            using HttpResponseMessage response = await client.SendAsync(request);
            await response.Content.ReadAsByteArrayAsync();
            sent.Add((method.Method, path, (int)response.StatusCode, (long)clock.Elapsed.TotalNanoseconds));
        }

        await Send(HttpMethod.Get, "/health");
        await Send(HttpMethod.Head, "/health");
        await Send(HttpMethod.Get, "/orders/1");
        await Send(HttpMethod.Get, "/orders/50");
        await Send(HttpMethod.Post, "/orders", new StringContent("{\"item\":\"book\"}", Encoding.UTF8, "application/json"));
        await Send(HttpMethod.Delete, "/orders/7");
        await Send(HttpMethod.Get, "/orders?count=20");
        await Send(HttpMethod.Get, "/static/logo");
        await Send(HttpMethod.Get, "/error");
        await Send(HttpMethod.Get, "/slow?ms=30");
        Profile profile = await session.StopAsync();

        List<HttpEvent> rows = [.. HttpEvent.ReadAll(tables.HttpEvents).OrderBy(r => r.TimeUnixNs)];
        foreach (HttpEvent r in rows)
            output.WriteLine($"{r.ReqMethod} {r.ReqPath} -> {r.RespStatus} HTTP/{r.MajorVersion}.{r.MinorVersion} {r.LocalAddr}:{r.LocalPort} <- {r.RemoteAddr}:{r.RemotePort} latency {r.LatencyNs / 1e6:0.000} ms");
        output.WriteLine($"{recorder.Counters}; profile {profile.TotalSamples} samples");

        Assert.Equal(sent.Count, rows.Count);
        for (int i = 0; i < sent.Count; i++)
        {
            (string method, string path, int status, long clientLatency) = sent[i];
            HttpEvent row = rows[i];
            Assert.Equal($"{method} {path} -> {status}", $"{row.ReqMethod} {row.ReqPath} -> {row.RespStatus}");
            Assert.InRange(row.LatencyNs, 1, clientLatency);
            Assert.Equal(2, row.TraceRole);
            Assert.Equal((uint)shop.Process.Pid, row.Upid.Pid);
            Assert.Equal(session.Upid, row.Upid);
            Assert.Equal((1L, 1L), (row.MajorVersion, row.MinorVersion));
            Assert.Equal(("127.0.0.1", (long)shop.Port), (row.LocalAddr, row.LocalPort));
            Assert.Equal("127.0.0.1", row.RemoteAddr);
            Assert.Equal("{}", row.ReqHeaders);
            Assert.Equal("{}", row.RespHeaders);
            Assert.False(row.Encrypted);
        }
        // time_ is when the response completed: after the request, before the client finished reading it.
        Assert.All(rows, r => Assert.InRange(r.TimeUnixNs, DateTimeOffset.UtcNow.AddMinutes(-2).ToUnixTimeMilliseconds() * 1_000_000, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000));
        Assert.Equal(0, recorder.Counters.RowsWithoutStatus);
        // The same session sampled too.
        Assert.True(profile.TotalSamples > 0);
    }

    [Fact]
    public async Task Requests_only_session_without_status_writes_zero_status()
    {
        using SampleShopServer shop = SampleShopServer.Start();
        var tables = new TableStore();
        ManagedRequestRecorder recorder = ManagedRequestRecorder.ForTable(
            tables.HttpEvents, options: new ManagedRequestRecorderOptions { StatusFromDiagnosticSource = false });
        await using ManagedProfilerSession session = await ManagedProfiler.StartAsync(
            shop.Process.Pid, new ManagedProfilerOptions { Sample = false, Requests = recorder });
        using var client = new HttpClient { BaseAddress = new Uri(shop.BaseUrl) };
        (await client.GetAsync("/orders/50")).Dispose();
        (await client.GetAsync("/health?probe=1")).Dispose();
        Profile profile = await session.StopAsync();

        List<HttpEvent> rows = [.. HttpEvent.ReadAll(tables.HttpEvents).OrderBy(r => r.TimeUnixNs)];
        Assert.Equal(["GET /orders/50 -> 0", "GET /health -> 0"], rows.Select(r => $"{r.ReqMethod} {r.ReqPath} -> {r.RespStatus}"));
        Assert.Equal(0, profile.TotalSamples);
        Assert.Throws<InvalidOperationException>(() => ManagedProfiler.StartAsync(shop.Process.Pid, new ManagedProfilerOptions { Requests = recorder }).GetAwaiter().GetResult());
    }
}
