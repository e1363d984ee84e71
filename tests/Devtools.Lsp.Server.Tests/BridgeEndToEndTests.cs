using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Devtools.Integration.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Devtools.Lsp.Server.Tests;

/// <summary>
/// The bridge as an editor sees it: `devtools lsp` spawned as a process, spoken to over
/// stdio with Content-Length framing, opened on the real samples/SampleShop workspace,
/// attached to a real running SampleShop, fed real HTTP traffic. Every wait is bounded;
/// timings are printed, never asserted.
/// </summary>
[Collection(LspProcesses.Name)]
public sealed class BridgeEndToEndTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    internal static string Workspace => Path.Combine(Repository.Root, "samples", "SampleShop");

    internal static string ProgramCs => Path.Combine(Workspace, "Program.cs");

    internal static string ProgramUri => new Uri(ProgramCs).AbsoluteUri;

    internal static string[] ProgramLines => File.ReadAllLines(ProgramCs);

    internal static int LineOf(string text) => Array.FindIndex(ProgramLines, l => l.Contains(text, StringComparison.Ordinal)) is var i and >= 0
        ? i : throw new InvalidOperationException($"'{text}' not in {ProgramCs}");

    [Fact]
    public async Task Attach_and_traffic_show_live_lenses_hover_hot_line_and_refresh()
    {
        using SampleShopServer shop = SampleShopServer.Start();
        await using LspClient lsp = LspClient.Start();
        await InitializeAsync(lsp);

        int ordersLine = LineOf("app.MapGet(\"/orders/{id:int}\"");
        int errorLine = LineOf("app.MapGet(\"/error\"");
        int hotLine = LineOf("// HOT: the /work loop");
        int spinLine = LineOf("public static ulong Spin(");

        // Before attaching: the lens is there, on the Map call, and says how to get numbers.
        // (Analysis runs in the background after didOpen: wait for it, bounded.)
        JsonElement lensBefore = await WaitForAsync(async () =>
        {
            JsonElement all = await CodeLensAsync(lsp);
            return all.ValueKind == JsonValueKind.Array && all.EnumerateArray().Any(l => l.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32() == ordersLine)
                ? LensOn(all, ordersLine) : (JsonElement?)null;
        }, "the lens of GET /orders/{id} before attaching");
        Assert.Equal("GET /orders/{id} · attach to see live traffic", Title(lensBefore));
        (int endLine, int endCharacter) = StatementEnd(ordersLine);
        AssertRange(lensBefore.GetProperty("range"), ordersLine, ProgramLines[ordersLine].IndexOf("MapGet", StringComparison.Ordinal), endLine, endCharacter);

        var targets = await lsp.RequestAsync("devtools/listTargets", new { });
        Assert.Contains(targets.GetProperty("targets").EnumerateArray(), t => t.GetProperty("pid").GetInt32() == shop.Process.Pid && t.GetProperty("isDotnet").GetBoolean());

        long attachStart = LspClient.Clock.ElapsedMilliseconds;
        JsonElement state = await lsp.RequestAsync("devtools/attach", new { pid = shop.Process.Pid });
        long attached = LspClient.Clock.ElapsedMilliseconds;
        Assert.True(state.GetProperty("attached").GetBoolean());
        Assert.Equal("eventpipe", state.GetProperty("source").GetString());
        output.WriteLine($"attach took {attached - attachStart} ms");
        // The state says what the capture lost: nothing yet, and what EventPipe cannot tell.
        AssertNoLosses(state.GetProperty("losses"));

        // Traffic: 20 orders (one 404), two server errors, CPU on /work.
        using var http = new HttpClient { BaseAddress = new Uri(shop.BaseUrl), Timeout = TimeSpan.FromSeconds(30) };
        long firstRequestDone = -1;
        var statuses = new List<(string Path, int Status)>();
        for (int i = 1; i <= 20; i++)
        {
            int id = i == 20 ? 50 : i;
            using HttpResponseMessage r = await http.GetAsync($"/orders/{id}");
            statuses.Add(($"/orders/{id}", (int)r.StatusCode));
            if (firstRequestDone < 0)
                firstRequestDone = LspClient.Clock.ElapsedMilliseconds;
        }
        Assert.Equal(HttpStatusCode.NotFound, (HttpStatusCode)statuses[^1].Status);

        // The first lens with numbers after the first request: from the refreshes the server asks for.
        long firstNumbers = await WaitForLensAsync(lsp, ordersLine, t => t.Contains("req/min", StringComparison.Ordinal), firstRequestDone);
        output.WriteLine($"first CodeLens with numbers: {firstNumbers - firstRequestDone} ms after the first request completed, {firstNumbers - attached} ms after attach returned, {firstNumbers - attachStart} ms after attach was sent");

        for (int i = 0; i < 2; i++)
        {
            using HttpResponseMessage r = await http.GetAsync("/error");
            Assert.Equal(HttpStatusCode.InternalServerError, r.StatusCode);
        }
        var burn = Stopwatch.StartNew();
        int works = 0;
        while (burn.Elapsed < TimeSpan.FromSeconds(3) || works < 5)
        {
            using HttpResponseMessage r = await http.GetAsync("/work?n=20000000");
            r.EnsureSuccessStatusCode();
            works++;
        }
        output.WriteLine($"/work x{works} in {burn.ElapsedMilliseconds} ms");

        // All 20 orders counted, matched to the handler's template.
        JsonElement orders = await WaitForAsync(async () =>
        {
            JsonElement stats = await lsp.RequestAsync("devtools/endpointStats", new { });
            JsonElement? e = stats.GetProperty("endpoints").EnumerateArray().Cast<JsonElement?>().FirstOrDefault(x => x!.Value.GetProperty("route").GetString() == "/orders/{id}");
            return e is { } found && found.GetProperty("count").GetInt64() == 20 ? found : (JsonElement?)null;
        }, "endpointStats with 20 requests on /orders/{id}");
        Assert.Equal("GET", orders.GetProperty("method").GetString());
        Assert.Equal(0, orders.GetProperty("errorRate").GetDouble());
        Assert.Equal(ProgramUri, orders.GetProperty("location").GetProperty("uri").GetString());
        Assert.Equal(ordersLine, orders.GetProperty("location").GetProperty("range").GetProperty("start").GetProperty("line").GetInt32());

        // The exact lens titles (numbers from the bridge's own stats, formatted here independently).
        string expectedOrders = $"GET /orders/{{id}} · 20 req/min · p50 {Ms(orders.GetProperty("p50Ms").GetDouble())} · p99 {Ms(orders.GetProperty("p99Ms").GetDouble())} · 0.0% errors";
        JsonElement lenses = await CodeLensAsync(lsp);
        JsonElement ordersLens = LensOn(lenses, ordersLine);
        Assert.Equal(expectedOrders, Title(ordersLens));
        Assert.Equal("devtools.showRecentRequests", ordersLens.GetProperty("command").GetProperty("command").GetString());
        AssertRange(ordersLens.GetProperty("range"), ordersLine, ProgramLines[ordersLine].IndexOf("MapGet", StringComparison.Ordinal), endLine, endCharacter);

        JsonElement errors = await WaitForAsync(async () =>
        {
            JsonElement stats = await lsp.RequestAsync("devtools/endpointStats", new { });
            JsonElement? e = stats.GetProperty("endpoints").EnumerateArray().Cast<JsonElement?>().FirstOrDefault(x => x!.Value.GetProperty("route").GetString() == "/error");
            return e is { } found && found.GetProperty("count").GetInt64() == 2 ? found : (JsonElement?)null;
        }, "endpointStats with 2 requests on /error");
        string expectedError = $"GET /error · 2 req/min · p50 {Ms(errors.GetProperty("p50Ms").GetDouble())} · p99 {Ms(errors.GetProperty("p99Ms").GetDouble())} · 100.0% errors";
        Assert.Equal(expectedError, Title(LensOn(await CodeLensAsync(lsp), errorLine)));
        foreach (JsonElement lens in (await CodeLensAsync(lsp)).EnumerateArray())
            output.WriteLine($"lens {lens.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32() + 1}: {Title(lens)}");

        // Hover on the handler: the slowest recent requests, slowest first.
        JsonElement slowest = (await lsp.RequestAsync("devtools/recentRequests", new { route = "/orders/{id}", slowestFirst = true, limit = 5 })).GetProperty("requests");
        Assert.Equal(5, slowest.GetArrayLength());
        JsonElement hover = await lsp.RequestAsync("textDocument/hover", new { textDocument = new { uri = ProgramUri }, position = new { line = ordersLine + 1, character = 4 } });
        string markdown = hover.GetProperty("contents").GetProperty("value").GetString()!;
        output.WriteLine(markdown);
        Assert.Equal("markdown", hover.GetProperty("contents").GetProperty("kind").GetString());
        Assert.StartsWith($"**GET /orders/{{id}}** · 20 requests in the last 60 s · p50 {Ms(orders.GetProperty("p50Ms").GetDouble())}", markdown);
        string[] rows = [.. markdown.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal) && !l.StartsWith("| status", StringComparison.Ordinal))];
        Assert.Equal(5, rows.Length);
        for (int i = 0; i < 5; i++)
        {
            JsonElement r = slowest[i];
            Assert.StartsWith($"| {r.GetProperty("status").GetInt64()} | {Ms(r.GetProperty("latencyMs").GetDouble())} | ", rows[i]);
            Assert.EndsWith($"| `{r.GetProperty("path").GetString()}` |", rows[i]);
            Assert.Contains((r.GetProperty("path").GetString()!, (int)r.GetProperty("status").GetInt64()), statuses);
        }
        // Nothing on a line that has nothing.
        JsonElement nothing = await lsp.RequestAsync("textDocument/hover", new { textDocument = new { uri = ProgramUri }, position = new { line = 0, character = 3 } });
        Assert.Equal(JsonValueKind.Null, nothing.ValueKind);

        // The hot line: Work.Spin's loop, at the marked line of the workspace file.
        JsonElement hotspots = await WaitForAsync(async () =>
        {
            JsonElement h = await lsp.RequestAsync("devtools/hotspots", new { limit = 50 });
            JsonElement? top = h.GetProperty("lines").EnumerateArray().Cast<JsonElement?>()
                .FirstOrDefault(l => l!.Value.TryGetProperty("location", out JsonElement loc) && loc.GetProperty("uri").GetString() == ProgramUri);
            return top is { } t && t.GetProperty("line").GetInt32() == hotLine + 1 ? h : (JsonElement?)null;
        }, $"hotspots naming Program.cs:{hotLine + 1} as the hottest line of the workspace");
        JsonElement hot = hotspots.GetProperty("lines").EnumerateArray().First(l => l.TryGetProperty("location", out _));
        output.WriteLine($"hottest workspace line: {hot}");
        Assert.Contains("Work.Spin", hot.GetProperty("function").GetString(), StringComparison.Ordinal);
        Assert.Equal(hotLine, hot.GetProperty("location").GetProperty("range").GetProperty("start").GetProperty("line").GetInt32());
        JsonElement spin = hotspots.GetProperty("functions").EnumerateArray().First(f => f.GetProperty("name").GetString()!.EndsWith("Work.Spin", StringComparison.Ordinal));
        Assert.Equal(ProgramUri, spin.GetProperty("location").GetProperty("uri").GetString());

        // The hot line's inlay hint sits at the end of that line, and only there among lines with no samples.
        JsonElement hints = await WaitForAsync(async () =>
        {
            JsonElement h = await lsp.RequestAsync("textDocument/inlayHint", new { textDocument = new { uri = ProgramUri }, range = new { start = new { line = 0, character = 0 }, end = new { line = ProgramLines.Length, character = 0 } } });
            return h.ValueKind == JsonValueKind.Array && h.EnumerateArray().Any(x => x.GetProperty("position").GetProperty("line").GetInt32() == hotLine) ? h : (JsonElement?)null;
        }, "an inlay hint on the hot line");
        JsonElement hint = hints.EnumerateArray().First(x => x.GetProperty("position").GetProperty("line").GetInt32() == hotLine);
        Assert.Equal(ProgramLines[hotLine].Length, hint.GetProperty("position").GetProperty("character").GetInt32());
        Assert.Matches(@"^▮ \d+\.\d%$", hint.GetProperty("label").GetString());
        foreach (JsonElement h in hints.EnumerateArray())
            output.WriteLine($"hint {h.GetProperty("position").GetProperty("line").GetInt32() + 1}: {h.GetProperty("label").GetString()}");

        // The CPU lens on Spin's name.
        JsonElement cpuLens = await WaitForAsync(async () =>
        {
            JsonElement all = await CodeLensAsync(lsp);
            return all.EnumerateArray().Cast<JsonElement?>().FirstOrDefault(l => l!.Value.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32() == spinLine);
        }, "a CPU lens on Work.Spin");
        Assert.Matches(@"^CPU \d+\.\d% · self \d+\.\d%$", Title(cpuLens));
        AssertRange(cpuLens.GetProperty("range"), spinLine, ProgramLines[spinLine].IndexOf("Spin", StringComparison.Ordinal), spinLine, ProgramLines[spinLine].IndexOf("Spin", StringComparison.Ordinal) + 4);

        // devtools/hotLines for the open document, flame graph as speedscope.
        JsonElement hotLines = await lsp.WaitForNotificationAsync("devtools/hotLines",
            p => p.GetProperty("uri").GetString() == ProgramUri && p.GetProperty("lines").EnumerateArray().Any(l => l.GetProperty("line").GetInt32() == hotLine), Wait);
        Assert.All(hotLines.GetProperty("lines").EnumerateArray(), l => Assert.InRange(l.GetProperty("line").GetInt32(), 0, ProgramLines.Length - 1));
        JsonElement flame = await lsp.RequestAsync("devtools/flameGraph", new { });
        JsonElement speedscope = flame.GetProperty("speedscope");
        Assert.Equal("sampled", speedscope.GetProperty("profiles")[0].GetProperty("type").GetString());
        Assert.Contains(speedscope.GetProperty("shared").GetProperty("frames").EnumerateArray(), f => f.GetProperty("name").GetString()!.EndsWith("Work.Spin", StringComparison.Ordinal));

        // After all that traffic, a clean capture still lost nothing: in the state and in its notifications.
        JsonElement afterTraffic = await lsp.RequestAsync("devtools/state", new { });
        output.WriteLine($"state after traffic: {afterTraffic}");
        AssertNoLosses(afterTraffic.GetProperty("losses"));
        JsonElement notified = await lsp.WaitForNotificationAsync("devtools/stateChanged", p => p.GetProperty("attached").GetBoolean() && p.TryGetProperty("losses", out _), Wait);
        AssertNoLosses(notified.GetProperty("losses"));
        Assert.DoesNotContain("capture lost data", markdown, StringComparison.Ordinal);

        // The target exits: the client is told plainly.
        shop.Process.Dispose();
        JsonElement lost = await lsp.WaitForNotificationAsync("devtools/stateChanged", p => !p.GetProperty("attached").GetBoolean(), Wait);
        output.WriteLine($"after exit: {lost}");
        Assert.Contains("exited", lost.GetProperty("error").GetString(), StringComparison.Ordinal);

        Assert.Equal(0, await lsp.StopAsync());
    }

    /// <summary>A clean EventPipe capture: no counter, nothing summed, and the sentence on what EventPipe cannot tell.</summary>
    private static void AssertNoLosses(JsonElement losses)
    {
        Assert.Equal(0, losses.GetProperty("total").GetInt64());
        Assert.Equal(0, losses.GetProperty("bytes").GetInt64());
        Assert.Equal(0, losses.GetProperty("counters").GetArrayLength());
        Assert.Equal("process", losses.GetProperty("scope").GetString());
        Assert.Contains(losses.GetProperty("notKnown").EnumerateArray(), n => n.GetString()!.StartsWith("EventPipe counts the events the runtime dropped", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Attach_with_ebpf_mode_counts_requests_from_an_in_process_kernel_capture()
    {
        if (!Devtools.Core.Capture.CaptureEnvironment.HasBpfPrivileges())
            throw new InvalidOperationException("This test loads BPF programs: run it as root (./test.sh does, in CI).");
        using SampleShopServer shop = SampleShopServer.Start();
        await using LspClient lsp = LspClient.Start();
        await InitializeAsync(lsp);
        int ordersLine = LineOf("app.MapGet(\"/orders/{id:int}\"");

        JsonElement state = await lsp.RequestAsync("devtools/attach", new { pid = shop.Process.Pid, mode = "ebpf" });
        Assert.True(state.GetProperty("attached").GetBoolean());
        Assert.Equal("ebpf", state.GetProperty("source").GetString());
        output.WriteLine($"losses at attach: {state.GetProperty("losses")}");
        Assert.Equal("process", state.GetProperty("losses").GetProperty("scope").GetString());

        using var http = new HttpClient { BaseAddress = new Uri(shop.BaseUrl), Timeout = TimeSpan.FromSeconds(30) };
        for (int i = 1; i <= 12; i++)
        {
            using HttpResponseMessage r = await http.GetAsync($"/orders/{i}");
            r.EnsureSuccessStatusCode();
        }

        // Every request once: counted from the server's socket reads and writes, not from EventPipe.
        JsonElement orders = await WaitForAsync(async () =>
        {
            JsonElement stats = await lsp.RequestAsync("devtools/endpointStats", new { });
            JsonElement? e = stats.GetProperty("endpoints").EnumerateArray().Cast<JsonElement?>().FirstOrDefault(x => x!.Value.GetProperty("route").GetString() == "/orders/{id}");
            return e is { } found && found.GetProperty("count").GetInt64() >= 12 ? found : (JsonElement?)null;
        }, "endpointStats with 12 requests on /orders/{id} from eBPF");
        Assert.Equal(12, orders.GetProperty("count").GetInt64());
        string expected = $"GET /orders/{{id}} · 12 req/min · p50 {Ms(orders.GetProperty("p50Ms").GetDouble())} · p99 {Ms(orders.GetProperty("p99Ms").GetDouble())} · 0.0% errors";
        JsonElement lens = await WaitForAsync(async () =>
        {
            JsonElement l = LensOn(await CodeLensAsync(lsp), ordersLine);
            return Title(l) == expected ? l : (JsonElement?)null;
        }, "the eBPF-fed lens of GET /orders/{id}");
        output.WriteLine(Title(lens));

        // A controller action: the lens sits on the action's declaration in its own file.
        string controller = Path.Combine(Workspace, "Controllers", "InventoryController.cs");
        string controllerUri = new Uri(controller).AbsoluteUri;
        string[] controllerLines = File.ReadAllLines(controller);
        int actionLine = Array.FindIndex(controllerLines, l => l.Contains("public ActionResult<StockLevel> Get(", StringComparison.Ordinal));
        await lsp.NotifyAsync("textDocument/didOpen", new { textDocument = new { uri = controllerUri, languageId = "csharp", version = 1, text = File.ReadAllText(controller) } });
        for (int i = 1; i <= 3; i++)
        {
            using HttpResponseMessage r = await http.GetAsync($"/api/inventory/sku-{i}");
            r.EnsureSuccessStatusCode();
        }
        JsonElement stock = await WaitForAsync(async () =>
        {
            JsonElement stats = await lsp.RequestAsync("devtools/endpointStats", new { });
            JsonElement? e = stats.GetProperty("endpoints").EnumerateArray().Cast<JsonElement?>().FirstOrDefault(x => x!.Value.GetProperty("route").GetString() == "/api/inventory/{sku}");
            return e is { } found && found.GetProperty("count").GetInt64() >= 3 ? found : (JsonElement?)null;
        }, "endpointStats with 3 requests on the controller's /api/inventory/{sku}");
        Assert.Equal(3, stock.GetProperty("count").GetInt64());
        string expectedStock = $"GET /api/inventory/{{sku}} · 3 req/min · p50 {Ms(stock.GetProperty("p50Ms").GetDouble())} · p99 {Ms(stock.GetProperty("p99Ms").GetDouble())} · 0.0% errors";
        await WaitForAsync(async () =>
        {
            JsonElement all = await lsp.RequestAsync("textDocument/codeLens", new { textDocument = new { uri = controllerUri } });
            JsonElement[] on = [.. all.EnumerateArray().Where(l => l.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32() == actionLine && l.TryGetProperty("command", out _) && Title(l).StartsWith("GET ", StringComparison.Ordinal))];
            return on.Length == 1 && Title(on[0]) == expectedStock ? on[0] : (JsonElement?)null;
        }, "the lens of the controller action");
        await lsp.RequestAsync("devtools/detach", new { });
    }

    internal static async Task InitializeAsync(LspClient lsp)
    {
        JsonElement init = await lsp.RequestAsync("initialize", new
        {
            processId = Environment.ProcessId,
            rootUri = new Uri(Workspace).AbsoluteUri,
            workspaceFolders = new[] { new { uri = new Uri(Workspace).AbsoluteUri, name = "SampleShop" } },
            capabilities = new
            {
                workspace = new { codeLens = new { refreshSupport = true }, inlayHint = new { refreshSupport = true } },
            },
            initializationOptions = new { refreshIntervalMs = 1000, sourceRoots = Array.Empty<string>() },
        });
        JsonElement caps = init.GetProperty("capabilities");
        Assert.True(caps.GetProperty("codeLensProvider").GetProperty("resolveProvider").GetBoolean());
        Assert.True(caps.GetProperty("hoverProvider").GetBoolean());
        Assert.Contains("devtools.showFlameGraph", caps.GetProperty("executeCommandProvider").GetProperty("commands").EnumerateArray().Select(c => c.GetString()));
        await lsp.NotifyAsync("initialized", new { });
        await lsp.NotifyAsync("textDocument/didOpen", new { textDocument = new { uri = ProgramUri, languageId = "csharp", version = 1, text = File.ReadAllText(ProgramCs) } });
    }

    /// <summary>Where the Map call starting on <paramref name="line"/> ends: just before its ';'.</summary>
    internal static (int Line, int Character) StatementEnd(int line)
    {
        for (int i = line; i < ProgramLines.Length; i++)
        {
            if (ProgramLines[i].TrimEnd().EndsWith(");", StringComparison.Ordinal))
                return (i, ProgramLines[i].TrimEnd().Length - 1);
        }
        throw new InvalidOperationException($"no end of the statement at line {line + 1}");
    }

    internal static Task<JsonElement> CodeLensAsync(LspClient lsp) =>
        lsp.RequestAsync("textDocument/codeLens", new { textDocument = new { uri = ProgramUri } });

    internal static JsonElement LensOn(JsonElement lenses, int line)
    {
        JsonElement[] on = [.. lenses.EnumerateArray().Where(l => l.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32() == line)];
        Assert.Single(on);
        return on[0];
    }

    internal static string Title(JsonElement lens) => lens.GetProperty("command").GetProperty("title").GetString()!;

    /// <summary>Waits for codeLens/refresh requests after <paramref name="afterMs"/> and returns when the lens on <paramref name="line"/> satisfies <paramref name="ok"/>.</summary>
    internal static Task<long> WaitForLensAsync(LspClient lsp, int line, Func<string, bool> ok, long afterMs) =>
        WaitForLensAsync(lsp, ProgramUri, line, ok, afterMs);

    /// <summary>As above, for the document <paramref name="uri"/>.</summary>
    internal static async Task<long> WaitForLensAsync(LspClient lsp, string uri, int line, Func<string, bool> ok, long afterMs)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < Wait)
        {
            await lsp.WaitForServerRequestAsync("workspace/codeLens/refresh", afterMs, Wait - deadline.Elapsed);
            JsonElement lenses = await lsp.RequestAsync("textDocument/codeLens", new { textDocument = new { uri } });
            long at = LspClient.Clock.ElapsedMilliseconds;
            if (lenses.EnumerateArray().Any(l => l.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32() == line && ok(Title(l))))
                return at;
        }
        throw new TimeoutException($"no lens on line {line + 1} as expected within {Wait}.\n{lsp.Stderr}");
    }

    internal static async Task<JsonElement> WaitForAsync(Func<Task<JsonElement?>> probe, string what)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < Wait)
        {
            if (await probe() is { } found)
                return found;
            await Task.Delay(250);
        }
        throw new TimeoutException($"waited {Wait} for {what}");
    }

    internal static void AssertRange(JsonElement range, int startLine, int startCharacter, int endLine, int endCharacter) =>
        Assert.Equal(
            (startLine, startCharacter, endLine, endCharacter),
            (range.GetProperty("start").GetProperty("line").GetInt32(), range.GetProperty("start").GetProperty("character").GetInt32(),
             range.GetProperty("end").GetProperty("line").GetInt32(), range.GetProperty("end").GetProperty("character").GetInt32()));

    /// <summary>The lens's millisecond format, written again here: 41 ms, 3.1 ms, 0.85 ms.</summary>
    internal static string Ms(double ms) =>
        (ms >= 10 ? ms.ToString("0", Inv) : ms >= 1 ? ms.ToString("0.0", Inv) : ms.ToString("0.00", Inv)) + " ms";
}

/// <summary>The end-to-end tests spawn servers and targets: one at a time on a small machine.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LspProcesses
{
    public const string Name = "LSP processes";
}
