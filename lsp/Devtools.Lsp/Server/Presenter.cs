using System.Text;
using Devtools.Lsp.Protocol;
using Devtools.Lsp.Workspace;

namespace Devtools.Lsp.Server;

/// <summary>Turns a <see cref="LiveSnapshot"/> into what one document shows: lenses, inlay hints, hovers.</summary>
public static class Presenter
{
    /// <summary>Hot lines and methods below this share of the samples are not shown.</summary>
    public const double MinPercent = 1.0;

    public static string EndpointTitle(SourceEndpoint endpoint, EndpointTraffic? traffic, bool attached, double windowSeconds)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        string route = $"{endpoint.MethodsText} {endpoint.Template.Display}";
        if (traffic is null)
            return attached ? $"{route} · no requests in the last {windowSeconds:0} s" : $"{route} · attach to see live traffic";
        return $"{route} · {Format.Rate(traffic.RequestsPerMinute)} req/min · p50 {Format.Ms(traffic.P50Ms)} · p99 {Format.Ms(traffic.P99Ms)} · {Format.Percent(traffic.ErrorRate * 100)} errors";
    }

    /// <summary><c>SQL · 42 calls/min · p50 0.80 ms · p99 3.1 ms</c>, and <c> · 2.0% errors</c> when any failed.</summary>
    public static string SqlTitle(SqlTraffic traffic)
    {
        ArgumentNullException.ThrowIfNull(traffic);
        string title = $"SQL · {Format.Rate(traffic.CallsPerMinute)} calls/min · p50 {Format.Ms(traffic.P50Ms)} · p99 {Format.Ms(traffic.P99Ms)}";
        return traffic.ErrorRate > 0 ? $"{title} · {Format.Percent(traffic.ErrorRate * 100)} errors" : title;
    }

    public static List<CodeLens> CodeLenses(string path, WorkspaceIndex index, LiveSnapshot live, bool attached)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(live);
        SourceFileFacts facts = index.Facts(path);
        var lenses = new List<CodeLens>();
        foreach (SourceEndpoint e in facts.Endpoints)
        {
            EndpointTraffic? traffic = live.Endpoints.GetValueOrDefault(e.Key);
            string title = EndpointTitle(e, traffic, attached, live.WindowSeconds);
            LspCommand command = attached || traffic is not null
                ? new LspCommand(title, "devtools.showRecentRequests", [new { method = e.HttpMethods.Count == 1 ? e.HttpMethods[0] : null, route = e.Template.Display }])
                : new LspCommand(title, "devtools.attach");
            lenses.Add(new CodeLens(e.Range, command));
        }
        if (live.SqlByFile.TryGetValue(path, out IReadOnlyList<SqlTraffic>? sql))
        {
            foreach (SqlTraffic t in sql)
                lenses.Add(new CodeLens(t.Site.Range, new LspCommand(SqlTitle(t), "")));
        }
        foreach ((SourceMethodInfo method, HotFunction function) in HotMethods(path, index, live))
        {
            string title = $"CPU {Format.Percent(function.TotalPercent)} · self {Format.Percent(function.SelfPercent)}";
            lenses.Add(new CodeLens(method.NameRange, new LspCommand(title, "devtools.showFlameGraph", [new { function = function.Name }])));
        }
        return lenses;
    }

    /// <summary>Methods of the file running a hot function: the frame names the method, and the function's hottest line lies inside it.</summary>
    public static IEnumerable<(SourceMethodInfo Method, HotFunction Function)> HotMethods(string path, WorkspaceIndex index, LiveSnapshot live)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(live);
        var best = new Dictionary<SourceMethodInfo, HotFunction>();
        foreach (HotFunction f in live.MappedFunctions)
        {
            if (f.File != path || f.TotalPercent < MinPercent)
                continue;
            foreach (SourceMethodInfo m in index.Model.MethodsForFrame(f.Name))
            {
                if (m.File == path && f.Line - 1 >= m.StartLine && f.Line - 1 <= m.EndLine
                    && (!best.TryGetValue(m, out HotFunction? other) || other.TotalPercent < f.TotalPercent))
                    best[m] = f;
            }
        }
        return best.OrderBy(kv => kv.Key.NameRange.Start.Line).Select(kv => (kv.Key, kv.Value));
    }

    public static List<InlayHint> InlayHints(string path, string? text, LiveSnapshot live, LspRange? range)
    {
        ArgumentNullException.ThrowIfNull(live);
        var hints = new List<InlayHint>();
        if (text is null || !live.HotLinesByFile.TryGetValue(path, out IReadOnlyDictionary<int, HotLine>? lines))
            return hints;
        string[] docLines = text.Split('\n');
        foreach ((int line, HotLine hot) in lines.OrderBy(kv => kv.Key))
        {
            if (hot.Percent < MinPercent || line >= docLines.Length)
                continue;
            if (range is not null && (line < range.Start.Line || line > range.End.Line))
                continue;
            int end = docLines[line].TrimEnd('\r').Length;
            hints.Add(new InlayHint(new Position(line, end), $"▮ {Format.Percent(hot.Percent)}", Kind: null, PaddingLeft: true,
                Tooltip: $"{Format.Percent(hot.Percent)} of CPU samples on this line ({hot.Samples} of {live.Hotspots?.TotalSamples ?? 0}), {Format.Percent(hot.TotalPercent)} including what it calls — {hot.Function}"));
        }
        return hints;
    }

    /// <summary>The hover of a position; when it shows runtime data and the capture lost some, a last line says so.</summary>
    public static Hover? Hover(string path, Position position, WorkspaceIndex index, LiveSnapshot live, bool attached, CaptureLosses? losses = null)
    {
        ArgumentNullException.ThrowIfNull(position);
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(live);
        SourceFileFacts facts = index.Facts(path);
        var md = new StringBuilder();
        LspRange? range = null;
        SourceEndpoint? endpoint = facts.Endpoints
            .Where(e => position.Line >= e.Range.Start.Line && position.Line <= e.LastLine)
            .MinBy(e => e.LastLine - e.Range.Start.Line);
        if (endpoint is not null)
        {
            range = endpoint.Range;
            EndpointTraffic? traffic = live.Endpoints.GetValueOrDefault(endpoint.Key);
            md.Append("**").Append(endpoint.MethodsText).Append(' ').Append(endpoint.Template.Display).Append("**");
            if (traffic is null)
            {
                md.Append(attached ? $" · no requests in the last {live.WindowSeconds:0} s" : " · not attached").Append("\n\n");
            }
            else
            {
                md.Append($" · {traffic.Count} requests in the last {live.WindowSeconds:0} s · p50 {Format.Ms(traffic.P50Ms)} · p90 {Format.Ms(traffic.P90Ms)} · p99 {Format.Ms(traffic.P99Ms)}\n\n");
                md.Append("Slowest recent requests:\n\n| status | latency | time | path |\n|---:|---:|---|---|\n");
                foreach (RequestRow r in traffic.Slowest.Take(5))
                    md.Append($"| {r.Status} | {Format.Ms(r.LatencyMs)} | {Format.Time(r.Time)} | `{r.Path.Replace("|", "\\|", StringComparison.Ordinal).Replace("`", "'", StringComparison.Ordinal)}` |\n");
                md.Append('\n');
            }
        }
        if (live.HotLinesByFile.TryGetValue(path, out IReadOnlyDictionary<int, HotLine>? lines) && lines.TryGetValue(position.Line, out HotLine? hot))
        {
            md.Append($"**CPU** {Format.Percent(hot.Percent)} of samples on this line ({hot.Samples} of {live.Hotspots?.TotalSamples ?? 0}), {Format.Percent(hot.TotalPercent)} with what it calls · `{hot.Function}`\n");
            range ??= LspRange.Of(position.Line, 0, position.Line, 0);
        }
        if (md.Length > 0 && attached && Format.LossSummary(losses) is { } lost)
            md.Append("\n\n⚠ *").Append(lost.Replace("*", "\\*", StringComparison.Ordinal)).Append(" — these numbers may be low.*\n");
        return md.Length == 0 ? null : new Hover(new MarkupContent("markdown", md.ToString().TrimEnd() + "\n"), range);
    }

    /// <summary>A string that changes exactly when what the document shows changes: refreshes are sent only then.</summary>
    public static string Fingerprint(string path, string? text, WorkspaceIndex index, LiveSnapshot live, bool attached)
    {
        var sb = new StringBuilder();
        foreach (CodeLens lens in CodeLenses(path, index, live, attached))
            sb.Append(lens.Range.Start.Line).Append(lens.Command?.Title).Append('\n');
        foreach (InlayHint hint in InlayHints(path, text, live, null))
            sb.Append(hint.Position.Line).Append(hint.Label).Append('\n');
        return sb.ToString();
    }
}
