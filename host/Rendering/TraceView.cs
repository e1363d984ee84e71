using System.Globalization;
using Apache.Arrow;
using Devtools.Core.Metadata;
using Devtools.Core.Storage;
using Devtools.Core.Storage.Tables;

namespace Devtools.Host.Rendering;

/// <summary>One column of a `devtools trace` line.</summary>
public sealed record TraceColumn(string Header, int Width, Func<RowReader, int, string> Value, bool RightAligned = false);

/// <summary>
/// What `devtools trace PROTOCOL` shows: which table, which of its rows (http and
/// http2 share http_events), and the columns of a line.
/// </summary>
public sealed record TraceView(
    string Name,
    string Description,
    Func<TableStore, Devtools.Core.Storage.Tables.Table> Table,
    Func<RowReader, int, bool>? Include,
    IReadOnlyList<TraceColumn> Columns);

/// <summary>Prints rows of a <see cref="TraceView"/> as aligned lines.</summary>
public sealed class TraceLinePrinter(TextWriter output, TraceView view)
{
    private bool _headerWritten;

    /// <summary>The leading columns every view shares: when, which process, which side.</summary>
    public static IReadOnlyList<TraceColumn> Common(ProcessRegistry processes) =>
    [
        new("TIME", 12, (r, i) => DateTimeOffset.FromUnixTimeMilliseconds(r.Time("time_", i) / 1_000_000).ToLocalTime().ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture)),
        new("PROCESS", 20, (r, i) => { Upid upid = r.Upid(i); return $"{upid.Pid} {processes.GetName(upid)}"; }),
        new("ROLE", 6, (r, i) => r.Number("trace_role", i) switch { 1 => "client", 2 => "server", _ => "?" }),
    ];

    public void Write(RowSelection rows)
    {
        var reader = new RowReader(rows.RecordBatch);
        foreach (int row in rows)
        {
            if (view.Include is not null && !view.Include(reader, row))
                continue;
            if (!_headerWritten)
            {
                output.WriteLine(string.Join(' ', view.Columns.Select(c => Pad(c.Header, c))));
                _headerWritten = true;
            }
            output.WriteLine(string.Join(' ', view.Columns.Select(c => Pad(Fit(c.Value(reader, row), c.Width), c))));
        }
    }

    /// <summary>Whether a row belongs to the view (for JSON output).</summary>
    public bool Includes(RecordBatch batch, int row) => view.Include is null || view.Include(new RowReader(batch), row);

    private static string Pad(string text, TraceColumn column) =>
        column.Width <= 0 ? text : column.RightAligned ? text.PadLeft(column.Width) : text.PadRight(column.Width);

    private static string Fit(string text, int width)
    {
        text = text.ReplaceLineEndings(" ");
        return width <= 0 || text.Length <= width ? text : text[..(width - 1)] + "…";
    }
}
