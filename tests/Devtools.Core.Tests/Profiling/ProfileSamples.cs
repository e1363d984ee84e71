using Devtools.Core.Profiling;
using Devtools.Core.Storage;

namespace Devtools.Core.Tests.Profiling;

/// <summary>A small profile with user, JIT and kernel frames, recursion, and two processes.</summary>
internal static class ProfileSamples
{
    public static readonly Upid App = new(0, 100, 5000);
    public static readonly Upid Other = new(0, 200, 6000);

    public static StackFrame Main => new("main", FrameKind.Native, "app");

    public static StackFrame Work => new("work", FrameKind.Native, "app");

    public static StackFrame Hot => new("HotLoop.Worker::BurnCpu(int32)", FrameKind.Jit, "HotLoop", "Worker.cs", 42);

    public static StackFrame Read => new("ksys_read", FrameKind.Kernel, "kernel");

    public static Profile Create()
    {
        var profile = new Profile(TimeSpan.FromSeconds(10), 97, "ebpf");
        profile.ProcessNames[100] = "app";
        profile.ProcessNames[200] = "other";
        profile.Add(App, [Main, Work, Hot], 60);
        profile.Add(App, [Main, Work], 10);
        profile.Add(App, [Main, Work, Work, Hot], 5); // recursion
        profile.Add(App, [Main, Read], 20);
        profile.Add(Other, [new StackFrame("idle_loop", FrameKind.Native, "other")], 5);
        return profile;
    }
}
