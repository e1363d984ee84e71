using System.Diagnostics;
using Devtools.Core.Capture;
using Devtools.Core.Profiling;
using Devtools.Core.Profiling.Bpf;

namespace Devtools.Integration.Tests.Profiling;

/// <summary>Runs the real eBPF profiler in tests.</summary>
public static class Profiling
{
    /// <summary>Samples <paramref name="pid"/> for up to <paramref name="duration"/> (less if it exits), returning the profile.</summary>
    public static (Profile Profile, CpuProfiler Profiler) Run(int pid, TimeSpan duration, Action? whileSampling = null)
    {
        if (!CaptureEnvironment.HasBpfPrivileges())
            throw new InvalidOperationException("The profiler tests load real BPF programs: run them as root (./test.sh does, in CI).");
        var total = new Profile(TimeSpan.Zero, StackSamplerOptions.DefaultSamplesPerSecond, CpuProfiler.Source);
        var profiler = new CpuProfiler(
            new CpuProfilerOptions { Sampler = new StackSamplerOptions { TargetPid = pid } },
            new ProfileAccumulator(total));
        try
        {
            profiler.Start();
            whileSampling?.Invoke();
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < duration && !profiler.TargetExited)
                Thread.Sleep(50);
            profiler.Stop();
            total.Duration = profiler.Elapsed;
            Assert.Null(profiler.Fault);
            return (total, profiler);
        }
        finally
        {
            profiler.Dispose();
        }
    }

    /// <summary>Samples of one process, and a description of its heaviest stacks for failure messages.</summary>
    public static (long Samples, string Describe) Of(Profile profile, int pid)
    {
        List<ProfileStack> stacks = [.. profile.Stacks.Where(s => s.Upid.Pid == (uint)pid).OrderByDescending(s => s.Count)];
        long samples = stacks.Sum(s => s.Count);
        string describe = string.Join("\n", stacks.Take(8).Select(s => $"  {s.Count,5}  {s.Folded}"));
        return (samples, $"{samples} samples of pid {pid}; heaviest stacks:\n{describe}");
    }

    /// <summary>Samples whose leaf frame satisfies <paramref name="leaf"/>.</summary>
    public static long SelfSamples(Profile profile, int pid, Func<Core.Profiling.StackFrame, bool> leaf) =>
        profile.Stacks.Where(s => s.Upid.Pid == (uint)pid && s.Frames.Count > 0 && leaf(s.Frames[^1])).Sum(s => s.Count);
}
