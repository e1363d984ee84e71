using System.Diagnostics;
using Devtools.Integration.Tests.Infrastructure;

namespace Devtools.Integration.Tests.Pgsql;

/// <summary>Waiting for client processes whose pid the test needs (ManagedProcess.Run hides it).</summary>
internal static class Clients
{
    public static bool WaitForExit(ManagedProcess process, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!process.HasExited)
        {
            if (clock.Elapsed > timeout)
                return false;
            Thread.Sleep(20);
        }
        // The output is read asynchronously: wait until it stops growing.
        int length = -1;
        var drain = Stopwatch.StartNew();
        while (process.Output.Length != length && drain.Elapsed < TimeSpan.FromSeconds(5))
        {
            length = process.Output.Length;
            Thread.Sleep(200);
        }
        return true;
    }
}
