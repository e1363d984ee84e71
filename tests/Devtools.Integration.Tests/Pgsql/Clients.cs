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
        // Let the output readers drain.
        Thread.Sleep(100);
        return true;
    }
}
