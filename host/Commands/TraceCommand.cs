using System.CommandLine;
using Devtools.Core.Capture;
using Devtools.Core.Storage.Export;
using Devtools.Core.Storage.Tables;
using Devtools.Host.Cli;
using Devtools.Host.Rendering;

namespace Devtools.Host.Commands;

/// <summary>`devtools trace http`: every captured request as it completes.</summary>
public static class TraceCommand
{
    public static Command Create()
    {
        var command = new Command("trace", "Print captured requests live, one line (or one JSON object) per request.");
        command.Add(CreateHttp());
        return command;
    }

    private static Command CreateHttp()
    {
        var capture = new CaptureOptionSet();
        Option<TimeSpan?> duration = DurationOption.Create("--duration", "Stop after this long (default: until Ctrl-C).");
        var format = new Option<string>("--format", "-f")
        {
            Description = "table: aligned columns for people; json: one JSON object per request (http_events column names) for tools.",
            DefaultValueFactory = _ => "table",
        };
        format.AcceptOnlyFromAmong("table", "json");
        var command = new Command("http", "HTTP/1.x requests with method, path, status, latency and sizes.");
        capture.AddTo(command);
        command.Add(duration);
        command.Add(format);
        command.SetAction((parse, cancel) => CommandRunner.RunAsync(async token =>
        {
            CaptureOptions options = capture.Build(parse);
            bool json = parse.GetValue(format) == "json";
            using CaptureSession session = CaptureSession.Start(options);
            await Console.Error.WriteLineAsync($"devtools: tracing HTTP {(options.Tracer.TargetPid > 0 ? $"of pid {options.Tracer.TargetPid}" : "on every process")} (Ctrl-C to stop)");
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(token);
            if (parse.GetValue(duration) is { } d)
                stop.CancelAfter(d);

            Table table = session.Tables.HttpEvents;
            var printer = new HttpEventPrinter(Console.Out, session.Processes);
            long cursor = -1;
            void Drain()
            {
                List<RowSelection> rows = [.. table.ReadAfter(cursor)];
                if (rows.Count == 0)
                    return;
                if (json)
                    JsonLinesExporter.Write(table.Schema, rows, Console.Out);
                else
                    rows.ForEach(printer.Write);
                RowSelection last = rows[^1];
                cursor = last.Batch.EndRowId - 1;
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
