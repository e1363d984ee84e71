using Devtools.Core.Capture;
using Devtools.Core.Common;
using Devtools.Core.Query.Http;
using Spectre.Console;

namespace Devtools.Host.Rendering;

/// <summary>
/// Refreshes the per-endpoint table while a capture runs: in place on a terminal,
/// as successive snapshots when output goes to a file or pipe.
/// </summary>
public sealed class LiveEndpointView(CaptureSession session, uint? pid, TimeSpan window, TimeSpan interval)
{
    /// <summary>Extra text under the table (the demo's load figures).</summary>
    public Func<string>? Status { get; init; }

    public async Task RunAsync(CancellationToken stop)
    {
        bool interactive = AnsiConsole.Profile.Capabilities.Interactive && !Console.IsOutputRedirected;
        if (interactive)
        {
            await AnsiConsole.Live(Render()).AutoClear(false).StartAsync(async context =>
            {
                while (!stop.IsCancellationRequested && session.IsRunning)
                {
                    await Delay(stop);
                    context.UpdateTarget(Render());
                    context.Refresh();
                }
            });
            return;
        }
        while (!stop.IsCancellationRequested && session.IsRunning)
        {
            await Delay(stop);
            AnsiConsole.Write(Render());
        }
    }

    /// <summary>The table over the whole capture (the final picture).</summary>
    public Table RenderFinal() => EndpointTable.Build(
        HttpEndpointStats.Compute(session.Tables.HttpEvents, new HttpEndpointQuery { Pid = pid }),
        session.Processes.GetName,
        $"whole capture, {session.Elapsed.TotalSeconds:0.0} s" + (Status is null ? string.Empty : " · " + Status()));

    private Table Render()
    {
        HttpEndpointQuery query = HttpEndpointQuery.Last(window, MonotonicClock.UnixNowNs()) with { Pid = pid };
        HttpEndpointReport report = HttpEndpointStats.Compute(session.Tables.HttpEvents, query);
        string caption = $"last {window.TotalSeconds:0} s · {session.Tables.HttpEvents.TotalRows:N0} requests captured in {session.Elapsed.TotalSeconds:0} s";
        if (Status is not null)
            caption += " · " + Status();
        return EndpointTable.Build(report, session.Processes.GetName, caption + " · Ctrl-C to stop");
    }

    private async Task Delay(CancellationToken stop)
    {
        try
        {
            await Task.Delay(interval, stop);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
