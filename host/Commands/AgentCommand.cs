using System.CommandLine;
using Devtools.Host.Cli;
using Devtools.Lsp.Agent;

namespace Devtools.Host.Commands;

/// <summary>`devtools agent`: node-wide capture served to editors over an authenticated local socket.</summary>
public static class AgentCommand
{
    public static Command Create()
    {
        var listen = new Option<string?>("--listen") { Description = $"unix:PATH (default unix:{AgentDefaults.SocketPath()}) or tcp:127.0.0.1:PORT (loopback only)." };
        var tokenFile = new Option<string?>("--token-file") { Description = "Token file, created 0600 (default: next to the socket, agent.token). Kept if it exists." };
        var noEbpf = new Option<bool>("--no-ebpf") { Description = "Do not start eBPF capture; requests come from EventPipe for the processes clients attach to." };
        var command = new Command("agent", "Run the node agent: eBPF capture (as root) and per-process .NET profiling, served as JSON-RPC on a Unix socket to `devtools lsp` and editors.");
        command.Add(listen);
        command.Add(tokenFile);
        command.Add(noEbpf);
        command.SetAction((parse, cancel) => CommandRunner.RunAsync(async token =>
        {
            await using AgentServer server = AgentServer.Start(
                parse.GetValue(listen) ?? "unix:" + AgentDefaults.SocketPath(),
                parse.GetValue(tokenFile),
                ebpf: !parse.GetValue(noEbpf),
                log: m => Console.Error.WriteLine(m));
            await server.RunAsync(token);
            return ExitCodes.Ok;
        }, cancel));
        return command;
    }
}
