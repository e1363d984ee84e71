using System.CommandLine;
using Devtools.Core.Capture;
using Devtools.Core.Profiling;
using Devtools.Core.Profiling.Bpf;
using Devtools.Core.Storage.Export;
using Devtools.Core.Storage.Tables;
using Devtools.Host.Cli;
using Devtools.Host.Rendering;

namespace Devtools.Host.Commands;

/// <summary>`devtools record`: capture for a while, then write every table to a directory.</summary>
public static class RecordCommand
{
    public static Command Create()
    {
        var capture = new CaptureOptionSet();
        Option<TimeSpan?> duration = DurationOption.Create("--duration", "How long to capture.", TimeSpan.FromSeconds(10));
        var output = new Option<DirectoryInfo>("--output", "-o")
        {
            Description = "Directory to write one file per table into (created if missing).",
            Required = true,
            HelpName = "DIR",
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "arrow: Arrow IPC streams (pyarrow, pandas, polars, DuckDB read them); jsonl: one JSON object per row.",
            DefaultValueFactory = _ => "arrow",
        };
        format.AcceptOnlyFromAmong("arrow", "jsonl");
        var profile = new Option<bool>("--profile")
        {
            Description = "Also sample CPU stacks (eBPF, 97 Hz per CPU, --pid applies) into stack_traces.beta: one row per process and stack every 30 s and at the end.",
        };
        var command = new Command("record", "Capture node-wide (or one --pid) for a duration, then write each table to DIR/<table>.arrow or .jsonl.");
        capture.AddTo(command);
        command.Add(duration);
        command.Add(output);
        command.Add(format);
        command.Add(profile);
        command.SetAction((parse, cancel) => CommandRunner.RunAsync(async token =>
        {
            CaptureOptions options = capture.Build(parse);
            if (parse.GetValue(profile))
            {
                options = options with
                {
                    Profiler = new CpuProfilerOptions
                    {
                        Sampler = new StackSamplerOptions { TargetPid = options.Tracer.TargetPid },
                        // Recording ends when the user says so; a pid that exits only ends the profiling part.
                        StopWhenTargetExits = true,
                    },
                };
            }
            DirectoryInfo dir = parse.GetValue(output)!;
            string extension = parse.GetValue(format) == "jsonl" ? "jsonl" : "arrow";
            TimeSpan length = parse.GetValue(duration)!.Value;
            // Fail on an unwritable directory before capturing, not after.
            Directory.CreateDirectory(dir.FullName);
            string probe = Path.Combine(dir.FullName, ".devtools-write-test");
            await File.WriteAllTextAsync(probe, string.Empty, token);
            File.Delete(probe);

            using CaptureSession session = CaptureSession.Start(options);
            await Console.Error.WriteLineAsync($"devtools: recording for {length.TotalSeconds:0.#} s into {dir.FullName} (Ctrl-C stops early and still writes)");
            await Progress(session, length, token);
            CaptureSummary summary = session.Stop();

            foreach (Table table in session.Tables.All)
            {
                string path = Path.Combine(dir.FullName, $"{table.Name}.{extension}");
                await using FileStream file = File.Create(path);
                if (extension == "arrow")
                    ArrowIpcExporter.Write(table, file);
                else
                    JsonLinesExporter.Write(table, file);
                if (table.RetainedRows > 0)
                    await Console.Error.WriteLineAsync($"  wrote {path} ({table.RetainedRows:N0} rows)");
            }
            await Console.Error.WriteLineAsync($"  wrote {session.Tables.All.Count} tables to {dir.FullName} (empty tables hold their schema)");
            SummaryPrinter.Print(summary, Console.Error);
            if (session.Profiler is { } profiler)
                ProfilePrinter.PrintStats(profiler.Stats(), Console.Error);
            return session.Fault is null ? ExitCodes.Ok : TopCommand.Fail(session.Fault);
        }, cancel));
        return command;
    }

    /// <summary>A progress line on a terminal; nothing when stderr is redirected.</summary>
    private static async Task Progress(CaptureSession session, TimeSpan length, CancellationToken cancel)
    {
        bool terminal = !Console.IsErrorRedirected;
        var end = DateTime.UtcNow + length;
        while (DateTime.UtcNow < end && !cancel.IsCancellationRequested && session.IsRunning)
        {
            TimeSpan left = end - DateTime.UtcNow;
            try
            {
                await Task.Delay(left < TimeSpan.FromSeconds(1) ? left : TimeSpan.FromSeconds(1), cancel);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            if (terminal)
            {
                long rows = session.Tables.All.Sum(t => t.TotalRows);
                Console.Error.Write($"\r  {session.Elapsed.TotalSeconds,5:0} s / {length.TotalSeconds:0} s · {session.Counters.Events:N0} events · {rows:N0} rows   ");
            }
        }
        if (terminal)
            Console.Error.WriteLine();
    }
}
