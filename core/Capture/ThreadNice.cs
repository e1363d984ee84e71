using System.Runtime.InteropServices;

namespace Devtools.Core.Capture;

/// <summary>
/// The scheduler priority (nice value) of the calling thread. .NET's
/// <see cref="Thread.Priority"/> does nothing on Linux; setpriority(2) on the
/// thread id does. Raising it needs CAP_SYS_NICE, which a capturing (root)
/// process has.
/// </summary>
public static partial class ThreadNice
{
    private const int PrioProcess = 0;

    /// <summary>Sets the calling thread's nice value; false (and unchanged) when the kernel refuses.</summary>
    public static bool TrySetCurrent(int nice)
    {
        if (!OperatingSystem.IsLinux())
            return false;
        try
        {
            return SetPriority(PrioProcess, GetTid(), Math.Clamp(nice, -20, 19)) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [LibraryImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    private static partial int SetPriority(int which, int who, int prio);

    [LibraryImport("libc", EntryPoint = "gettid")]
    private static partial int GetTid();
}
