using Devtools.Core.Storage.Columns;

namespace Devtools.Core.Storage.Schemas;

/// <summary>Builds <c>stack_traces.beta</c> batches (aggregated CPU samples).</summary>
public sealed class StackTracesBuilder : RecordBatchBuilder
{
    /// <summary>Creates an empty builder.</summary>
    public StackTracesBuilder()
        : base(TableNames.StackTraces)
    {
        StackTraceId = AddColumn(new Int64Column("stack_trace_id"));
        StackTrace = AddColumn(new Utf8Column("stack_trace"));
        Count = AddColumn(new Int64Column("count"));
    }

    /// <summary><c>stack_trace_id</c>: stable id of the folded stack.</summary>
    public Int64Column StackTraceId { get; }

    /// <summary><c>stack_trace</c>: folded frames, root first, separated by ';'.</summary>
    public Utf8Column StackTrace { get; }

    /// <summary><c>count</c>: samples seen with this stack.</summary>
    public Int64Column Count { get; }
}
