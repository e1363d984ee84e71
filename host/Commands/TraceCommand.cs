using System.CommandLine;
using Devtools.Core.Capture;
using Devtools.Core.Storage.Export;
using Devtools.Core.Storage.Tables;
using Devtools.Host.Cli;
using Devtools.Host.Rendering;

namespace Devtools.Host.Commands;

/// <summary>`devtools trace PROTOCOL`: every captured request of that protocol as it completes.</summary>
public static class TraceCommand
{
    public static Command Create()
    {
        var command = new Command("trace", "Print captured requests live, one line (or one JSON object) per request.");
        foreach ((string name, string description) in TraceViews.Catalog)
            command.Add(CreateFor(name, description));
        return command;
    }

    private static Command CreateFor(string protocol, string description)
    {
        var capture = new CaptureOptionSet();
        Option<TimeSpan?> duration = DurationOption.Create("--duration", "Stop after this long (default: until Ctrl-C).");
        var format = new Option<string>("--format", "-f")
        {
            Description = "table: aligned columns for people; json: one JSON object per request (the table's column names) for tools.",
            DefaultValueFactory = _ => "table",
        };
        format.AcceptOnlyFromAmong("table", "json");
        var command = new Command(protocol, description);
        capture.AddTo(command);
        command.Add(duration);
        command.Add(format);
        command.SetAction((parse, cancel) => CommandRunner.RunAsync(async token =>
        {
            CaptureOptions options = capture.Build(parse);
            bool json = parse.GetValue(format) == "json";
            using CaptureSession session = CaptureSession.Start(options);
            TraceView view = TraceViews.Get(protocol, session.Processes);
            await Console.Error.WriteLineAsync($"devtools: tracing {protocol} {(options.Tracer.TargetPid > 0 ? $"of pid {options.Tracer.TargetPid}" : "on every process")} (Ctrl-C to stop)");
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(token);
            if (parse.GetValue(duration) is { } d)
                stop.CancelAfter(d);

            Table table = view.Table(session.Tables);
            var printer = new TraceLinePrinter(Console.Out, view);
            long cursor = -1;
            void Drain()
            {
                List<RowSelection> rows = [.. table.ReadAfter(cursor)];
                if (rows.Count == 0)
                    return;
                if (json)
                    JsonLinesExporter.Write(table.Schema, rows, Console.Out, printer.Includes);
                else
                    rows.ForEach(printer.Write);
                cursor = rows[^1].Batch.EndRowId - 1;
                Console.Out.Flush();
            }

            while (!stop.IsCancellationRequested && session.IsRunning)
            {
                try
                {
                    await Task.Delay(200, stop.Token);
                }
                catch (OperationCanceledException)
                {
                }
                Drain();
            }
            CaptureSummary summary = session.Stop();
            Drain();
            SummaryPrinter.Print(summary, Console.Error);
            return session.Fault is null ? ExitCodes.Ok : TopCommand.Fail(session.Fault);
        }, cancel));
        return command;
    }
}
