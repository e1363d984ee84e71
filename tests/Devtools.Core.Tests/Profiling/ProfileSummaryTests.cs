using Devtools.Core.Profiling;
using Devtools.Core.Storage;

namespace Devtools.Core.Tests.Profiling;

public sealed class ProfileSummaryTests
{
    private static readonly Upid Process = new(0, 42, 1000);

    private static StackFrame Managed(string function, string? file = null, int line = 0) => new(function, FrameKind.Managed, "App.dll", file, line);

    [Fact]
    public void Self_is_the_leaf_and_total_counts_each_sample_once()
    {
        var profile = new Profile(TimeSpan.FromSeconds(1), 1000, "eventpipe");
        StackFrame main = Managed("App.Main", "/src/App/Program.cs", 10);
        StackFrame work = Managed("App.Work", "/src/App/Work.cs", 20);
        StackFrame hot = Managed("App.Hot", "/src/App/Work.cs", 30);
        profile.Add(Process, [main, work, hot], 60);
        profile.Add(Process, [main, work], 30);
        // Recursion: Work appears twice in one stack but counts once in its total.
        profile.Add(Process, [main, work, Managed("App.Work", "/src/App/Work.cs", 25)], 10);

        ProfileSummary summary = ProfileSummary.Compute(profile);

        Assert.Equal(100, summary.TotalSamples);
        Assert.Equal(("App.Hot", 60L, 60L), (summary.TopFunctions[0].Function, summary.TopFunctions[0].Self, summary.TopFunctions[0].Total));
        FunctionShare workShare = summary.TopFunctions.Single(f => f.Function == "App.Work");
        Assert.Equal((40L, 100L, 40.0, 100.0), (workShare.Self, workShare.Total, workShare.SelfPercent, workShare.TotalPercent));
        FunctionShare mainShare = summary.TopFunctions.Single(f => f.Function == "App.Main");
        Assert.Equal((0L, 100L), (mainShare.Self, mainShare.Total));

        SourceLineShare top = summary.TopLines[0];
        Assert.Equal(("Work.cs:30", "/src/App/Work.cs", 30, "App.Hot", 60L, 60.0), (top.Location, top.File, top.Line, top.Function, top.Self, top.SelfPercent));
        Assert.Equal(("Work.cs:20", 30L, 100L), (summary.TopLines[1].Location, summary.TopLines[1].Self, summary.TopLines[1].Total));
    }

    [Fact]
    public void Line_self_time_goes_to_the_innermost_frame_with_a_line()
    {
        var profile = new Profile(TimeSpan.FromSeconds(1), 1000, "eventpipe");
        // The leaf is framework code without a PDB: the user's calling line owns the time.
        profile.Add(Process, [Managed("App.Main", "/src/Program.cs", 5), Managed("System.Linq.Enumerable.Sum"), new StackFrame("[unmanaged]", FrameKind.Unknown)], 8);
        profile.Add(Process, [Managed("App.Main", "/src/Program.cs", 6)], 2);

        ProfileSummary summary = ProfileSummary.Compute(profile, top: 1);

        Assert.Single(summary.TopLines);
        Assert.Equal(("Program.cs:5", 8L, 80.0), (summary.TopLines[0].Location, summary.TopLines[0].Self, summary.TopLines[0].SelfPercent));
        Assert.Single(summary.TopFunctions);
        Assert.Equal("[unmanaged]", summary.TopFunctions[0].Function);
    }

    [Fact]
    public void Empty_profile_has_empty_lists()
    {
        ProfileSummary summary = ProfileSummary.Compute(new Profile(TimeSpan.Zero, 1000, "ebpf"));
        Assert.Equal(0, summary.TotalSamples);
        Assert.Empty(summary.TopFunctions);
        Assert.Empty(summary.TopLines);
    }
}
