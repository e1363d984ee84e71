using System.Globalization;
using Devtools.Core.Query.Latency;
using Devtools.Core.Storage;
using Spectre.Console;

namespace Devtools.Host.Rendering;

/// <summary>
/// A `devtools top` table for any protocol's latency aggregation: the process, the
/// protocol's own key columns (statement, command, gRPC method…), then rate, count,
/// percentiles and error share — the same figures for every protocol.
/// </summary>
public static class AggregationTable
{
    public static Table Build<TKey>(
        LatencyAggregation<TKey> aggregation,
        IReadOnlyList<string> keyHeaders,
        Func<TKey, (Upid Upid, IReadOnlyList<string> Values)> describe,
        Func<Upid, string> processName,
        string caption)
    {
        ArgumentNullException.ThrowIfNull(aggregation);
        var table = new Table().Border(TableBorder.Simple).Expand();
        table.Caption = new TableTitle(caption, new Style(Color.Grey));
        table.AddColumn("PROCESS");
        foreach (string header in keyHeaders)
            table.AddColumn(header);
        foreach (string header in (ReadOnlySpan<string>)["REQ/S", "COUNT", "P50", "P90", "P99", "ERR"])
            table.AddColumn(new TableColumn(header).RightAligned());
        if (aggregation.Groups.Count == 0)
        {
            string[] empty = [.. Enumerable.Repeat(string.Empty, keyHeaders.Count + 7)];
            empty[0] = "[grey]waiting for requests…[/]";
            table.AddRow(empty);
            return table;
        }
        foreach (LatencyGroup<TKey> group in aggregation.Groups)
        {
            (Upid upid, IReadOnlyList<string> values) = describe(group.Key);
            LatencyStats s = group.Stats;
            var cells = new List<string> { Markup.Escape($"{upid.Pid} {processName(upid)}") };
            cells.AddRange(values.Select(Markup.Escape));
            cells.Add(s.RatePerSecond.ToString("0.0", CultureInfo.InvariantCulture));
            cells.Add(s.Count.ToString("N0", CultureInfo.InvariantCulture));
            cells.Add(EndpointTable.Ms(s.P50Ns / 1e6));
            cells.Add(EndpointTable.Ms(s.P90Ns / 1e6));
            cells.Add(EndpointTable.Ms(s.P99Ns / 1e6));
            cells.Add(s.ErrorRate <= 0 ? "[grey]0%[/]" : $"[red]{(s.ErrorRate * 100).ToString(s.ErrorRate < 0.1 ? "0.0" : "0", CultureInfo.InvariantCulture)}%[/]");
            table.AddRow(cells.ToArray());
        }
        return table;
    }

    /// <summary>Shortens long keys (SQL statements) for a table cell.</summary>
    public static string Clip(string text, int max = 70)
    {
        text = text.ReplaceLineEndings(" ");
        return text.Length <= max ? text : text[..(max - 1)] + "…";
    }
}
