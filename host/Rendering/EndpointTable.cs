using System.Globalization;
using Devtools.Core.Query.Http;
using Devtools.Core.Storage;
using Spectre.Console;

namespace Devtools.Host.Rendering;

/// <summary>The per-endpoint table of `devtools top` and `devtools demo`.</summary>
public static class EndpointTable
{
    public static Table Build(HttpEndpointReport report, Func<Upid, string> processName, string caption)
    {
        var table = new Table().Border(TableBorder.Simple).Expand();
        table.Caption = new TableTitle(caption, new Style(Color.Grey));
        table.AddColumn("PROCESS");
        table.AddColumn("METHOD");
        table.AddColumn("ENDPOINT");
        table.AddColumn(new TableColumn("REQ/S").RightAligned());
        table.AddColumn(new TableColumn("COUNT").RightAligned());
        table.AddColumn(new TableColumn("P50").RightAligned());
        table.AddColumn(new TableColumn("P90").RightAligned());
        table.AddColumn(new TableColumn("P99").RightAligned());
        table.AddColumn(new TableColumn("5XX").RightAligned());
        table.AddColumn(new TableColumn("4XX").RightAligned());
        if (report.Endpoints.Count == 0)
        {
            table.AddRow("[grey]waiting for requests…[/]", string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty);
            return table;
        }
        foreach (HttpEndpointStat e in report.Endpoints)
        {
            table.AddRow(
                Markup.Escape($"{e.Pid} {processName(e.Upid)}"),
                Markup.Escape(e.Method),
                Markup.Escape(e.PathTemplate),
                e.RequestsPerSecond.ToString("0.0", CultureInfo.InvariantCulture),
                e.Count.ToString("N0", CultureInfo.InvariantCulture),
                Ms(e.P50Ms),
                Ms(e.P90Ms),
                Ms(e.P99Ms),
                Percent(e.ErrorRate, "red"),
                Percent(e.ClientErrorRate, "yellow"));
        }
        return table;
    }

    internal static string Ms(double ms) => ms switch
    {
        < 1 => $"{ms * 1000:0} µs",
        < 100 => $"{ms:0.0} ms",
        < 10_000 => $"{ms:0} ms",
        _ => $"{ms / 1000:0.0} s",
    };

    private static string Percent(double rate, string color) =>
        rate <= 0 ? "[grey]0%[/]" : $"[{color}]{(rate * 100).ToString(rate < 0.1 ? "0.0" : "0", CultureInfo.InvariantCulture)}%[/]";
}
