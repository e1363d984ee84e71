using System.CommandLine;
using Devtools.Core.Capture;
using Devtools.Host.Cli;
using Devtools.Host.Rendering;
using Spectre.Console;

namespace Devtools.Host.Commands;

/// <summary>`devtools top`: a live, refreshing per-endpoint table.</summary>
public static class TopCommand
{
    public static Command Create()
    {
        var capture = new CaptureOptionSet();
        Option<TimeSpan?> duration = DurationOption.Create("--duration", "Stop after this long (default: until Ctrl-C).");
        Option<TimeSpan?> window = DurationOption.Create("--window", "Rates and percentiles over this recent window.", TimeSpan.FromSeconds(10));
        Option<TimeSpan?> interval = DurationOption.Create("--interval", "Refresh interval.", TimeSpan.FromSeconds(1));
        var protocol = new Argument<string>("protocol")
        {
            Description = "What to group by: " + string.Join("; ", TopViews.Catalog.Select(c => $"{c.Name} — {c.Description}")),
            DefaultValueFactory = _ => "http",
        };
        protocol.AcceptOnlyFromAmong([.. TopViews.Catalog.Select(c => c.Name)]);
        var command = new Command("top", "Show a live, refreshing table per endpoint (or SQL statement, gRPC method, command…): requests/s, p50/p90/p99 latency, error rates.");
        command.Add(protocol);
        capture.AddTo(command);
        command.Add(duration);
        command.Add(window);
        command.Add(interval);
        command.SetAction((parse, cancel) => CommandRunner.RunAsync(async token =>
        {
            CaptureOptions options = capture.Build(parse);
            using CaptureSession session = CaptureSession.Start(options);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(token);
            if (parse.GetValue(duration) is { } d)
                stop.CancelAfter(d);
            uint? pid = options.Tracer.TargetPid > 0 ? (uint)options.Tracer.TargetPid : null;
            var view = new LiveEndpointView(session, pid, parse.GetValue(window)!.Value, parse.GetValue(interval)!.Value, parse.GetValue(protocol)!);
            await view.RunAsync(stop.Token);
            CaptureSummary summary = session.Stop();
            AnsiConsole.Write(view.RenderFinal());
            SummaryPrinter.Print(summary, Console.Error);
            return session.Fault is null ? ExitCodes.Ok : Fail(session.Fault);
        }, cancel));
        return command;
    }

    internal static int Fail(Exception fault)
    {
        Console.Error.WriteLine($"devtools: capture stopped: {fault.Message}");
        return ExitCodes.Failed;
    }
}
