using System.Diagnostics;
using System.Globalization;

namespace Devtools.Integration.Tests.Infrastructure;

/// <summary>
/// tshark writing what crosses loopback on one TCP port to a capture file: started before
/// the traffic (and waited for until it captures), stopped with SIGINT after it so the file
/// is complete, then read back with a dissector forced onto the port.
/// </summary>
public sealed class TsharkRecorder : IDisposable
{
    private readonly ManagedProcess _process;
    private readonly string _file;
    private readonly int _port;

    private TsharkRecorder(ManagedProcess process, string file, int port)
    {
        _process = process;
        _file = file;
        _port = port;
    }

    public static TsharkRecorder Start(int port)
    {
        string file = Path.Combine(Path.GetTempPath(), $"devtools-tshark-{Guid.NewGuid():N}.pcapng");
        var process = ManagedProcess.Start("tshark", ["-i", "lo", "-f", $"tcp port {port.ToString(CultureInfo.InvariantCulture)}", "-w", file]);
        var clock = Stopwatch.StartNew();
        while (!process.Output.Contains("Capturing on", StringComparison.Ordinal))
        {
            if (process.HasExited || clock.Elapsed > TimeSpan.FromSeconds(20))
                throw new InvalidOperationException("tshark did not start capturing:\n" + process.Output);
            Thread.Sleep(50);
        }
        // "Capturing on" is printed as the capture opens; give the filter a moment to attach.
        Thread.Sleep(300);
        return new TsharkRecorder(process, file, port);
    }

    /// <summary>Stops capturing (SIGINT, so the file is flushed and closed).</summary>
    public void Stop()
    {
        if (_process.HasExited)
            return;
        Thread.Sleep(200);
        ManagedProcess.Run("kill", ["-INT", _process.Pid.ToString(CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(10));
        var clock = Stopwatch.StartNew();
        while (!_process.HasExited && clock.Elapsed < TimeSpan.FromSeconds(10))
            Thread.Sleep(50);
    }

    /// <summary>
    /// Decodes the capture with <paramref name="dissector"/> on the port and returns, per packet
    /// that has any of the fields, the TCP source port and the fields' values ('|' joins repeats).
    /// </summary>
    public List<(int SourcePort, string[] Fields)> Read(string dissector, params string[] fields)
    {
        Stop();
        var args = new List<string> { "-r", _file, "-d", $"tcp.port=={_port.ToString(CultureInfo.InvariantCulture)},{dissector}", "-T", "fields", "-E", "separator=\t", "-E", "aggregator=|", "-e", "tcp.srcport" };
        foreach (string field in fields)
            args.AddRange(["-e", field]);
        (int exit, string output) = ManagedProcess.Run("tshark", args, TimeSpan.FromSeconds(60));
        if (exit != 0)
            throw new InvalidOperationException($"tshark -r failed ({exit}):\n{output}");
        var packets = new List<(int, string[])>();
        foreach (string line in output.Split('\n'))
        {
            string[] parts = line.TrimEnd('\r').Split('\t');
            if (parts.Length != fields.Length + 1 || !int.TryParse(parts[0], CultureInfo.InvariantCulture, out int source))
                continue;
            string[] values = parts[1..];
            if (values.All(string.IsNullOrEmpty))
                continue;
            packets.Add((source, values));
        }
        return packets;
    }

    public void Dispose()
    {
        Stop();
        _process.Dispose();
        try
        {
            if (Environment.GetEnvironmentVariable("DEVTOOLS_KEEP_PCAP") is null)
                File.Delete(_file);
        }
        catch (IOException)
        {
        }
    }
}
