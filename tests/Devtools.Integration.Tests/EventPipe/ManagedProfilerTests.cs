using System.Diagnostics;
using Devtools.Core.Profiling;
using Devtools.Core.Profiling.EventPipe;
using Xunit.Abstractions;

namespace Devtools.Integration.Tests.EventPipe;

/// <summary>
/// The EventPipe profiler against a real .NET process with one known hotspot: the
/// method must come out on top, its hot line must be the top source line, and code
/// jitted before the attach must resolve as well as code jitted after it.
/// </summary>
[Collection(RealCapture.Name)]
public sealed class ManagedProfilerTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Hot_method_is_on_top_with_its_source_line()
    {
        using HotMethodProcess hot = HotMethodProcess.Start();
        Profile profile = await ManagedProfiler.ProfileAsync(hot.Pid, new ManagedProfilerOptions { Duration = TimeSpan.FromSeconds(3) });

        ProfileSummary summary = ProfileSummary.Compute(profile, top: 10);
        Print(profile, summary);
        Assert.Equal("eventpipe", profile.Source);
        Assert.Contains(profile.Notes, n => n.StartsWith("CPU view", StringComparison.Ordinal));
        Assert.True(profile.TotalSamples > 300, $"only {profile.TotalSamples} CPU samples in 3 s");
        AssertHotspot(summary);
    }

    [Fact]
    public async Task Method_jitted_before_attach_resolves_through_the_rundown()
    {
        // Without tiering Spin is compiled once, at its first call, long before we attach:
        // only the rundown can tell us about it.
        using HotMethodProcess hot = HotMethodProcess.Start(environment: new Dictionary<string, string> { ["DOTNET_TieredCompilation"] = "0" });
        await Task.Delay(500);
        await using ManagedProfilerSession session = await ManagedProfiler.StartAsync(hot.Pid);
        await Task.Delay(TimeSpan.FromSeconds(2));

        IReadOnlyList<JittedMethod> bodies = session.MethodBodies(HotMethodProcess.HotFunction);
        Assert.NotEmpty(bodies);
        Assert.All(bodies, b => Assert.True(b.FromRundown, "Spin was jitted again after the attach: the test no longer shows the rundown at work"));
        Profile profile = await session.StopAsync();
        ProfileSummary summary = ProfileSummary.Compute(profile, top: 5);
        Print(profile, summary);
        output.WriteLine($"rundown: {session.Statistics.RundownMethods} methods in {session.Statistics.RundownDuration.TotalMilliseconds:0} ms");
        AssertHotspot(summary);
    }

    [Fact]
    public async Task Method_jitted_after_attach_resolves_live_and_snapshots_follow_the_run()
    {
        // The sample idles before its first call of Spin: we attach during the idle.
        using HotMethodProcess hot = HotMethodProcess.Start(idleMs: 3000);
        var clock = Stopwatch.StartNew();
        await using ManagedProfilerSession session = await ManagedProfiler.StartAsync(hot.Pid);
        TimeSpan attached = clock.Elapsed;
        Assert.Empty(session.MethodBodies(HotMethodProcess.HotFunction));

        // Poll as the editor would until the hotspot shows, with its line.
        ProfileSummary? summary = null;
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            summary = ProfileSummary.Compute(session.Snapshot(), top: 5);
            if (summary.TopLines.Count > 0 && summary.TopLines[0].Function == HotMethodProcess.HotFunction && summary.TotalSamples > 200)
                break;
            await Task.Delay(100);
        }
        output.WriteLine($"attach took {attached.TotalMilliseconds:0} ms; hotspot shown {clock.Elapsed.TotalSeconds:0.00} s after starting to attach (the sample idled 3 s first)");
        Assert.NotNull(summary);
        AssertHotspot(summary);
        Assert.Contains(session.MethodBodies(HotMethodProcess.HotFunction), b => !b.FromRundown);

        // Snapshots are cumulative until reset.
        long before = session.Snapshot().TotalSamples;
        await Task.Delay(500);
        Assert.True(session.Snapshot().TotalSamples > before);
        session.Reset();
        Assert.True(session.Snapshot().TotalSamples < before, "Reset did not start the counts over");

        await Task.Delay(1000);
        Profile final = await session.StopAsync();
        ManagedProfilerStatistics stats = session.Statistics;
        output.WriteLine($"{stats}; {stats.SamplesPerSecond:0} samples/s");
        Assert.False(session.IsRunning);
        Assert.Same(final, session.Snapshot());
        AssertHotspot(ProfileSummary.Compute(final, top: 5));
    }

    [Fact]
    public async Task Thread_time_view_includes_blocked_samples()
    {
        using HotMethodProcess hot = HotMethodProcess.Start();
        Profile profile = await ManagedProfiler.ProfileAsync(hot.Pid, new ManagedProfilerOptions { Duration = TimeSpan.FromSeconds(2), IncludeBlockedSamples = true });
        Print(profile, ProfileSummary.Compute(profile, top: 5));
        Assert.Contains(profile.Notes, n => n.StartsWith("Thread-time view", StringComparison.Ordinal));
        Assert.Equal(HotMethodProcess.HotFunction, ProfileSummary.Compute(profile).TopFunctions[0].Function);
    }

    private static void AssertHotspot(ProfileSummary summary)
    {
        FunctionShare top = summary.TopFunctions[0];
        Assert.Equal(HotMethodProcess.HotFunction, top.Function);
        Assert.Equal("HotMethod.dll", top.Module);
        Assert.True(top.SelfPercent > 50, $"{top.Function} has {top.SelfPercent:0.0}% of CPU samples");

        SourceLineShare line = summary.TopLines[0];
        Assert.Equal($"Program.cs:{HotMethodProcess.HotLine}", line.Location);
        Assert.Equal(HotMethodProcess.HotFunction, line.Function);
        Assert.True(line.SelfPercent > 50, $"{line.Location} has {line.SelfPercent:0.0}% of CPU samples");
    }

    private void Print(Profile profile, ProfileSummary summary)
    {
        output.WriteLine($"{profile.TotalSamples} samples over {profile.Duration.TotalSeconds:0.00} s");
        foreach (string note in profile.Notes)
            output.WriteLine("note: " + note);
        foreach (FunctionShare f in summary.TopFunctions)
            output.WriteLine($"  {f.SelfPercent,5:0.0}% self {f.TotalPercent,5:0.0}% total  {f.Function} ({f.Module})");
        foreach (SourceLineShare l in summary.TopLines)
            output.WriteLine($"  {l.SelfPercent,5:0.0}% self {l.TotalPercent,5:0.0}% total  {l.Location}  {l.Function}");
    }
}
