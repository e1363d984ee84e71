using System.Diagnostics;
using Devtools.Core.Profiling;
using Devtools.Core.Profiling.EventPipe;
using Devtools.Integration.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Devtools.Integration.Tests.EventPipe;

/// <summary>Every way attaching can fail ends in a <see cref="ManagedProfilerException"/> that says what to do, never a crash.</summary>
[Collection(RealCapture.Name)]
public sealed class ManagedProfilerErrorTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Nonexistent_pid()
    {
        // Above the kernel's pid_max (at most 2^22): no process can have it.
        const int Pid = 0x7FFF_FFF0;
        var e = await Assert.ThrowsAsync<ManagedProfilerException>(() => ManagedProfiler.ProfileAsync(Pid, new ManagedProfilerOptions()));
        output.WriteLine(e.Message);
        Assert.Equal(ManagedProfilerError.ProcessNotFound, e.Error);
        Assert.Contains(Pid.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_that_is_not_dotnet()
    {
        using ManagedProcess sleep = ManagedProcess.Start("sleep", ["30"]);
        var e = await Assert.ThrowsAsync<ManagedProfilerException>(() => ManagedProfiler.StartAsync(sleep.Pid));
        output.WriteLine(e.Message);
        Assert.Equal(ManagedProfilerError.NotDotNet, e.Error);
        Assert.Contains("not a .NET process", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dotnet_process_with_diagnostics_disabled()
    {
        using HotMethodProcess hot = HotMethodProcess.Start(environment: new Dictionary<string, string> { ["DOTNET_EnableDiagnostics"] = "0" });
        var e = await Assert.ThrowsAsync<ManagedProfilerException>(() => ManagedProfiler.StartAsync(hot.Pid));
        output.WriteLine(e.Message);
        Assert.Equal(ManagedProfilerError.DiagnosticsUnavailable, e.Error);
        Assert.Contains("DOTNET_EnableDiagnostics=0", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_exiting_mid_session_ends_the_run_with_what_was_collected()
    {
        // Runs about 3.5 s more after it is ready; we ask for 30.
        using HotMethodProcess hot = HotMethodProcess.Start(seconds: 4);
        var clock = Stopwatch.StartNew();
        Profile profile = await ManagedProfiler.ProfileAsync(hot.Pid, new ManagedProfilerOptions { Duration = TimeSpan.FromSeconds(30) });
        output.WriteLine($"returned after {clock.Elapsed.TotalSeconds:0.0} s with {profile.TotalSamples} samples");
        foreach (string note in profile.Notes)
            output.WriteLine("note: " + note);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), "the run did not end when the process exited");
        Assert.Contains(profile.Notes, n => n.Contains("exited", StringComparison.Ordinal));
        Assert.True(profile.TotalSamples > 0);
        Assert.Equal(HotMethodProcess.HotFunction, ProfileSummary.Compute(profile).TopFunctions[0].Function);
    }

    [Fact]
    public async Task Live_session_reports_the_exit_and_keeps_its_profile()
    {
        using HotMethodProcess hot = HotMethodProcess.Start(seconds: 4);
        await using ManagedProfilerSession session = await ManagedProfiler.StartAsync(hot.Pid);
        await session.Completion.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(session.ProcessExited);
        Assert.Null(session.Fault);
        Assert.False(session.IsRunning);
        Profile snapshot = session.Snapshot();
        Assert.True(snapshot.TotalSamples > 0);
        Profile final = await session.StopAsync();
        Assert.Equal(snapshot.TotalSamples, final.TotalSamples);
    }
}
