using System.Globalization;
using System.Runtime.CompilerServices;

namespace HotLoop;

/// <summary>
/// A process with one known hot method, for the CPU profiler's tests and demos:
/// <c>HotLoop [SECONDS] [burn|utf8]</c> burns CPU on one thread for SECONDS
/// (default: until killed), printing "ready" once it runs: in
/// <see cref="Worker.BurnCpu"/> (jitted code), or in the framework's UTF-8
/// encoder (ReadyToRun code of System.Private.CoreLib, unless it tiers up).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        double seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : double.PositiveInfinity;
        DateTime end = double.IsPositiveInfinity(seconds) ? DateTime.MaxValue : DateTime.UtcNow.AddSeconds(seconds);
        bool utf8 = args.Length > 1 && args[1] == "utf8";
        Console.WriteLine("ready");
        long total = 0;
        while (DateTime.UtcNow < end)
            total += utf8 ? Worker.EncodeUtf8(2_000) : Worker.BurnCpu(200_000);
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

    private static readonly string Text = string.Concat(Enumerable.Repeat("h\u00e9llo w\u00f6rld \u4e16\u754c ", 4096));
    private static readonly byte[] Buffer = new byte[Text.Length * 3];

    /// <summary>Framework code: UTF-8 encoding of mixed-script text, <paramref name="rounds"/> times.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static long EncodeUtf8(int rounds)
    {
        long bytes = 0;
        for (int i = 0; i < rounds; i++)
            bytes += System.Text.Encoding.UTF8.GetBytes(Text, 0, Text.Length, Buffer, 0);
        return bytes;
    }
}
