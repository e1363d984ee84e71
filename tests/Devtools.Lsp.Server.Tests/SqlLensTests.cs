using System.Globalization;
using System.Text.Json;
using Devtools.Integration.Tests.Infrastructure;
using Devtools.Lsp.Server.Tests.TestData.SqlWorkspace;
using Npgsql;
using Xunit.Abstractions;

namespace Devtools.Lsp.Server.Tests;

/// <summary>
/// SQL CodeLens end to end: a real PostgreSQL on loopback, a real `devtools agent` with eBPF
/// capture, the bridge connected to it over a workspace (TestData/SqlWorkspace) whose Npgsql call
/// sites this test runs for real. The lens on a literal counts exactly the executions (each once,
/// though both the client and the server are traced), shows the agent's latencies and the error
/// share, and literals nothing executed get no lens.
/// </summary>
[Collection(LspProcesses.Name)]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class SqlLensTests(ITestOutputHelper output)
{
    private const int Selects = 25;
    private const int Failures = 3;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static string Workspace => Path.Combine(Repository.Root, "tests", "Devtools.Lsp.Server.Tests", "TestData", "SqlWorkspace");

    private static string RepositoryCs => Path.Combine(Workspace, "ItemsRepository.cs");

    private static string RepositoryUri => new Uri(RepositoryCs).AbsoluteUri;

    private static int LineOf(string text) =>
        Array.FindIndex(File.ReadAllLines(RepositoryCs), l => l.Contains(text, StringComparison.Ordinal)) is var i and >= 0
            ? i
            : throw new InvalidOperationException($"{text} not in {RepositoryCs}");

    [Fact]
    public async Task Executed_sql_literals_get_lenses_with_the_agents_counts_latencies_and_errors()
    {
        if (Devtools.Core.Capture.CaptureEnvironment.Problems() is { Count: > 0 } problems)
        {
            output.WriteLine($"eBPF capture is not possible here, nothing to test: {string.Join("; ", problems)}");
            return;
        }
        using PostgresServer pg = PostgresServer.Start();
        await using (var setup = new NpgsqlConnection(pg.ConnectionString))
        {
            await setup.OpenAsync();
            await using var create = new NpgsqlCommand("CREATE TABLE items (id int PRIMARY KEY, name text); INSERT INTO items SELECT g, 'item ' || g FROM generate_series(1, 100) g", setup);
            await create.ExecuteNonQueryAsync();
        }

        string dir = Path.Combine(Path.GetTempPath(), $"devtools-sql-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        try
        {
            string socket = Path.Combine(dir, "agent.sock");
            string tokenFile = Path.Combine(dir, "agent.token");
            string dll = Path.Combine(Repository.Root, "host", "bin", Repository.Configuration, "net10.0", "devtools.dll");
            using ManagedProcess agent = ManagedProcess.Start("dotnet", [dll, "agent", "--listen", "unix:" + socket, "--token-file", tokenFile]);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (!File.Exists(socket) || !File.Exists(tokenFile))
            {
                Assert.False(agent.HasExited, agent.Output);
                Assert.True(clock.Elapsed < Wait, "the agent did not create its socket: " + agent.Output);
                await Task.Delay(100);
            }

            await using LspClient lsp = LspClient.Start();
            await lsp.RequestAsync("initialize", new
            {
                processId = Environment.ProcessId,
                rootUri = new Uri(Workspace).AbsoluteUri,
                workspaceFolders = new[] { new { uri = new Uri(Workspace).AbsoluteUri, name = "SqlWorkspace" } },
                capabilities = new { workspace = new { codeLens = new { refreshSupport = true } } },
                initializationOptions = new { refreshIntervalMs = 1000 },
            });
            await lsp.NotifyAsync("initialized", new { });
            await lsp.NotifyAsync("textDocument/didOpen", new { textDocument = new { uri = RepositoryUri, languageId = "csharp", version = 1, text = File.ReadAllText(RepositoryCs) } });

            // Connected (the agent answers authenticate once its capture runs), then the traffic: a connection opened under capture.
            JsonElement state = await lsp.RequestAsync("devtools/connectAgent", new { address = "unix:" + socket, tokenFile });
            output.WriteLine($"connected: {state}");
            Assert.True(state.GetProperty("attached").GetBoolean());
            long trafficMs = LspClient.Clock.ElapsedMilliseconds;
            await using (var connection = new NpgsqlConnection(pg.ConnectionString))
            {
                await connection.OpenAsync();
                for (int i = 1; i <= Selects; i++)
                    Assert.Equal($"item {i}", await ItemsRepository.GetNameAsync(connection, i));
                for (int i = 0; i < Failures; i++)
                    await Assert.ThrowsAsync<PostgresException>(() => ItemsRepository.CountMissingAsync(connection));
                // Matches no literal: no lens anywhere for it.
                await using var unmatched = new NpgsqlCommand("SELECT count(*) FROM items", connection);
                await unmatched.ExecuteScalarAsync();
            }

            int selectLine = LineOf("\"SELECT name FROM items WHERE id = @id\"");
            int missingLine = LineOf("\"SELECT count(*) FROM missing_items\"");
            JsonElement select = await StatementAsync(lsp, "FROM items WHERE id", Selects);
            JsonElement missing = await StatementAsync(lsp, "FROM missing_items", Failures);
            output.WriteLine($"select: {select}\nmissing: {missing}");
            Assert.Equal("pgsql", select.GetProperty("protocol").GetString());
            Assert.Equal(0, select.GetProperty("errorRate").GetDouble());
            Assert.Equal(1, missing.GetProperty("errorRate").GetDouble());

            string selectTitle = $"SQL · {Selects} calls/min · p50 {BridgeEndToEndTests.Ms(select.GetProperty("p50Ms").GetDouble())} · p99 {BridgeEndToEndTests.Ms(select.GetProperty("p99Ms").GetDouble())}";
            string missingTitle = $"SQL · {Failures} calls/min · p50 {BridgeEndToEndTests.Ms(missing.GetProperty("p50Ms").GetDouble())} · p99 {BridgeEndToEndTests.Ms(missing.GetProperty("p99Ms").GetDouble())} · 100.0% errors";
            // The lenses come through the refreshes the bridge asks for when their titles change.
            await BridgeEndToEndTests.WaitForLensAsync(lsp, RepositoryUri, selectLine, t => t == selectTitle, trafficMs);
            JsonElement lenses = await BridgeEndToEndTests.WaitForAsync(async () =>
            {
                JsonElement l = await lsp.RequestAsync("textDocument/codeLens", new { textDocument = new { uri = RepositoryUri } });
                string[] titles = [.. l.EnumerateArray().Select(BridgeEndToEndTests.Title)];
                return titles.Contains(selectTitle) && titles.Contains(missingTitle) ? l : null;
            }, $"the lenses \"{selectTitle}\" and \"{missingTitle}\"");
            foreach (JsonElement lens in lenses.EnumerateArray())
                output.WriteLine($"{lens.GetProperty("range")}: {BridgeEndToEndTests.Title(lens)}");

            // On the literals' lines and nowhere else: the DELETE never ran, `SELECT count(*) FROM items` has no literal.
            Assert.Equal(2, lenses.GetArrayLength());
            Assert.Equal(selectTitle, BridgeEndToEndTests.Title(BridgeEndToEndTests.LensOn(lenses, selectLine)));
            Assert.Equal(missingTitle, BridgeEndToEndTests.Title(BridgeEndToEndTests.LensOn(lenses, missingLine)));
            JsonElement range = BridgeEndToEndTests.LensOn(lenses, selectLine).GetProperty("range");
            Assert.Equal(selectLine, range.GetProperty("end").GetProperty("line").GetInt32());
            string literalLine = File.ReadAllLines(RepositoryCs)[selectLine];
            Assert.Equal(literalLine.IndexOf("\"SELECT", StringComparison.Ordinal), range.GetProperty("start").GetProperty("character").GetInt32());

            // The bridge's devtools/sqlStats places the statement on the same literal.
            JsonElement location = select.GetProperty("locations").EnumerateArray().Single();
            Assert.Equal(RepositoryUri, location.GetProperty("uri").GetString());
            Assert.Equal(selectLine, location.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32());
            Assert.Equal(0, await lsp.StopAsync());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>
    /// The bridge's row of the statement containing <paramref name="fragment"/> once its count reached
    /// <paramref name="expected"/>, read again a second later: it must stay exactly that (each call once).
    /// </summary>
    private async Task<JsonElement> StatementAsync(LspClient lsp, string fragment, int expected)
    {
        async Task<JsonElement?> Read()
        {
            JsonElement stats = await lsp.RequestAsync("devtools/sqlStats", new { });
            return stats.GetProperty("statements").EnumerateArray().Cast<JsonElement?>()
                .FirstOrDefault(s => s!.Value.GetProperty("normalizedQuery").GetString()!.Contains(fragment, StringComparison.Ordinal));
        }
        await BridgeEndToEndTests.WaitForAsync(async () => await Read() is { } s && s.GetProperty("count").GetInt64() >= expected ? s : null, $"{expected} calls of {fragment}");
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        JsonElement settled = (await Read())!.Value;
        output.WriteLine(string.Create(Inv, $"{fragment}: {settled}"));
        Assert.Equal(expected, settled.GetProperty("count").GetInt64());
        return settled;
    }
}
