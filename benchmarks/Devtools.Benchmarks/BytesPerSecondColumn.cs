using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Devtools.Benchmarks;

/// <summary>
/// MB/s of protocol bytes: with OperationsPerInvoke = messages, the mean is per message, and
/// this divides the mix's mean message size by it (1 MB = 10^6 bytes, one core).
/// </summary>
internal sealed class BytesPerSecondColumn(string id, double bytesPerOperation, string legend) : IColumn
{
    public string Id => id;

    public string ColumnName => "MB/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => legend;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
    {
        double? nanosecondsPerOperation = summary[benchmarkCase]?.ResultStatistics?.Mean;
        return nanosecondsPerOperation is > 0 ? (bytesPerOperation / nanosecondsPerOperation.Value * 1000).ToString("N0", CultureInfo.InvariantCulture) : "-";
    }

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;
}
