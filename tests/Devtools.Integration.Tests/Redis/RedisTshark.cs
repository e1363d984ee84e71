using System.Diagnostics;
using System.Globalization;
using Devtools.Integration.Tests.Infrastructure;

namespace Devtools.Integration.Tests.Redis;

/// <summary>
/// tshark capturing one loopback port to a file, for an independent decode of the same
/// traffic: started (and waited for) before the traffic, stopped with SIGINT after it.
/// </summary>
internal sealed class RedisTshark : IDisposable
{
    private readonly ManagedProcess _process;
    private readonly int _port;
    private bool _stopped;

    private RedisTshark(ManagedProcess process, string file, int port)
    {
        _process = process;
        File = file;
        _port = port;
    }

    public string File { get; }

    public static RedisTshark Start(int port, string directory)
    {
        string file = Path.Combine(directory, "capture.pcap");
        var process = ManagedProcess.Start("tshark", ["-i", "lo", "-f", $"tcp port {port}", "-F", "pcap", "-w", file]);
        var clock = Stopwatch.StartNew();
        while (!process.Output.Contains("Capture started", StringComparison.Ordinal) && !process.Output.Contains("Capturing on", StringComparison.Ordinal))
        {
            if (process.HasExited || clock.Elapsed > TimeSpan.FromSeconds(15))
                throw new InvalidOperationException($"tshark did not start capturing: {process.Output}");
            Thread.Sleep(50);
        }
        // "Capturing on" is printed as the capture opens; give it a moment to be live.
        Thread.Sleep(300);
        return new RedisTshark(process, file, port);
    }

    /// <summary>Stops the capture (SIGINT lets tshark flush the file) and waits for it to exit.</summary>
    public void Stop()
    {
        if (_stopped)
            return;
        _stopped = true;
        Thread.Sleep(300);
        ManagedProcess.Run("kill", ["-INT", _process.Pid.ToString(CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(5));
        var clock = Stopwatch.StartNew();
        while (!_process.HasExited && clock.Elapsed < TimeSpan.FromSeconds(10))
            Thread.Sleep(50);
    }

    /// <summary>
    /// Every RESP message tshark decodes on the port, in capture order: who sent it
    /// (the client's port), and its fields (bulk values decoded from hex).
    /// </summary>
    public List<TsharkRespMessage> Read()
    {
        Stop();
        (int exit, string output) = ManagedProcess.Run("tshark", [
            "-r", File, "-d", $"tcp.port=={_port},resp", "-Y", "resp", "-T", "fields", "-E", "separator=|",
            "-e", "tcp.srcport", "-e", "tcp.dstport", "-e", "resp.array.length", "-e", "resp.bulk_string.length",
            "-e", "resp.bulk_string.value", "-e", "resp.string", "-e", "resp.error", "-e", "resp.integer",
        ], TimeSpan.FromSeconds(60));
        Assert.True(exit == 0, output);
        var messages = new List<TsharkRespMessage>();
        foreach (string line in output.Split('\n'))
        {
            string[] f = line.Split('|');
            if (f.Length < 8 || !int.TryParse(f[0], CultureInfo.InvariantCulture, out int src))
                continue;
            int dst = int.Parse(f[1], CultureInfo.InvariantCulture);
            bool request = dst == _port;
            messages.Add(new TsharkRespMessage(
                request ? src : dst,
                request,
                f[2] == string.Empty ? null : long.Parse(f[2].Split(',')[0], CultureInfo.InvariantCulture),
                Split(f[3]).Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToList(),
                Split(f[4]).Select(v => Convert.FromHexString(v)).ToList(),
                f[5] == string.Empty ? null : f[5],
                f[6] == string.Empty ? null : f[6],
                f[7] == string.Empty ? null : long.Parse(f[7].Split(',')[0], CultureInfo.InvariantCulture)));
        }
        return messages;
    }

    public void Dispose()
    {
        Stop();
        _process.Dispose();
    }

    private static string[] Split(string field) => field.Length == 0 ? [] : field.Split(',');
}

/// <summary>One RESP message as tshark decodes it.</summary>
internal sealed record TsharkRespMessage(
    int ClientPort,
    bool IsRequest,
    long? ArrayLength,
    List<long> BulkLengths,
    List<byte[]> BulkValues,
    string? SimpleString,
    string? Error,
    long? Integer);
