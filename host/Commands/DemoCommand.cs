using System.CommandLine;
using Devtools.Core.Capture;
using Devtools.Host.Cli;
using Devtools.Host.Demo;
using Devtools.Host.Rendering;
using Spectre.Console;

namespace Devtools.Host.Commands;

/// <summary>
/// `devtools demo`: runs the bundled sample service and a bounded load loop on
/// loopback, captures the service with eBPF and shows the live endpoint table.
/// Ends by itself (or on Ctrl-C) and leaves nothing running.
/// </summary>
public static class DemoCommand
{
    public static Command Create()
    {
        Option<TimeSpan?> duration = DurationOption.Create("--duration", "How long the load runs.", TimeSpan.FromSeconds(20));
        var rate = new Option<int>("--rate") { Description = "Requests per second the load loop aims for.", DefaultValueFactory = _ => 200 };
        var workers = new Option<int>("--workers") { Description = "Concurrent connections of the load loop.", DefaultValueFactory = _ => 4 };
        var maxRequests = new Option<long>("--requests") { Description = "Stop after this many requests even if time remains.", DefaultValueFactory = _ => 100_000 };
        var command = new Command("demo", "Start a sample ASP.NET Core service and a load loop on loopback, capture it with eBPF and show live per-endpoint latencies.");
        command.Add(duration);
        command.Add(rate);
        command.Add(workers);
        command.Add(maxRequests);
        command.SetAction((parse, cancel) => CommandRunner.RunAsync(async token =>
        {
            int r = parse.GetValue(rate), w = parse.GetValue(workers);
            long max = parse.GetValue(maxRequests);
            if (r is < 1 or > 100_000)
                throw new UsageException($"--rate must be between 1 and 100000 requests per second, not {r}.");
            if (w is < 1 or > 256)
                throw new UsageException($"--workers must be between 1 and 256, not {w}.");
            if (max < 1)
                throw new UsageException($"--requests must be at least 1, not {max}.");
            CaptureEnvironment.EnsureReady();

            await Console.Error.WriteLineAsync("devtools demo: starting the sample service (samples/SampleShop) ...");
            using SampleShopProcess shop = await SampleShopProcess.StartAsync(token);
            await Console.Error.WriteLineAsync($"devtools demo: SampleShop pid {shop.Pid} on {shop.BaseAddress}; capturing it with eBPF (no instrumentation)");
            using CaptureSession session = CaptureSession.Start(new CaptureOptions
            {
                Tracer = new() { TargetPid = shop.Pid },
            });

            var load = new LoadGenerator(shop.BaseAddress, w, r, max);
            var view = new LiveEndpointView(session, (uint)shop.Pid, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(1))
            {
                Status = () => $"load loop: {load.Result.Completed:N0} requests answered",
            };
            using var viewStop = CancellationTokenSource.CreateLinkedTokenSource(token);
            Task loadTask = load.RunAsync(parse.GetValue(duration)!.Value, token);
            Task viewTask = view.RunAsync(viewStop.Token);
            try
            {
                await loadTask;
            }
            finally
            {
                // Let the last responses' events reach the tables, then stop everything.
                await Task.Delay(300, CancellationToken.None);
                await viewStop.CancelAsync();
                await viewTask;
            }
            CaptureSummary summary = session.Stop();
            shop.Dispose();

            AnsiConsole.Write(view.RenderFinal());
            long captured = session.Tables.HttpEvents.TotalRows;
            long answered = load.Result.Completed;
            await Console.Error.WriteLineAsync();
            await Console.Error.WriteLineAsync(
                $"devtools demo: the load loop got {answered:N0} responses; eBPF captured {captured:N0} requests" +
                (answered == captured ? " — every one, once." : $" ({captured - answered:+#;-#;0} difference: see the counters below)."));
            SummaryPrinter.Print(summary, Console.Error);
            return session.Fault is null ? ExitCodes.Ok : TopCommand.Fail(session.Fault);
        }, cancel));
        return command;
    }
}
