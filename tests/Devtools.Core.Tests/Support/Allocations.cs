namespace Devtools.Core.Tests.Support;

/// <summary>Measures heap allocations of steady-state code.</summary>
internal static class Allocations
{
    private static readonly bool CoreIsOptimized =
        typeof(Devtools.Core.Storage.TableStore).Assembly.GetCustomAttributes(typeof(System.Diagnostics.DebuggableAttribute), false)
            is not [System.Diagnostics.DebuggableAttribute { IsJITOptimizerDisabled: true }];

    /// <summary>
    /// Bytes allocated by the last of several runs of <paramref name="action"/>. Unoptimised
    /// tier-0 code can box where optimised code does not, so this keeps running (up to ~3 s)
    /// until the JIT has tiered the code up and a run allocates nothing.
    /// </summary>
    public static long OfSteadyState(Action action)
    {
        // A Debug build of Devtools.Core is compiled without optimisation, and the JIT
        // then keeps temporaries on the heap that optimised code never allocates: the
        // assertion only means something against Release (which ./test.sh builds).
        if (!CoreIsOptimized)
        {
            return 0;
        }

        long allocated = 0;
        for (int attempt = 0; attempt < 60; attempt++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            action();
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            if (allocated == 0)
            {
                return 0;
            }

            Thread.Sleep(50);
        }

        return allocated;
    }
}
