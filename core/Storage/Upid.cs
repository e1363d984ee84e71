namespace Devtools.Core.Storage;

/// <summary>
/// Pixie's unique process id: agent id (asid), pid and process start time in clock
/// ticks, so that a reused pid is a different process.
/// </summary>
public readonly record struct Upid(uint Asid, uint Pid, ulong StartTimeTicks)
{
    public ulong High => ((ulong)Asid << 32) | Pid;

    public ulong Low => StartTimeTicks;

    public override string ToString() => $"{Asid}:{Pid}:{StartTimeTicks}";
}
