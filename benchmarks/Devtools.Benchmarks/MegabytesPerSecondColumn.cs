using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Devtools.Benchmarks;

/// <summary>
/// MB/s of protocol bytes: a workload's mean bytes per operation over the mean time per
/// operation (with OperationsPerInvoke = messages, an operation is one message).
/// </summary>
internal sealed class MegabytesPerSecondColumn(string id, double bytesPerOperation) : IColumn
{
    public string Id => "MegabytesPerSecond" + id;

    public string ColumnName => "MB/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Bytes of protocol processed per second (1 MB = 10^6 bytes)";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
    {
        double? nanosecondsPerOperation = summary[benchmarkCase]?.ResultStatistics?.Mean;
        return nanosecondsPerOperation is > 0 ? (bytesPerOperation / nanosecondsPerOperation.Value * 1000).ToString("N0", CultureInfo.InvariantCulture) : "-";
    }

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;
}
