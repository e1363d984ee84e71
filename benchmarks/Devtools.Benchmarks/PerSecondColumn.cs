using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Devtools.Benchmarks;

/// <summary>
/// Throughput column: with OperationsPerInvoke = items, the mean is per item and
/// this shows items per second on one core.
/// </summary>
internal sealed class PerSecondColumn(string columnName, string legend) : IColumn
{
    public static PerSecondColumn Rows { get; } = new("Rows/s", "Rows appended per second on one core (1 s / mean time per row)");

    public static PerSecondColumn Transactions { get; } = new("Tx/s", "HTTP request/response pairs through the whole user-space pipeline per second on one core");

    public string Id => nameof(PerSecondColumn) + columnName;

    public string ColumnName => columnName;

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => legend;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
        GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        double? meanNs = summary[benchmarkCase]?.ResultStatistics?.Mean;
        return meanNs is > 0 ? (1e9 / meanNs.Value).ToString("N0", CultureInfo.InvariantCulture) : "-";
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
