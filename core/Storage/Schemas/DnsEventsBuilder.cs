using Devtools.Core.Storage.Columns;

namespace Devtools.Core.Storage.Schemas;

/// <summary>Builds <c>dns_events</c> batches.</summary>
public sealed class DnsEventsBuilder : ProtocolEventsBuilder
{
    /// <summary>Creates an empty builder.</summary>
    public DnsEventsBuilder()
        : base(TableNames.DnsEvents)
    {
        ReqHeader = AddColumn(new Utf8Column("req_header"));
        ReqBody = AddColumn(new Utf8Column("req_body"));
        RespHeader = AddColumn(new Utf8Column("resp_header"));
        RespBody = AddColumn(new Utf8Column("resp_body"));
        Latency = AddColumn(new Int64Column("latency"));
    }

    /// <summary><c>req_header</c>: query header as JSON.</summary>
    public Utf8Column ReqHeader { get; }

    /// <summary><c>req_body</c>: queries as JSON.</summary>
    public Utf8Column ReqBody { get; }

    /// <summary><c>resp_header</c>: answer header as JSON.</summary>
    public Utf8Column RespHeader { get; }

    /// <summary><c>resp_body</c>: answers as JSON.</summary>
    public Utf8Column RespBody { get; }

    /// <summary><c>latency</c>: ns.</summary>
    public Int64Column Latency { get; }
}
