using Devtools.Core.Storage.Columns;

namespace Devtools.Core.Storage.Schemas;

/// <summary>Builds <c>process_stats</c> batches (one row per process per sampling tick).</summary>
public sealed class ProcessStatsBuilder : RecordBatchBuilder
{
    /// <summary>Creates an empty builder.</summary>
    public ProcessStatsBuilder()
        : base(TableNames.ProcessStats)
    {
        MajorFaults = AddColumn(new Int64Column("major_faults"));
        MinorFaults = AddColumn(new Int64Column("minor_faults"));
        CpuUtimeNs = AddColumn(new Int64Column("cpu_utime_ns"));
        CpuKtimeNs = AddColumn(new Int64Column("cpu_ktime_ns"));
        NumThreads = AddColumn(new Int64Column("num_threads"));
        VsizeBytes = AddColumn(new Int64Column("vsize_bytes"));
        RssBytes = AddColumn(new Int64Column("rss_bytes"));
        RcharBytes = AddColumn(new Int64Column("rchar_bytes"));
        WcharBytes = AddColumn(new Int64Column("wchar_bytes"));
        ReadBytes = AddColumn(new Int64Column("read_bytes"));
        WriteBytes = AddColumn(new Int64Column("write_bytes"));
    }

    /// <summary><c>major_faults</c>.</summary>
    public Int64Column MajorFaults { get; }

    /// <summary><c>minor_faults</c>.</summary>
    public Int64Column MinorFaults { get; }

    /// <summary><c>cpu_utime_ns</c>: user CPU time.</summary>
    public Int64Column CpuUtimeNs { get; }

    /// <summary><c>cpu_ktime_ns</c>: kernel CPU time.</summary>
    public Int64Column CpuKtimeNs { get; }

    /// <summary><c>num_threads</c>.</summary>
    public Int64Column NumThreads { get; }

    /// <summary><c>vsize_bytes</c>: virtual memory size.</summary>
    public Int64Column VsizeBytes { get; }

    /// <summary><c>rss_bytes</c>: resident set size.</summary>
    public Int64Column RssBytes { get; }

    /// <summary><c>rchar_bytes</c>: bytes read via syscalls.</summary>
    public Int64Column RcharBytes { get; }

    /// <summary><c>wchar_bytes</c>: bytes written via syscalls.</summary>
    public Int64Column WcharBytes { get; }

    /// <summary><c>read_bytes</c>: bytes read from storage.</summary>
    public Int64Column ReadBytes { get; }

    /// <summary><c>write_bytes</c>: bytes written to storage.</summary>
    public Int64Column WriteBytes { get; }
}
