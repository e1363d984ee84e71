// HotMethod: a process with one known hotspot, for the managed profiler's tests.
// Workload.Spin burns CPU on the line marked HOT-LINE; the tests find that marker
// in this file to learn which line the profiler must put on top.
//
//   dotnet HotMethod.dll [seconds] [idle-ms]
//
// seconds: how long to run (forever when absent or "inf").
// idle-ms: idle that long before the first call of Spin, printing "idle" at once, so
//          that a profiler attaching meanwhile sees Spin jitted after it attached.
// It prints "ready" once Spin has run for half a second (so it has been jitted, and a
// profiler attaching after that sees code jitted before it attached), then a
// heartbeat every second.
using System.Diagnostics;
using System.Globalization;
using HotMethod;

double seconds = args.Length > 0 && args[0] != "inf" ? double.Parse(args[0], CultureInfo.InvariantCulture) : double.PositiveInfinity;
int idleMs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 0;
if (idleMs > 0)
{
    Console.WriteLine($"idle pid {Environment.ProcessId}");
    Thread.Sleep(idleMs);
}
var clock = Stopwatch.StartNew();
double sink = 0;
bool ready = false;
long nextBeat = 1000;
while (clock.Elapsed.TotalSeconds < seconds)
{
    sink += Workload.Spin(200_000);
    if (!ready && clock.ElapsedMilliseconds > 500)
    {
        ready = true;
        Console.WriteLine($"ready pid {Environment.ProcessId}");
    }
    if (clock.ElapsedMilliseconds > nextBeat)
    {
        nextBeat += 1000;
        Console.WriteLine($"alive {sink:0}");
    }
}
Console.WriteLine($"done {sink:0}");

namespace HotMethod
{
    public static class Workload
    {
        /// <summary>A floating-point recurrence the JIT cannot fold away.</summary>
        public static double Spin(int iterations)
        {
            double x = 1;
            for (int i = 0; i < iterations; i++)
            {
                x = Math.Sqrt(x * 1.000001 + i) * 1.0001 + Math.Log(x + i + 1); // HOT-LINE
            }
            return x;
        }
    }
}
