using System.Text.Json;
using System.Text.Json.Serialization;

namespace Devtools.Lsp.Protocol;

// The LSP 3.17 shapes the bridge sends, serialised camelCase with nulls omitted (Json.Options).

public sealed record Position(int Line, int Character);

public sealed record LspRange(Position Start, Position End)
{
    public static LspRange Of(int startLine, int startCharacter, int endLine, int endCharacter) =>
        new(new Position(startLine, startCharacter), new Position(endLine, endCharacter));
}

public sealed record Location(string Uri, LspRange Range);

public sealed record LspCommand(string Title, string Command, IReadOnlyList<object>? Arguments = null);

public sealed record CodeLens(LspRange Range, LspCommand? Command = null, JsonElement? Data = null);

public sealed record InlayHint(Position Position, string Label, int? Kind = null, bool? PaddingLeft = null, string? Tooltip = null);

public sealed record MarkupContent(string Kind, string Value);

public sealed record Hover(MarkupContent Contents, LspRange? Range = null);

/// <summary>Names of the methods the bridge serves or sends.</summary>
public static class Methods
{
    public const string ListTargets = "devtools/listTargets";
    public const string Targets = "devtools/targets";
    public const string Attach = "devtools/attach";
    public const string ConnectAgent = "devtools/connectAgent";
    public const string Detach = "devtools/detach";
    public const string State = "devtools/state";
    public const string EndpointStats = "devtools/endpointStats";
    public const string SqlStats = "devtools/sqlStats";
    public const string RecentRequests = "devtools/recentRequests";
    public const string Hotspots = "devtools/hotspots";
    public const string FlameGraph = "devtools/flameGraph";
    public const string StateChanged = "devtools/stateChanged";
    public const string HotLines = "devtools/hotLines";

    // Agent only.
    public const string Authenticate = "devtools/authenticate";
    public const string Requests = "devtools/requests";
    public const string Losses = "devtools/losses";
}

/// <summary>The attach state the client shows (docs/editor-protocol.md, AttachState).</summary>
public sealed record AttachState(
    bool Attached,
    int? Pid = null,
    string? ProcessName = null,
    string? Source = null,
    string? Agent = null,
    double RequestsPerSecond = 0,
    long? Since = null,
    string? Error = null,
    string? Message = null,
    CaptureLosses? Losses = null);

/// <summary>
/// What the capture behind the current source lost, so that numbers built from it are never
/// trusted silently (docs/editor-protocol.md, CaptureLosses). <see cref="Counters"/> holds only
/// the non-zero counters; it is empty for a clean capture.
/// </summary>
/// <param name="Total">Sum of the counters that count things (events, messages, samples, rows).</param>
/// <param name="Bytes">Sum of the counters that count bytes.</param>
/// <param name="Counters">The non-zero counters, kernel first, then reassembly, protocols, EventPipe, tables.</param>
/// <param name="Scope">"process": the counters are the attached process's; "node": a node-wide capture's (an agent with eBPF).</param>
/// <param name="NotKnown">What this source cannot tell (a sentence each).</param>
public sealed record CaptureLosses(long Total, long Bytes, IReadOnlyList<LossCounter> Counters, string Scope, IReadOnlyList<string> NotKnown);

/// <summary>One non-zero loss counter: a stable name ("kernel.ring_buffer_full_data", "http.parse_errors"), its value, and a label to print after the value.</summary>
/// <param name="Unit">"bytes", or "count" for everything else.</param>
public sealed record LossCounter(string Name, long Value, string Label, string Unit = "count");

public sealed record EndpointStat(
    string Method,
    string Route,
    long Count,
    double RequestsPerMinute,
    double P50Ms,
    double P90Ms,
    double P99Ms,
    double ErrorRate,
    Location? Location = null);

public sealed record RequestRow(long Time, string Method, string Path, long Status, double LatencyMs, string? Route = null, int? Pid = null);

public sealed record HotFunction(string Name, double SelfPercent, double TotalPercent, long SelfSamples, long TotalSamples, string? File = null, int Line = 0, Location? Location = null);

public sealed record HotLine(string File, int Line, double Percent, long Samples, double TotalPercent, string Function, Location? Location = null);

public sealed record Hotspots(long TotalSamples, IReadOnlyList<HotFunction> Functions, IReadOnlyList<HotLine> Lines);

public sealed record HotLinesParams(string Uri, IReadOnlyList<HotLineMark> Lines);

public sealed record HotLineMark(int Line, double Percent);

/// <summary>JSON settings shared by the bridge, the agent and their clients.</summary>
public static class Json
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions());

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DictionaryKeyPolicy = null;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals;
        return options;
    }

    public static string? OptString(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public static int? OptInt(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out int i) ? i : null;

    public static bool? OptBool(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out JsonElement v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean() : null;

    public static JsonElement Prop(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out JsonElement v) ? v : default;
}
