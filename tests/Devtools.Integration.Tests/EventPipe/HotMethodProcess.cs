using System.Diagnostics;
using Devtools.Integration.Tests.Infrastructure;

namespace Devtools.Integration.Tests.EventPipe;

/// <summary>samples/HotMethod running, with the line its hot loop is on.</summary>
public sealed class HotMethodProcess : IDisposable
{
    public const string HotFunction = "HotMethod.Workload.Spin";
    private const string Marker = "// HOT-LINE";

    private HotMethodProcess(ManagedProcess process)
    {
        Process = process;
    }

    public ManagedProcess Process { get; }

    public int Pid => Process.Pid;

    /// <summary>The 1-based line of Program.cs that carries the HOT-LINE marker.</summary>
    public static int HotLine { get; } = FindHotLine();

    /// <summary>
    /// Starts the sample and waits until it reports that the hot method has been
    /// running (and so has been jitted) for a while; or, with <paramref name="idleMs"/>,
    /// until it idles before its first call of the hot method.
    /// </summary>
    public static HotMethodProcess Start(double? seconds = null, int idleMs = 0, IDictionary<string, string>? environment = null)
    {
        if (!File.Exists(Repository.HotMethodDll))
            throw new FileNotFoundException($"Build the solution first: {Repository.HotMethodDll} is missing.");
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        List<string> arguments = [Repository.HotMethodDll, seconds is { } s ? s.ToString(culture) : "inf", idleMs.ToString(culture)];
        var process = ManagedProcess.Start("dotnet", arguments, environment: environment);
        string awaited = idleMs > 0 ? "idle" : "ready";
        var clock = Stopwatch.StartNew();
        while (!process.Output.Contains(awaited, StringComparison.Ordinal))
        {
            if (process.HasExited)
                throw new InvalidOperationException($"HotMethod exited before it was {awaited}:\n{process.Output}");
            if (clock.Elapsed > TimeSpan.FromSeconds(30))
            {
                process.Dispose();
                throw new TimeoutException($"HotMethod was not {awaited} within 30 s:\n{process.Output}");
            }
            Thread.Sleep(20);
        }
        return new HotMethodProcess(process);
    }

    public void Dispose() => Process.Dispose();

    private static int FindHotLine()
    {
        string[] lines = File.ReadAllLines(Repository.HotMethodSource);
        int[] marked = [.. Enumerable.Range(0, lines.Length).Where(i => lines[i].TrimEnd().EndsWith(Marker, StringComparison.Ordinal))];
        if (marked.Length != 1)
            throw new InvalidOperationException($"Expected exactly one line ending with '{Marker}' in {Repository.HotMethodSource}, found {marked.Length}.");
        return marked[0] + 1;
    }
}
