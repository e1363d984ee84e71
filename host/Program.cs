using System.CommandLine;
using Devtools.Host.Cli;
using Devtools.Host.Commands;

var root = new RootCommand(
    "devtools — live, zero-instrumentation debugging: eBPF captures every request of every process on this machine into Arrow tables.\n" +
    "Exit codes: 0 done (also after Ctrl-C), 1 capture or output failed, 2 bad command line, 3 this machine/user cannot capture.")
{
    TraceCommand.Create(),
    TopCommand.Create(),
    RecordCommand.Create(),
    DemoCommand.Create(),
    DoctorCommand.Create(),
    LspCommand.Create(),
    AgentCommand.Create(),
};

// Output to a file or pipe: Spectre would assume 80 columns and squeeze the tables.
if (Console.IsOutputRedirected)
    Spectre.Console.AnsiConsole.Profile.Width = 140;

ParseResult parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    foreach (var error in parse.Errors)
        Console.Error.WriteLine($"devtools: {error.Message}");
    Console.Error.WriteLine("Run `devtools --help` (or `devtools COMMAND --help`) for usage.");
    return ExitCodes.Usage;
}

// Live views end with Ctrl-C: give them time to stop capturing, print the summary and write files.
return await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(30) });
