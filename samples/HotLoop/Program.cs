using System.Globalization;
using System.Runtime.CompilerServices;

namespace HotLoop;

/// <summary>
/// A process with one known hot method, for the CPU profiler's tests and demos:
/// <c>HotLoop [SECONDS]</c> burns CPU in <see cref="Worker.BurnCpu"/> on one thread
/// for SECONDS (default: until killed), printing "ready" once it runs.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        double seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : double.PositiveInfinity;
        DateTime end = double.IsPositiveInfinity(seconds) ? DateTime.MaxValue : DateTime.UtcNow.AddSeconds(seconds);
        Console.WriteLine("ready");
        long total = 0;
        while (DateTime.UtcNow < end)
            total += Worker.BurnCpu(200_000);
        Console.WriteLine(total.ToString(CultureInfo.InvariantCulture));
        return 0;
    }
}

/// <summary>The hot code: counting primes by trial division, never inlined so it keeps its own frame.</summary>
public static class Worker
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static long BurnCpu(int limit)
    {
        long count = 0;
        for (int n = 2; n < limit; n++)
        {
            bool prime = true;
            for (int d = 2; d * d <= n; d++)
            {
                if (n % d == 0)
                {
                    prime = false;
                    break;
                }
            }
            if (prime)
                count++;
        }
        return count;
    }
}
