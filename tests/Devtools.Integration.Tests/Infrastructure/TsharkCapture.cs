using System.Diagnostics;
using System.Globalization;

namespace Devtools.Integration.Tests.Infrastructure;

/// <summary>
/// tshark writing what crosses the loopback interface on one TCP port to a pcapng file:
/// started before the traffic (and waited for until it captures), stopped with SIGINT
/// after it, then read back field by field with a dissector forced onto the port.
/// </summary>
public sealed class TsharkCapture : IDisposable
{
    private readonly ManagedProcess _process;
    private readonly string _directory;
    private readonly int _port;
    private bool _stopped;

    private TsharkCapture(ManagedProcess process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        _port = port;
    }

    public string File => Path.Combine(_directory, "capture.pcapng");

    public static TsharkCapture Start(int port)
    {
        string dir = Path.Combine(Path.GetTempPath(), $"devtools-tshark-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        string file = Path.Combine(dir, "capture.pcapng");
        var process = ManagedProcess.Start("tshark", ["-i", "lo", "-f", $"tcp port {port.ToString(CultureInfo.InvariantCulture)}", "-w", file]);
        var capture = new TsharkCapture(process, dir, port);
        var clock = Stopwatch.StartNew();
        while (!process.Output.Contains("Capturing on", StringComparison.Ordinal))
        {
            if (process.HasExited || clock.Elapsed > TimeSpan.FromSeconds(20))
            {
                capture.Dispose();
                throw new InvalidOperationException($"tshark did not start capturing:\n{process.Output}");
            }
            Thread.Sleep(50);
        }
        return capture;
    }

    /// <summary>Stops capturing (SIGINT, so the file is complete).</summary>
    public void Stop()
    {
        if (_stopped)
            return;
        _stopped = true;
        // Let the last packets reach tshark before it stops.
        Thread.Sleep(500);
        ManagedProcess.Run("kill", ["-INT", _process.Pid.ToString(CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(10));
        var clock = Stopwatch.StartNew();
        while (!_process.HasExited && clock.Elapsed < TimeSpan.FromSeconds(10))
            Thread.Sleep(50);
    }

    /// <summary>
    /// Every occurrence of each field, in capture order, decoding the port as
    /// <paramref name="dissector"/>: one list per field.
    /// </summary>
    public IReadOnlyList<List<string>> Read(string dissector, params string[] fields)
    {
        Stop();
        const string aggregator = "\u001f";
        var args = new List<string> { "-r", File, "-d", $"tcp.port=={_port.ToString(CultureInfo.InvariantCulture)},{dissector}", "-T", "fields", "-E", "separator=\u001e", "-E", "occurrence=a", "-E", "aggregator=" + aggregator };
        foreach (string field in fields)
            args.AddRange(["-e", field]);
        using ManagedProcess reader = ManagedProcess.Start("tshark", args);
        var clock = Stopwatch.StartNew();
        while (!reader.HasExited && clock.Elapsed < TimeSpan.FromSeconds(60))
            Thread.Sleep(50);
        var result = fields.Select(_ => new List<string>()).ToList();
        foreach (string line in reader.Output.Split('\n'))
        {
            string[] columns = line.TrimEnd('\r').Split('\u001e');
            if (columns.Length != fields.Length)
                continue;
            for (int i = 0; i < fields.Length; i++)
            {
                if (columns[i].Length > 0)
                    result[i].AddRange(columns[i].Split(aggregator));
            }
        }
        return result;
    }

    public void Dispose()
    {
        try
        {
            Stop();
        }
        catch (InvalidOperationException)
        {
        }
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
