using System.CommandLine;
using Devtools.Host.Cli;
using Devtools.Lsp.Server;

namespace Devtools.Host.Commands;

/// <summary>`devtools lsp`: the editor bridge, a language server on stdio (docs/editor-protocol.md).</summary>
public static class LspCommand
{
    public static Command Create()
    {
        var stdio = new Option<bool>("--stdio") { Description = "Speak LSP on stdin/stdout (the default and only transport; accepted for clients that pass it)." };
        var command = new Command("lsp", "Run the editor bridge: a Language Server (stdio, Content-Length framing) that shows live request stats and hot code over your C# sources.");
        command.Add(stdio);
        command.SetAction((parse, cancel) => CommandRunner.RunAsync(async token =>
        {
            // stdout carries the protocol: every diagnostic goes to stderr.
            await using var server = new BridgeServer(log: m => Console.Error.WriteLine($"devtools lsp: {m}"));
            using Stream input = Console.OpenStandardInput();
            using Stream output = Console.OpenStandardOutput();
            return await server.RunAsync(input, output, token);
        }, cancel));
        return command;
    }
}
