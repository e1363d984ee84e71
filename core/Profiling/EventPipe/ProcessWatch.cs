using System.Globalization;
using Devtools.Core.Metadata;
using Devtools.Core.Storage;

namespace Devtools.Core.Profiling.EventPipe;

/// <summary>Tells whether a process is gone: no /proc entry, a zombie, or its pid now names another process.</summary>
internal static class ProcessWatch
{
    public static bool HasExited(int pid, Upid upid)
    {
        string stat;
        try
        {
            stat = File.ReadAllText("/proc/" + pid.ToString(CultureInfo.InvariantCulture) + "/stat");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return e is not UnauthorizedAccessException;
        }
        // State follows the command name in parentheses: Z (zombie) and X (dead) have exited.
        int close = stat.LastIndexOf(')');
        if (close >= 0 && close + 2 < stat.Length && stat[close + 2] is 'Z' or 'X')
            return true;
        return new ProcessRegistry().GetUpid((uint)pid) != upid;
    }

    /// <summary>Polls until the process has exited or <paramref name="timeout"/> passes.</summary>
    public static bool ExitsWithin(int pid, Upid upid, TimeSpan timeout)
    {
        long deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        while (true)
        {
            if (HasExited(pid, upid))
                return true;
            if (Environment.TickCount64 >= deadline)
                return false;
            Thread.Sleep(50);
        }
    }
}
