using Devtools.Core.Capture;
using Devtools.Core.Common;
using Spectre.Console;

namespace Devtools.Host.Rendering;

/// <summary>
/// Refreshes a `top` table (per endpoint, statement, command…) while a capture
/// runs: in place on a terminal, as successive snapshots when output goes to a
/// file or pipe.
/// </summary>
public sealed class LiveEndpointView(CaptureSession session, uint? pid, TimeSpan window, TimeSpan interval, string protocol = "http")
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
    public Table RenderFinal() => TopViews.Build(
        protocol,
        session,
        pid,
        long.MinValue,
        long.MaxValue,
        $"whole capture, {session.Elapsed.TotalSeconds:0.0} s" + (Status is null ? string.Empty : " · " + Status()));

    private Table Render()
    {
        long now = MonotonicClock.UnixNowNs();
        string caption = $"{protocol} · last {window.TotalSeconds:0} s · {session.Counters.Events:N0} events in {session.Elapsed.TotalSeconds:0} s";
        if (Status is not null)
            caption += " · " + Status();
        return TopViews.Build(protocol, session, pid, now - (long)window.TotalNanoseconds, now, caption + " · Ctrl-C to stop");
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
