namespace Devtools.Core.Profiling.Bpf;

/// <summary>
/// One count read from the kernel: how many samples a process had with this
/// user and kernel stack. Instruction pointers are leaf first, as the kernel
/// unwinds them. A missing stack is empty, with why in its status.
/// </summary>
public readonly record struct SampledStack(uint Pid, ulong[] UserIps, StackStatus UserStatus, ulong[] KernelIps, StackStatus KernelStatus, long Count);

/// <summary>Whether a stack of a sample could be taken.</summary>
public enum StackStatus
{
    /// <summary>Taken (possibly empty: nothing to unwind, e.g. the kernel stack while in user mode).</summary>
    Ok,

    /// <summary>None: no user stack for kernel threads, no kernel stack in user mode.</summary>
    None,

    /// <summary>Lost: another stack owns its hash bucket in the stack map.</summary>
    Collision,

    /// <summary>Lost: the stack map was full.</summary>
    MapFull,

    /// <summary>Lost: could not be read.</summary>
    Unreadable,

    /// <summary>The id was counted but the stack was gone from the map when read.</summary>
    Missing,
}
