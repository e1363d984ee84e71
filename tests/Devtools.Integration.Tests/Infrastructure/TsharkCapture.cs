using System.Diagnostics;
using System.Globalization;

namespace Devtools.Integration.Tests.Infrastructure;

/// <summary>
/// tshark writing what crosses the loopback interface on one TCP port (or under any capture
/// filter) to a pcapng file,
/// an independent witness of what went over the wire: started before the traffic (and
/// waited for until it captures), stopped with SIGINT after it so the file is complete,
/// then read back with a dissector forced onto the port. Set DEVTOOLS_KEEP_PCAP to keep
/// the file.
/// </summary>
public sealed class TsharkCapture : IDisposable
{
    private readonly ManagedProcess _process;
    private readonly string _directory;
    private bool _stopped;

    private TsharkCapture(ManagedProcess process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    public string File => Path.Combine(_directory, "capture.pcapng");

    public static TsharkCapture Start(int port) =>
        Start($"tcp port {port.ToString(CultureInfo.InvariantCulture)}", port);

    /// <summary>Captures on lo under <paramref name="filter"/> (BPF syntax); the port-based readers need <see cref="Start(int)"/>.</summary>
    public static TsharkCapture Start(string filter) => Start(filter, 0);

    private static TsharkCapture Start(string filter, int port)
    {
        string dir = Path.Combine(Path.GetTempPath(), $"devtools-tshark-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        string file = Path.Combine(dir, "capture.pcapng");
        var process = ManagedProcess.Start("tshark", ["-i", "lo", "-f", filter, "-w", file]);
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
        // "Capturing on" is printed as the capture opens; give the filter a moment to attach.
        Thread.Sleep(300);
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
        const string aggregator = "\u001f";
        var result = fields.Select(_ => new List<string>()).ToList();
        foreach (string[] columns in Decode(dissector, fields, aggregator))
        {
            for (int i = 0; i < fields.Length; i++)
            {
                if (columns[i].Length > 0)
                    result[i].AddRange(columns[i].Split(aggregator));
            }
        }
        return result;
    }

    /// <summary>
    /// Per packet that has any of the fields: its TCP source port and the fields' values
    /// ('|' joins repeated occurrences within the packet).
    /// </summary>
    public List<(int SourcePort, string[] Fields)> ReadPackets(string dissector, params string[] fields)
    {
        var packets = new List<(int, string[])>();
        foreach (string[] columns in Decode(dissector, ["tcp.srcport", .. fields], "|"))
        {
            if (!int.TryParse(columns[0], CultureInfo.InvariantCulture, out int source))
                continue;
            string[] values = columns[1..];
            if (!values.All(string.IsNullOrEmpty))
                packets.Add((source, values));
        }
        return packets;
    }

    /// <summary>The whole capture as tshark's JSON (-T json), decoding the port as <paramref name="dissector"/>.</summary>
    public string ReadJson(string dissector) =>
        Tshark(["-r", File, "-d", $"tcp.port=={Port.ToString(CultureInfo.InvariantCulture)},{dissector}", "-T", "json"]);

    private IEnumerable<string[]> Decode(string dissector, string[] fields, string aggregator)
    {
        var args = new List<string> { "-r", File, "-d", $"tcp.port=={Port.ToString(CultureInfo.InvariantCulture)},{dissector}", "-T", "fields", "-E", "separator=\u001e", "-E", "occurrence=a", "-E", "aggregator=" + aggregator };
        foreach (string field in fields)
            args.AddRange(["-e", field]);
        foreach (string line in Tshark(args).Split('\n'))
        {
            string[] columns = line.TrimEnd('\r').Split('\u001e');
            if (columns.Length == fields.Length)
                yield return columns;
        }
    }

    private string Tshark(List<string> args)
    {
        Stop();
        // Through a file: tshark's JSON can be large, and its stderr must not mix into it.
        string output = Path.Combine(_directory, $"decoded-{Guid.NewGuid():N}.txt");
        string quoted = string.Join(' ', args.Select(a => "'" + a.Replace("'", "'\\''", StringComparison.Ordinal) + "'"));
        (int exit, string log) = ManagedProcess.Run("sh", ["-c", $"tshark {quoted} > '{output}'"], TimeSpan.FromSeconds(60));
        if (exit != 0)
            throw new InvalidOperationException($"tshark -r failed ({exit}):\n{log}");
        return System.IO.File.ReadAllText(output);
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
        try
        {
            Stop();
        }
        catch (InvalidOperationException)
        {
        }
        _process.Dispose();
        if (Environment.GetEnvironmentVariable("DEVTOOLS_KEEP_PCAP") is not null)
            return;
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
