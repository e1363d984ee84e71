using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Devtools.Benchmarks;

/// <summary>
/// Throughput column for parse benchmarks: with OperationsPerInvoke = messages, the mean is
/// per message, and this shows the mix's mean message size over it as MB/s on one core.
/// </summary>
internal sealed class BytesPerSecondColumn(string protocol, Func<double> bytesPerOperation) : IColumn
{
    public string Id => nameof(BytesPerSecondColumn) + protocol;

    public string ColumnName => "MB/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => $"Bytes of {protocol} processed per second (1 MB = 10^6 bytes)";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
    {
        double? nanosecondsPerMessage = summary[benchmarkCase]?.ResultStatistics?.Mean;
        return nanosecondsPerMessage is > 0 ? (bytesPerOperation() / nanosecondsPerMessage.Value * 1000).ToString("N0", CultureInfo.InvariantCulture) : "-";
    }

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;
}
