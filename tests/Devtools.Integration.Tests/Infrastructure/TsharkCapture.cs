using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Devtools.Integration.Tests.Infrastructure;

/// <summary>
/// tshark capturing one loopback TCP port to a file, as an independent witness of what
/// went over the wire; stopped with SIGINT so the file is complete.
/// </summary>
public sealed class TsharkCapture : IDisposable
{
    private readonly ManagedProcess _process;
    private readonly string _file;
    private readonly int _port;

    private TsharkCapture(ManagedProcess process, string file, int port)
    {
        _process = process;
        _file = file;
        _port = port;
    }

    /// <summary>Starts tshark on lo for <paramref name="port"/> and waits until it is capturing.</summary>
    public static TsharkCapture Start(int port, string directory)
    {
        string file = Path.Combine(directory, $"capture-{port}.pcapng");
        var process = ManagedProcess.Start("tshark", ["-i", "lo", "-f", $"tcp port {port}", "-w", file, "-q"]);
        var clock = Stopwatch.StartNew();
        while (!process.Output.Contains("Capture started", StringComparison.Ordinal))
        {
            if (process.HasExited || clock.Elapsed > TimeSpan.FromSeconds(20))
                throw new InvalidOperationException("tshark did not start capturing:\n" + process.Output);
            Thread.Sleep(50);
        }
        return new TsharkCapture(process, file, port);
    }

    /// <summary>Stops the capture and returns every HTTP/2 stream's header fields as tshark decodes them.</summary>
    public List<TsharkStream> StopAndDecodeHttp2()
    {
        Thread.Sleep(300); // let the last packets reach the file
        ManagedProcess.Run("kill", ["-INT", _process.Pid.ToString(CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(5));
        var clock = Stopwatch.StartNew();
        while (!_process.HasExited && clock.Elapsed < TimeSpan.FromSeconds(10))
            Thread.Sleep(50);
        string json = Path.ChangeExtension(_file, ".json");
        (int exit, string output) = ManagedProcess.Run(
            "sh", ["-c", $"tshark -r '{_file}' -d tcp.port=={_port},http2 -T json > '{json}'"], TimeSpan.FromSeconds(60));
        if (exit != 0)
            throw new InvalidOperationException("tshark could not read its capture:\n" + output);
        return Parse(File.ReadAllText(json), _port);
    }

    public void Dispose() => _process.Dispose();

    /// <summary>
    /// Walks tshark's JSON (whose objects repeat keys for repeated fields) packet by packet:
    /// each "http2.stream" is one frame; its "http2.header" entries are the decoded fields.
    /// </summary>
    private static List<TsharkStream> Parse(string json, int serverPort)
    {
        var streams = new Dictionary<(int Connection, int Stream), TsharkStream>();
        using JsonDocument document = JsonDocument.Parse(json);
        foreach (JsonElement packet in document.RootElement.EnumerateArray())
        {
            JsonElement layers = packet.GetProperty("_source").GetProperty("layers");
            if (!layers.TryGetProperty("tcp", out JsonElement tcp))
                continue;
            int source = int.Parse(tcp.GetProperty("tcp.srcport").GetString()!, CultureInfo.InvariantCulture);
            int destination = int.Parse(tcp.GetProperty("tcp.dstport").GetString()!, CultureInfo.InvariantCulture);
            int clientPort = source == serverPort ? destination : source;
            bool fromServer = source == serverPort;
            foreach (JsonProperty layer in layers.EnumerateObject())
            {
                if (layer.Name != "http2")
                    continue;
                foreach (JsonElement frame in Frames(layer.Value))
                {
                    if (!frame.TryGetProperty("http2.type", out JsonElement type) || type.GetString() != "1")
                        continue;
                    int id = int.Parse(frame.GetProperty("http2.streamid").GetString()!, CultureInfo.InvariantCulture);
                    if (!streams.TryGetValue((clientPort, id), out TsharkStream? stream))
                        streams[(clientPort, id)] = stream = new TsharkStream(clientPort, id);
                    List<KeyValuePair<string, string>> fields = fromServer ? stream.ResponseFields : stream.RequestFields;
                    foreach (JsonProperty p in frame.EnumerateObject())
                    {
                        if (p.Name != "http2.header")
                            continue;
                        fields.Add(new(p.Value.GetProperty("http2.header.name").GetString()!, p.Value.GetProperty("http2.header.value").GetString() ?? ""));
                    }
                }
            }
        }
        return [.. streams.Values.OrderBy(s => s.ClientPort).ThenBy(s => s.StreamId)];
    }

    private static IEnumerable<JsonElement> Frames(JsonElement http2)
    {
        IEnumerable<JsonElement> layers = http2.ValueKind == JsonValueKind.Array ? http2.EnumerateArray() : [http2];
        foreach (JsonElement layer in layers)
        {
            foreach (JsonProperty p in layer.EnumerateObject())
            {
                if (p.Name == "http2.stream")
                    yield return p.Value;
            }
        }
    }
}

/// <summary>One HTTP/2 stream's header fields (headers and trailers, in order) per direction, as tshark decoded them.</summary>
public sealed record TsharkStream(int ClientPort, int StreamId)
{
    public List<KeyValuePair<string, string>> RequestFields { get; } = [];

    public List<KeyValuePair<string, string>> ResponseFields { get; } = [];
}
