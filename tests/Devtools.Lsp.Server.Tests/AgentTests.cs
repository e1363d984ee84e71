using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Devtools.Integration.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Devtools.Lsp.Server.Tests;

/// <summary>
/// `devtools agent` as a separate process on a Unix socket with a 0600 token file, and the
/// bridge connecting to it: wrong tokens and unauthenticated calls are refused with a plain
/// error; with the right token the bridge shows the agent's data like its own.
/// </summary>
[Collection(LspProcesses.Name)]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class AgentTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Agent_refuses_wrong_tokens_and_serves_the_bridge_with_the_right_one(bool ebpf)
    {
        if (ebpf && Devtools.Core.Capture.CaptureEnvironment.Problems() is { Count: > 0 } problems)
        {
            output.WriteLine($"eBPF capture is not possible here, nothing to test: {string.Join("; ", problems)}");
            return;
        }
        string dir = Path.Combine(Path.GetTempPath(), $"devtools-agent-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        try
        {
            string socket = Path.Combine(dir, "agent.sock");
            string tokenFile = Path.Combine(dir, "agent.token");
            string dll = Path.Combine(Repository.Root, "host", "bin", Repository.Configuration, "net10.0", "devtools.dll");
            using ManagedProcess agent = ManagedProcess.Start("dotnet", [dll, "agent", .. ebpf ? Array.Empty<string>() : ["--no-ebpf"], "--listen", "unix:" + socket, "--token-file", tokenFile]);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (!File.Exists(socket) || !File.Exists(tokenFile))
            {
                Assert.False(agent.HasExited, agent.Output);
                Assert.True(clock.Elapsed < Wait, "the agent did not create its socket: " + agent.Output);
                await Task.Delay(100);
            }
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(tokenFile));
            Assert.Equal(64, File.ReadAllText(tokenFile).Trim().Length);

            // Straight to the socket: nothing is served before authenticate, and a wrong token is an error.
            JsonElement unauthenticated = await RawCallAsync(socket, "devtools/listTargets", new { });
            Assert.Equal(-32001, unauthenticated.GetProperty("error").GetProperty("code").GetInt32());
            Assert.Contains("not authenticated", unauthenticated.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
            JsonElement wrong = await RawCallAsync(socket, "devtools/authenticate", new { token = "0123456789abcdef" });
            Assert.Equal(-32002, wrong.GetProperty("error").GetProperty("code").GetInt32());
            JsonElement right = await RawCallAsync(socket, "devtools/authenticate", new { token = File.ReadAllText(tokenFile) });
            output.WriteLine($"authenticated: {right}");
            Assert.Equal(ebpf, right.GetProperty("result").GetProperty("ebpf").GetBoolean());

            using SampleShopServer shop = SampleShopServer.Start();
            await using LspClient lsp = LspClient.Start();
            await BridgeEndToEndTests.InitializeAsync(lsp);

            string wrongFile = Path.Combine(dir, "wrong.token");
            File.WriteAllText(wrongFile, "not-the-token");
            LspErrorException refused = await Assert.ThrowsAsync<LspErrorException>(() =>
                lsp.RequestAsync("devtools/connectAgent", new { address = "unix:" + socket, tokenFile = wrongFile }));
            output.WriteLine($"wrong token: {refused.Message}");
            Assert.Contains("wrong token", refused.Message, StringComparison.Ordinal);

            JsonElement state = await lsp.RequestAsync("devtools/connectAgent", new { socketPath = socket, tokenPath = tokenFile, pid = shop.Process.Pid });
            output.WriteLine($"connected: {state}");
            Assert.True(state.GetProperty("attached").GetBoolean());
            Assert.Equal("agent", state.GetProperty("source").GetString());
            Assert.Equal(shop.Process.Pid, state.GetProperty("pid").GetInt32());
            // The agent passes its counters on: node-wide with eBPF, the EventPipe session's without.
            JsonElement losses = state.GetProperty("losses");
            output.WriteLine($"losses: {losses}");
            Assert.Equal(ebpf ? "node" : "process", losses.GetProperty("scope").GetString());
            Assert.Contains(losses.GetProperty("notKnown").EnumerateArray(), n => n.GetString()!.StartsWith("EventPipe counts", StringComparison.Ordinal));
            if (!ebpf)
                Assert.Equal(0, losses.GetProperty("counters").GetArrayLength());

            using var http = new HttpClient { BaseAddress = new Uri(shop.BaseUrl), Timeout = TimeSpan.FromSeconds(30) };
            for (int i = 1; i <= 10; i++)
                (await http.GetAsync($"/orders/{i}")).Dispose();

            int ordersLine = BridgeEndToEndTests.LineOf("app.MapGet(\"/orders/{id:int}\"");
            JsonElement orders = await BridgeEndToEndTests.WaitForAsync(async () =>
            {
                JsonElement stats = await lsp.RequestAsync("devtools/endpointStats", new { });
                JsonElement? e = stats.GetProperty("endpoints").EnumerateArray().Cast<JsonElement?>().FirstOrDefault(x => x!.Value.GetProperty("route").GetString() == "/orders/{id}");
                return e is { } found && found.GetProperty("count").GetInt64() == 10 ? found : (JsonElement?)null;
            }, "10 requests on /orders/{id} through the agent");
            string title = BridgeEndToEndTests.Title(BridgeEndToEndTests.LensOn(await BridgeEndToEndTests.CodeLensAsync(lsp), ordersLine));
            output.WriteLine(title);
            Assert.Equal($"GET /orders/{{id}} · 10 req/min · p50 {BridgeEndToEndTests.Ms(orders.GetProperty("p50Ms").GetDouble())} · p99 {BridgeEndToEndTests.Ms(orders.GetProperty("p99Ms").GetDouble())} · 0.0% errors", title);

            // The agent goes away: the client is told plainly, and the bridge is detached.
            agent.Dispose();
            JsonElement lost = await lsp.WaitForNotificationAsync("devtools/stateChanged", p => !p.GetProperty("attached").GetBoolean(), Wait);
            output.WriteLine($"agent gone: {lost}");
            Assert.Contains("connection to the agent", lost.GetProperty("error").GetString(), StringComparison.Ordinal);
            JsonElement detached = await lsp.RequestAsync("devtools/detach", new { });
            Assert.False(detached.GetProperty("attached").GetBoolean());
            Assert.Equal(0, await lsp.StopAsync());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>One JSON-RPC call on a fresh connection, framed by hand.</summary>
    private static async Task<JsonElement> RawCallAsync(string socketPath, string method, object parameters)
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        using var cts = new CancellationTokenSource(Wait);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cts.Token);
        await using var stream = new NetworkStream(socket);
        byte[] body = JsonSerializer.SerializeToUtf8Bytes(new { jsonrpc = "2.0", id = 1, method, @params = parameters });
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"), cts.Token);
        await stream.WriteAsync(body, cts.Token);
        var header = new StringBuilder();
        byte[] one = new byte[1];
        while (!header.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await stream.ReadAsync(one, cts.Token) == 0)
                throw new EndOfStreamException("the agent closed the connection: " + header);
            header.Append((char)one[0]);
        }
        string lengthLine = header.ToString().Split("\r\n").First(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        byte[] reply = new byte[int.Parse(lengthLine["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture)];
        await stream.ReadExactlyAsync(reply, cts.Token);
        return JsonDocument.Parse(reply).RootElement.Clone();
    }
}
