using System.Text.Json;
using Devtools.Core.Metadata;

namespace Devtools.Host.Rendering;

/// <summary>The protocols `devtools trace` knows, and the line each prints.</summary>
public static class TraceViews
{
    /// <summary>The protocol names and descriptions, for building the command line (no session needed).</summary>
    public static IReadOnlyList<(string Name, string Description)> Catalog { get; } =
        [.. All(new ProcessRegistry()).Select(v => (v.Name, v.Description))];

    public static TraceView Get(string name, ProcessRegistry processes) => All(processes).Single(v => v.Name == name);

    public static IReadOnlyList<TraceView> All(ProcessRegistry processes)
    {
        IReadOnlyList<TraceColumn> common = TraceLinePrinter.Common(processes);
        TraceColumn latency = new("LATENCY", 9, (r, i) => EndpointTable.Ms(r.Number("latency", i) / 1e6), RightAligned: true);
        TraceColumn remote = new("REMOTE", 0, (r, i) => $"{r.Text("remote_addr", i)}:{r.Number("remote_port", i)}");
        TraceColumn[] httpColumns =
        [
            .. common,
            new("METHOD", 7, (r, i) => r.Text("req_method", i)),
            new("PATH", 40, (r, i) => r.Text("req_path", i)),
            new("STATUS", 6, (r, i) => r.Number("resp_status", i).ToString(System.Globalization.CultureInfo.InvariantCulture), RightAligned: true),
            latency,
            new("REQ", 9, (r, i) => SummaryPrinter.Bytes(r.Number("req_body_size", i)), RightAligned: true),
            new("RESP", 9, (r, i) => SummaryPrinter.Bytes(r.Number("resp_body_size", i)), RightAligned: true),
            remote,
        ];
        return
        [
            new("http", "HTTP/1.x requests: method, path, status, latency, body sizes.", t => t.HttpEvents, (r, i) => r.Number("major_version", i) == 1, httpColumns),
            new("http2", "HTTP/2 and gRPC requests: method, :path (the gRPC method), status, latency.", t => t.HttpEvents, (r, i) => r.Number("major_version", i) == 2, httpColumns),
            new("pgsql", "PostgreSQL queries: message kind, query, result or error, latency.", t => t.PgsqlEvents, null,
            [
                .. common,
                new("CMD", 8, (r, i) => r.Text("req_cmd", i)),
                new("QUERY", 50, (r, i) => r.Text("req", i)),
                new("RESULT", 24, (r, i) => r.Text("resp", i)),
                latency,
                remote,
            ]),
            new("mysql", "MySQL/MariaDB commands: command, query, status, result or error, latency.", t => t.MysqlEvents, null,
            [
                .. common,
                new("CMD", 13, (r, i) => MysqlCommandName(r.Number("req_cmd", i))),
                new("QUERY", 50, (r, i) => r.Text("req_body", i)),
                new("STATUS", 6, (r, i) => r.Number("resp_status", i) switch { 1 => "none", 2 => "ERR", 3 => "OK", _ => "?" }),
                new("RESULT", 24, (r, i) => r.Text("resp_body", i)),
                latency,
                remote,
            ]),
            new("redis", "Redis commands: command, arguments, reply, latency.", t => t.RedisEvents, null,
            [
                .. common,
                new("CMD", 12, (r, i) => r.Text("req_cmd", i)),
                new("ARGS", 40, (r, i) => r.Text("req_args", i)),
                new("REPLY", 24, (r, i) => r.Text("resp", i)),
                latency,
                remote,
            ]),
            new("dns", "DNS queries: name and type, response code, answers, latency.", t => t.DnsEvents, null,
            [
                .. common,
                new("QUERY", 36, (r, i) => DnsQuestions(r.Text("req_body", i))),
                new("RCODE", 8, (r, i) => DnsRcode(r.Text("resp_header", i))),
                new("ANSWERS", 36, (r, i) => DnsAnswers(r.Text("resp_body", i))),
                latency,
                remote,
            ]),
        ];
    }

    internal static string MysqlCommandName(long command) => command switch
    {
        0x01 => "QUIT",
        0x02 => "INIT_DB",
        0x03 => "QUERY",
        0x04 => "FIELD_LIST",
        0x0e => "PING",
        0x16 => "STMT_PREPARE",
        0x17 => "STMT_EXECUTE",
        0x18 => "STMT_SEND_LONG",
        0x19 => "STMT_CLOSE",
        0x1a => "STMT_RESET",
        _ => $"0x{command:x2}",
    };

    // The DNS columns hold JSON (Pixie's shapes); these pick out what a line shows.
    private static string DnsQuestions(string json) =>
        Json(json, root => root.TryGetProperty("queries", out JsonElement queries)
            ? string.Join(", ", queries.EnumerateArray().Select(q => $"{Str(q, "name")} {Str(q, "type")}"))
            : string.Empty);

    private static string DnsAnswers(string json) =>
        Json(json, root => root.TryGetProperty("answers", out JsonElement answers)
            ? string.Join(", ", answers.EnumerateArray().Select(a =>
                Str(a, "addr") is { Length: > 0 } addr ? addr : Str(a, "cname") is { Length: > 0 } cname ? "CNAME " + cname : Str(a, "type")))
            : string.Empty);

    private static string DnsRcode(string json) =>
        Json(json, root => Str(root, "rcode_name") is { Length: > 0 } name ? name
            : root.TryGetProperty("rcode", out JsonElement code) ? code.ToString() : string.Empty);

    private static string Str(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out JsonElement value) ? value.ToString() : string.Empty;

    private static string Json(string json, Func<JsonElement, string> pick)
    {
        if (string.IsNullOrEmpty(json))
            return string.Empty;
        try
        {
            using var doc = JsonDocument.Parse(json);
            return pick(doc.RootElement);
        }
        catch (JsonException)
        {
            return json;
        }
    }
}
