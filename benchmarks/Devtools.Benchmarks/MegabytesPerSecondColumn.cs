using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Devtools.Benchmarks;

/// <summary>
/// Throughput in MB/s of protocol bytes: with OperationsPerInvoke = messages, the mean is
/// per message, and <paramref name="bytesPerOperation"/> is the mix's mean message size.
/// </summary>
internal sealed class MegabytesPerSecondColumn(string protocol, double bytesPerOperation) : IColumn
{
    public string Id => nameof(MegabytesPerSecondColumn) + protocol;

    public string ColumnName => "MB/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => $"Bytes of {protocol} processed per second on one core (1 MB = 10^6 bytes)";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        double? nanosecondsPerOperation = summary[benchmarkCase]?.ResultStatistics?.Mean;
        return nanosecondsPerOperation is > 0
            ? (bytesPerOperation / nanosecondsPerOperation.Value * 1000).ToString("N0", CultureInfo.InvariantCulture)
            : "-";
    }

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;
}
