using System.Globalization;
using System.Text.Json;
using Devtools.Integration.Tests.Infrastructure;

namespace Devtools.Integration.Tests.Http2;

/// <summary>HTTP/2 header fields per stream, as tshark decodes them from a <see cref="TsharkCapture"/>.</summary>
public static class TsharkHttp2
{
    public static List<TsharkStream> Decode(TsharkCapture capture) => Parse(capture.ReadJson("http2"), capture.Port);

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
