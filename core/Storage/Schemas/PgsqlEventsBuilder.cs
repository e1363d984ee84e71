using Devtools.Core.Storage.Columns;

namespace Devtools.Core.Storage.Schemas;

/// <summary>Builds <c>pgsql_events</c> batches.</summary>
public sealed class PgsqlEventsBuilder : ProtocolEventsBuilder
{
    /// <summary>Creates an empty builder.</summary>
    public PgsqlEventsBuilder()
        : base(TableNames.PgsqlEvents)
    {
        ReqCmd = AddColumn(new Utf8Column("req_cmd"));
        Req = AddColumn(new Utf8Column("req"));
        Resp = AddColumn(new Utf8Column("resp"));
        Latency = AddColumn(new Int64Column("latency"));
    }

    /// <summary><c>req_cmd</c>: message type, e.g. "Query" or "Execute".</summary>
    public Utf8Column ReqCmd { get; }

    /// <summary><c>req</c>: the query text.</summary>
    public Utf8Column Req { get; }

    /// <summary><c>resp</c>: the response summary.</summary>
    public Utf8Column Resp { get; }

    /// <summary><c>latency</c>: ns.</summary>
    public Int64Column Latency { get; }
}
