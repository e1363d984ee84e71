using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Devtools.Core.Profiling.Bpf;

/// <summary>Frames kept per stack (PF_MAX_STACK_DEPTH, the kernel's PERF_MAX_STACK_DEPTH).</summary>
internal static class ProfilerLayout
{
    public const int MaxStackDepth = 127;

    /// <summary>PF_NO_STACK: the sample has no such stack (user stack of a kernel thread, kernel stack in user mode).</summary>
    public const int NoStack = -1;
}

/// <summary>struct pf_key: one count per (process, user stack id, kernel stack id).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct StackCountKey
{
    public uint Pid;
    public int UserStackId;
    public int KernelStackId;
}

/// <summary>struct pf_config.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct ProfilerConfig
{
    public uint TargetTgid;
    public uint Pad;
}

/// <summary>One stack map value: instruction pointers leaf first, zero after the last.</summary>
[InlineArray(ProfilerLayout.MaxStackDepth)]
internal struct StackIps
{
    private ulong _element;
}

/// <summary>enum pf_drop_reason: what the kernel side could not record, per sample.</summary>
public enum ProfilerDropReason
{
    /// <summary>User stack lost: a different stack owns its hash bucket in the stack map (-EEXIST).</summary>
    UserStackCollision = 0,

    /// <summary>Kernel stack lost: hash bucket collision.</summary>
    KernelStackCollision = 1,

    /// <summary>User stack lost: the stack map was full (-ENOMEM).</summary>
    UserStackMapFull = 2,

    /// <summary>Kernel stack lost: the stack map was full.</summary>
    KernelStackMapFull = 3,

    /// <summary>The user stack of a user process could not be read.</summary>
    UserStackUnreadable = 4,

    /// <summary>The whole sample was lost: the count map was full.</summary>
    CountMapFull = 5,
}
