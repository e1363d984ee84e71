using System.Text.Json;

namespace Devtools.Lsp.Server.Tests;

/// <summary>The bridge follows the editor's unsaved text: lenses move with their lines and appear for new endpoints.</summary>
[Collection(LspProcesses.Name)]
public sealed class DocumentSyncTests
{
    [Fact]
    public async Task Lenses_follow_unsaved_edits_and_a_refresh_is_sent()
    {
        await using LspClient lsp = LspClient.Start();
        await BridgeEndToEndTests.InitializeAsync(lsp);
        int ordersLine = BridgeEndToEndTests.LineOf("app.MapGet(\"/orders/{id:int}\"");
        await BridgeEndToEndTests.WaitForAsync(async () =>
        {
            JsonElement all = await BridgeEndToEndTests.CodeLensAsync(lsp);
            return all.EnumerateArray().Any(l => l.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32() == ordersLine) ? all : (JsonElement?)null;
        }, "the first lenses");
        long before = LspClient.Clock.ElapsedMilliseconds;

        // Two lines inserted at the top (not saved) and a new endpoint before the first Map call.
        string[] lines = BridgeEndToEndTests.ProgramLines;
        int healthLine = BridgeEndToEndTests.LineOf("app.MapMethods(\"/health\"");
        var edited = new List<string> { "// edited", "// in the editor" };
        edited.AddRange(lines[..healthLine]);
        edited.Add("app.MapPut(\"/carts/{cartId:guid}/items/{sku}\", (Guid cartId, string sku) => Results.Ok());");
        edited.AddRange(lines[healthLine..]);
        await lsp.NotifyAsync("textDocument/didChange", new
        {
            textDocument = new { uri = BridgeEndToEndTests.ProgramUri, version = 2 },
            contentChanges = new[] { new { text = string.Join('\n', edited) } },
        });

        await lsp.WaitForServerRequestAsync("workspace/codeLens/refresh", before, TimeSpan.FromSeconds(60));
        JsonElement lenses = await BridgeEndToEndTests.WaitForAsync(async () =>
        {
            JsonElement all = await BridgeEndToEndTests.CodeLensAsync(lsp);
            return all.EnumerateArray().Any(l => l.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32() == healthLine + 2) ? all : (JsonElement?)null;
        }, "the lens of the new endpoint");
        Assert.Equal("PUT /carts/{cartId}/items/{sku} · attach to see live traffic", BridgeEndToEndTests.Title(BridgeEndToEndTests.LensOn(lenses, healthLine + 2)));
        Assert.Equal("GET, HEAD /health · attach to see live traffic", BridgeEndToEndTests.Title(BridgeEndToEndTests.LensOn(lenses, healthLine + 3)));
        Assert.Equal("GET /orders/{id} · attach to see live traffic", BridgeEndToEndTests.Title(BridgeEndToEndTests.LensOn(lenses, ordersLine + 3)));
        Assert.Single(lenses.EnumerateArray(), l => BridgeEndToEndTests.Title(l).StartsWith("GET /orders/{id}", StringComparison.Ordinal));

        // Closed: the disk's text again.
        await lsp.NotifyAsync("textDocument/didClose", new { textDocument = new { uri = BridgeEndToEndTests.ProgramUri } });
        await BridgeEndToEndTests.WaitForAsync(async () =>
        {
            JsonElement all = await BridgeEndToEndTests.CodeLensAsync(lsp);
            return all.EnumerateArray().Any(l => l.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32() == ordersLine
                && BridgeEndToEndTests.Title(l).StartsWith("GET /orders/{id}", StringComparison.Ordinal)) ? all : (JsonElement?)null;
        }, "the lenses of the file on disk after didClose");
        Assert.Equal(0, await lsp.StopAsync());
    }
}
