using Devtools.Lsp.Protocol;
using Devtools.Lsp.Workspace;

namespace Devtools.Lsp.Server;

/// <summary>The traffic of one source endpoint over the window.</summary>
public sealed record EndpointTraffic(
    SourceEndpoint Endpoint,
    long Count,
    double RequestsPerMinute,
    double P50Ms,
    double P90Ms,
    double P99Ms,
    double ErrorRate,
    IReadOnlyList<RequestRow> Slowest);

/// <summary>
/// The SQL traffic of one literal in source: the statements the capture saw that match it. When
/// several do (say, the PostgreSQL and the MySQL forms), counts, rates and errors add up and the
/// latencies are the busiest statement's.
/// </summary>
public sealed record SqlTraffic(
    SourceSqlSite Site,
    long Count,
    double CallsPerMinute,
    double P50Ms,
    double P99Ms,
    double ErrorRate,
    IReadOnlyList<Devtools.Core.Api.SqlStatDto> Statements);

/// <summary>
/// Everything the bridge shows, computed once per tick from the runtime source and the
/// workspace index, immutable: requests read it without locks.
/// </summary>
public sealed class LiveSnapshot
{
    public static LiveSnapshot Empty { get; } = new([], new Dictionary<string, EndpointTraffic>(), null, new Dictionary<string, IReadOnlyDictionary<int, HotLine>>(), [], 60, 0, new Dictionary<string, IReadOnlyList<SqlTraffic>>(), []);

    public LiveSnapshot(
        IReadOnlyList<RequestRow> rows,
        IReadOnlyDictionary<string, EndpointTraffic> endpoints,
        Hotspots? hotspots,
        IReadOnlyDictionary<string, IReadOnlyDictionary<int, HotLine>> hotLinesByFile,
        IReadOnlyList<HotFunction> mappedFunctions,
        double windowSeconds,
        double requestsPerSecond,
        IReadOnlyDictionary<string, IReadOnlyList<SqlTraffic>> sqlByFile,
        IReadOnlyList<Devtools.Core.Api.SqlStatDto> sqlStatements)
    {
        SqlByFile = sqlByFile;
        SqlStatements = sqlStatements;
        Rows = rows;
        Endpoints = endpoints;
        Hotspots = hotspots;
        HotLinesByFile = hotLinesByFile;
        MappedFunctions = mappedFunctions;
        WindowSeconds = windowSeconds;
        RequestsPerSecond = requestsPerSecond;
    }

    /// <summary>Requests in the window, oldest first, with their matched route.</summary>
    public IReadOnlyList<RequestRow> Rows { get; }

    /// <summary>By <see cref="SourceEndpoint.Key"/>.</summary>
    public IReadOnlyDictionary<string, EndpointTraffic> Endpoints { get; }

    /// <summary>The profile as the source gave it (files as recorded, with workspace locations where mapped).</summary>
    public Hotspots? Hotspots { get; }

    /// <summary>Workspace path → 0-based line → its hot line.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<int, HotLine>> HotLinesByFile { get; }

    /// <summary>Hot functions whose hottest line is in a workspace file (File is the workspace path, Line 1-based).</summary>
    public IReadOnlyList<HotFunction> MappedFunctions { get; }

    public double WindowSeconds { get; }

    /// <summary>Workspace path → the SQL literals of that file with traffic, by line.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<SqlTraffic>> SqlByFile { get; }

    /// <summary>The statements of the window as the source gave them, most called first.</summary>
    public IReadOnlyList<Devtools.Core.Api.SqlStatDto> SqlStatements { get; }

    public double RequestsPerSecond { get; }

    public static LiveSnapshot Build(WorkspaceIndex index, IReadOnlyList<RequestRow> rawRows, Hotspots? hotspots, TimeSpan window, long sinceMs, long nowMs, IReadOnlyList<Devtools.Core.Api.SqlStatDto>? sqlStatements = null)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(rawRows);
        var endpoints = new Dictionary<string, SourceEndpoint>(StringComparer.Ordinal);
        var rows = new List<RequestRow>(rawRows.Count);
        var byEndpoint = new Dictionary<string, List<RequestRow>>(StringComparer.Ordinal);
        foreach (RequestRow r in rawRows)
        {
            SourceEndpoint? match = index.Model.Match(r.Method, r.Path);
            RequestRow row = r with { Route = match?.Template.Display };
            rows.Add(row);
            if (match is not null)
            {
                endpoints.TryAdd(match.Key, match);
                if (!byEndpoint.TryGetValue(match.Key, out List<RequestRow>? list))
                    byEndpoint[match.Key] = list = [];
                list.Add(row);
            }
        }

        // req/min is the count of the window scaled to a minute: with the default 60 s window, the requests of the last minute.
        double seconds = window.TotalSeconds;
        var traffic = new Dictionary<string, EndpointTraffic>(StringComparer.Ordinal);
        foreach ((string key, List<RequestRow> list) in byEndpoint)
        {
            double[] latencies = [.. list.Select(r => r.LatencyMs).Order()];
            long errors = list.Count(r => r.Status >= 500);
            traffic[key] = new EndpointTraffic(
                endpoints[key], list.Count, list.Count / seconds * 60,
                Quantile(latencies, 0.50), Quantile(latencies, 0.90), Quantile(latencies, 0.99),
                (double)errors / list.Count,
                [.. list.OrderByDescending(r => r.LatencyMs).ThenByDescending(r => r.Time).Take(10)]);
        }

        var hotByFile = new Dictionary<string, Dictionary<int, HotLine>>(StringComparer.Ordinal);
        var mappedFunctions = new List<HotFunction>();
        Hotspots? located = null;
        if (hotspots is not null)
        {
            var lines = new List<HotLine>();
            foreach (HotLine line in hotspots.Lines)
            {
                string? path = index.MapPath(line.File);
                if (path is null)
                {
                    lines.Add(line);
                    continue;
                }
                var loc = new Location(index.UriOf(path), LspRange.Of(line.Line - 1, 0, line.Line - 1, 0));
                lines.Add(line with { Location = loc });
                if (!hotByFile.TryGetValue(path, out Dictionary<int, HotLine>? map))
                    hotByFile[path] = map = [];
                map[line.Line - 1] = line with { Location = loc };
            }
            var functions = new List<HotFunction>();
            foreach (HotFunction f in hotspots.Functions)
            {
                string? path = f.File is null ? null : index.MapPath(f.File);
                if (path is null)
                {
                    functions.Add(f);
                    continue;
                }
                var loc = new Location(index.UriOf(path), LspRange.Of(f.Line - 1, 0, f.Line - 1, 0));
                functions.Add(f with { Location = loc });
                mappedFunctions.Add(f with { File = path, Location = loc });
            }
            located = new Hotspots(hotspots.TotalSamples, functions, lines);
        }
        double rps = rows.Count(r => r.Time >= nowMs - 10_000) / Math.Clamp((nowMs - sinceMs) / 1000.0, 1, 10);
        return new LiveSnapshot(
            rows, traffic, located,
            hotByFile.ToDictionary(kv => kv.Key, kv => (IReadOnlyDictionary<int, HotLine>)kv.Value, StringComparer.Ordinal),
            mappedFunctions, window.TotalSeconds, rps, SqlSites(index, sqlStatements ?? []), sqlStatements ?? []);
    }

    /// <summary>Each captured statement to the literals it matches (exact or tolerant), by file.</summary>
    private static Dictionary<string, IReadOnlyList<SqlTraffic>> SqlSites(WorkspaceIndex index, IReadOnlyList<Devtools.Core.Api.SqlStatDto> statements)
    {
        var bySite = new Dictionary<(string File, int Line, int Character), (SourceSqlSite Site, List<Devtools.Core.Api.SqlStatDto> Statements)>();
        foreach (Devtools.Core.Api.SqlStatDto statement in statements)
        {
            foreach (SourceSqlSite site in index.Model.SqlSitesFor(statement.NormalizedQuery))
            {
                var key = (site.File, site.Range.Start.Line, site.Range.Start.Character);
                if (!bySite.TryGetValue(key, out var entry))
                    bySite[key] = entry = (site, []);
                entry.Statements.Add(statement);
            }
        }
        var byFile = new Dictionary<string, List<SqlTraffic>>(StringComparer.Ordinal);
        foreach ((SourceSqlSite site, List<Devtools.Core.Api.SqlStatDto> list) in bySite.Values)
        {
            long count = list.Sum(s => s.Count);
            Devtools.Core.Api.SqlStatDto busiest = list.MaxBy(s => s.Count)!;
            double errors = list.Sum(s => s.ErrorRate * s.Count);
            var traffic = new SqlTraffic(site, count, list.Sum(s => s.CallsPerMinute), busiest.P50Ms, busiest.P99Ms, count == 0 ? 0 : errors / count, list);
            if (!byFile.TryGetValue(site.File, out List<SqlTraffic>? forFile))
                byFile[site.File] = forFile = [];
            forFile.Add(traffic);
        }
        return byFile.ToDictionary(
            kv => kv.Key,
            kv => (IReadOnlyList<SqlTraffic>)[.. kv.Value.OrderBy(t => t.Site.Range.Start.Line).ThenBy(t => t.Site.Range.Start.Character)],
            StringComparer.Ordinal);
    }

    /// <summary>Nearest-rank quantile of sorted values.</summary>
    public static double Quantile(double[] sorted, double q)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Length == 0)
            return 0;
        int rank = (int)Math.Ceiling(q * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
