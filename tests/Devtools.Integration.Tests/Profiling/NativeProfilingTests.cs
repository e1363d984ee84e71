using Devtools.Core.Profiling;
using Devtools.Core.Profiling.Output;
using Devtools.Integration.Tests.Infrastructure;

namespace Devtools.Integration.Tests.Profiling;

/// <summary>Real perf-event sampling of compiled C programs: ELF symbols, call chains, kernel frames.</summary>
[Collection(RealCapture.Name)]
public sealed class NativeProfilingTests
{
    [Fact]
    public void Hot_c_function_is_symbolized_and_on_top_with_most_samples()
    {
        string binary = NativePrograms.Build("hot", NativePrograms.HotSource);
        using ManagedProcess hot = NativePrograms.StartReady(binary, ["30"]);

        (Profile profile, _) = Profiling.Run(hot.Pid, TimeSpan.FromSeconds(4));

        (long samples, string describe) = Profiling.Of(profile, hot.Pid);
        Assert.True(samples >= 20, describe);
        long self = Profiling.SelfSamples(profile, hot.Pid, f => f.Function == "devtools_hot_spin");
        Assert.True(self * 2 > samples, $"devtools_hot_spin has {self} of {describe}");
        FunctionCost top = TopFunctions.ByFunction(profile, 1)[0];
        Assert.Equal("devtools_hot_spin", top.Name);
        Assert.Equal("hot", top.Module);

        // Frame pointers give the whole chain, root first: ... main, devtools_middle, devtools_hot_spin.
        ProfileStack heaviest = profile.Stacks.Where(s => s.Upid.Pid == (uint)hot.Pid).MaxBy(s => s.Count);
        Assert.EndsWith("main;devtools_middle;devtools_hot_spin", heaviest.Folded, StringComparison.Ordinal);
        Assert.Equal("hot", profile.ProcessNames[(uint)hot.Pid]);
    }

    [Fact]
    public void Syscall_heavy_loop_shows_kernel_frames_under_its_user_frames()
    {
        string binary = NativePrograms.Build("syscalls", NativePrograms.SyscallSource);
        using ManagedProcess busy = NativePrograms.StartReady(binary, ["30"]);

        (Profile profile, CpuProfiler profiler) = Profiling.Run(busy.Pid, TimeSpan.FromSeconds(4));

        (long samples, string describe) = Profiling.Of(profile, busy.Pid);
        Assert.True(samples >= 20, describe);
        List<ProfileStack> stacks = [.. profile.Stacks.Where(s => s.Upid.Pid == (uint)busy.Pid)];
        long inKernel = stacks.Where(s => s.Frames.Any(f => f.Kind == FrameKind.Kernel)).Sum(s => s.Count);
        Assert.True(inKernel * 2 > samples, $"{inKernel} samples with kernel frames of {describe}");
        Assert.True(profiler.Stats().KernelSymbols, "kallsyms is readable as root");
        // Kernel frames are named (not raw addresses), folded with "[k] ", and sit above the user frames that made the call.
        ProfileStack read = stacks.Where(s => s.Folded.Contains("[k] ", StringComparison.Ordinal)).MaxBy(s => s.Count);
        Assert.Contains("devtools_syscall_loop;", read.Folded, StringComparison.Ordinal);
        Assert.Contains(read.Frames, f => f.Kind == FrameKind.Kernel && f.Function.Contains("read", StringComparison.Ordinal));
        Assert.DoesNotContain(read.Frames, f => f.Kind == FrameKind.Kernel && f.Function.StartsWith("0x", StringComparison.Ordinal));
        int firstKernel = read.Frames.ToList().FindIndex(f => f.Kind == FrameKind.Kernel);
        Assert.All(read.Frames.Skip(firstKernel), f => Assert.Equal(FrameKind.Kernel, f.Kind));
    }

    [Fact]
    public void A_process_that_exits_mid_profile_gives_what_was_sampled_with_a_note()
    {
        string binary = NativePrograms.Build("hot", NativePrograms.HotSource);
        using ManagedProcess hot = NativePrograms.StartReady(binary, ["1.5"]);

        (Profile profile, CpuProfiler profiler) = Profiling.Run(hot.Pid, TimeSpan.FromSeconds(15));

        Assert.True(profiler.TargetExited);
        Assert.True(profiler.Elapsed < TimeSpan.FromSeconds(10), $"stopped after {profiler.Elapsed}");
        (long samples, string describe) = Profiling.Of(profile, hot.Pid);
        Assert.True(samples > 0, describe);
        // Symbols were read while it lived: the last samples, read after the exit, still resolve.
        Assert.True(Profiling.SelfSamples(profile, hot.Pid, f => f.Function == "devtools_hot_spin") * 2 > samples, describe);
        Assert.Contains(profile.Notes, n => n.Contains("exited", StringComparison.Ordinal) && n.Contains(hot.Pid.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
    }
}
