using Devtools.Core.Storage.Columns;

namespace Devtools.Core.Storage.Schemas;

/// <summary>Builds <c>mysql_events</c> batches.</summary>
public sealed class MysqlEventsBuilder : ProtocolEventsBuilder
{
    /// <summary>Creates an empty builder.</summary>
    public MysqlEventsBuilder()
        : base(TableNames.MysqlEvents)
    {
        ReqCmd = AddColumn(new Int64Column("req_cmd"));
        ReqBody = AddColumn(new Utf8Column("req_body"));
        RespStatus = AddColumn(new Int64Column("resp_status"));
        RespBody = AddColumn(new Utf8Column("resp_body"));
        Latency = AddColumn(new Int64Column("latency"));
    }

    /// <summary><c>req_cmd</c>: MySQL command byte (e.g. 3 = COM_QUERY).</summary>
    public Int64Column ReqCmd { get; }

    /// <summary><c>req_body</c>: the statement.</summary>
    public Utf8Column ReqBody { get; }

    /// <summary><c>resp_status</c>: Pixie's response status code (OK, error, none).</summary>
    public Int64Column RespStatus { get; }

    /// <summary><c>resp_body</c>: the response summary.</summary>
    public Utf8Column RespBody { get; }

    /// <summary><c>latency</c>: ns.</summary>
    public Int64Column Latency { get; }
}
