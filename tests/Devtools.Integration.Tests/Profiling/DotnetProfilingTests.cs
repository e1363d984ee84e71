using Devtools.Core.Profiling;
using Devtools.Core.Profiling.Symbols;
using Devtools.Integration.Tests.Infrastructure;

namespace Devtools.Integration.Tests.Profiling;

/// <summary>Sampling .NET code: JIT-compiled methods named through the runtime's perf map.</summary>
[Collection(RealCapture.Name)]
public sealed class DotnetProfilingTests
{
    private const string HotMethod = "HotLoop.Worker::BurnCpu(int32)";

    [Fact]
    public void Hot_method_is_named_through_the_perf_map_and_on_top()
    {
        using ManagedProcess app = StartHotLoop(new Dictionary<string, string> { ["DOTNET_PerfMapEnabled"] = "1" });

        (Profile profile, _) = Profiling.Run(app.Pid, TimeSpan.FromSeconds(5));

        AssertHotMethodOnTop(profile, app.Pid);
    }

    [Fact]
    public void Perf_map_turned_on_at_run_time_names_methods_compiled_before()
    {
        using ManagedProcess app = StartHotLoop(new Dictionary<string, string> { ["DOTNET_PerfMapEnabled"] = "0" });
        Thread.Sleep(1000); // BurnCpu is compiled (and tiered up) well before the map exists

        DotnetPerfMap? map = null;
        try
        {
            (Profile profile, _) = Profiling.Run(app.Pid, TimeSpan.FromSeconds(5), () => map = DotnetPerfMap.Enable(app.Pid));

            AssertHotMethodOnTop(profile, app.Pid);
        }
        finally
        {
            map?.Dispose();
        }
    }

    [Fact]
    public void Ready_to_run_framework_code_is_named_from_the_image_without_a_perf_map()
    {
        // Without tiering the framework's precompiled UTF-8 encoder is never re-jitted: samples land in R2R code.
        using ManagedProcess app = StartHotLoop(
            new Dictionary<string, string> { ["DOTNET_PerfMapEnabled"] = "0", ["DOTNET_TieredCompilation"] = "0" },
            "utf8");

        (Profile profile, _) = Profiling.Run(app.Pid, TimeSpan.FromSeconds(4));

        (long samples, string describe) = Profiling.Of(profile, app.Pid);
        Assert.True(samples >= 20, describe);
        long encoder = Profiling.SelfSamples(profile, app.Pid, f => f.Function.StartsWith("System.Text.Unicode.Utf8Utility::TranscodeToUtf8(", StringComparison.Ordinal) && f.Module == "System.Private.CoreLib");
        Assert.True(encoder * 2 > samples, $"TranscodeToUtf8 has {encoder} of {describe}");
        Assert.Contains(profile.Stacks, s => s.Frames.Any(f => f.Function == "System.Text.UTF8Encoding::GetBytes(string,int32,int32,uint8[],int32)"));
    }

    private static ManagedProcess StartHotLoop(Dictionary<string, string> environment, string mode = "burn")
    {
        if (!File.Exists(Repository.HotLoopDll))
            throw new FileNotFoundException($"Build the solution first: {Repository.HotLoopDll} is missing.");
        return NativePrograms.StartReady("dotnet", [Repository.HotLoopDll, "60", mode], environment);
    }

    private static void AssertHotMethodOnTop(Profile profile, int pid)
    {
        (long samples, string describe) = Profiling.Of(profile, pid);
        Assert.True(samples >= 20, describe);
        long self = Profiling.SelfSamples(profile, pid, f => f.Function == HotMethod && f.Kind == FrameKind.Jit && f.Module == "HotLoop");
        Assert.True(self * 2 > samples, $"{HotMethod} has {self} of {describe}");
        Assert.Equal(HotMethod, Core.Profiling.Output.TopFunctions.ByFunction(profile, 1)[0].Name);
    }
}
