using System.Diagnostics;
using System.Globalization;

namespace Devtools.Integration.Tests.Infrastructure;

/// <summary>
/// tshark writing what crosses the loopback interface (under a capture filter) to a file,
/// started before the traffic and stopped (SIGINT, so the file is complete) after it; then
/// read back as fields. The independent decoder Devtools' rows are compared with.
/// </summary>
public sealed class TsharkCapture : IDisposable
{
    private readonly ManagedProcess _process;
    private readonly string _directory;

    private TsharkCapture(ManagedProcess process, string directory, string file)
    {
        _process = process;
        _directory = directory;
        File = file;
    }

    public string File { get; }

    /// <summary>Starts capturing on lo with <paramref name="filter"/> (BPF syntax) and waits until tshark says it is.</summary>
    public static TsharkCapture Start(string filter)
    {
        string dir = Path.Combine(Path.GetTempPath(), $"devtools-tshark-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        string file = Path.Combine(dir, "capture.pcapng");
        var process = ManagedProcess.Start("tshark", ["-i", "lo", "-f", filter, "-w", file]);
        var clock = Stopwatch.StartNew();
        while (!process.Output.Contains("Capturing on", StringComparison.Ordinal))
        {
            if (process.HasExited || clock.Elapsed > TimeSpan.FromSeconds(20))
                throw new InvalidOperationException($"tshark did not start capturing:\n{process.Output}");
            Thread.Sleep(50);
        }
        return new TsharkCapture(process, dir, file);
    }

    /// <summary>Stops the capture cleanly (SIGINT), so that every packet is in the file.</summary>
    public void Stop()
    {
        if (_process.HasExited)
            return;
        // Let the last packets reach tshark's buffer before it stops.
        Thread.Sleep(300);
        ManagedProcess.Run("kill", ["-s", "INT", _process.Pid.ToString(CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(5));
        var clock = Stopwatch.StartNew();
        while (!_process.HasExited && clock.Elapsed < TimeSpan.FromSeconds(10))
            Thread.Sleep(50);
    }

    /// <summary>
    /// Decodes the file: one row per packet matching <paramref name="displayFilter"/>, each the
    /// requested fields (occurrences of a repeated field joined with ',').
    /// </summary>
    public List<string[]> Read(string displayFilter, IEnumerable<string> decodeAs, IEnumerable<string> fields)
    {
        Stop();
        var arguments = new List<string> { "-r", File, "-Y", displayFilter, "-T", "fields", "-E", "separator=/t", "-E", "occurrence=a", "-E", "aggregator=," };
        foreach (string rule in decodeAs)
            arguments.AddRange(["-d", rule]);
        foreach (string field in fields)
            arguments.AddRange(["-e", field]);
        (int exitCode, string output) = ManagedProcess.Run("tshark", arguments, TimeSpan.FromSeconds(30));
        Assert.True(exitCode == 0, $"tshark -r failed ({exitCode}):\n{output}");
        return [.. output.Split('\n')
            .Where(line => line.Contains('\t', StringComparison.Ordinal))
            .Select(line => line.TrimEnd('\r').Split('\t'))];
    }

    public void Dispose()
    {
        Stop();
        _process.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
