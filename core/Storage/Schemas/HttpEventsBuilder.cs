using Devtools.Core.Storage.Columns;

namespace Devtools.Core.Storage.Schemas;

/// <summary>Builds <c>http_events</c> batches.</summary>
public sealed class HttpEventsBuilder : ProtocolEventsBuilder
{
    /// <summary>Creates an empty builder.</summary>
    public HttpEventsBuilder()
        : base(TableNames.HttpEvents)
    {
        MajorVersion = AddColumn(new Int64Column("major_version"));
        MinorVersion = AddColumn(new Int64Column("minor_version"));
        ContentType = AddColumn(new Int64Column("content_type"));
        ReqHeaders = AddColumn(new Utf8Column("req_headers"));
        ReqMethod = AddColumn(new Utf8Column("req_method"));
        ReqPath = AddColumn(new Utf8Column("req_path"));
        ReqBody = AddColumn(new Utf8Column("req_body"));
        ReqBodySize = AddColumn(new Int64Column("req_body_size"));
        RespHeaders = AddColumn(new Utf8Column("resp_headers"));
        RespStatus = AddColumn(new Int64Column("resp_status"));
        RespMessage = AddColumn(new Utf8Column("resp_message"));
        RespBody = AddColumn(new Utf8Column("resp_body"));
        RespBodySize = AddColumn(new Int64Column("resp_body_size"));
        Latency = AddColumn(new Int64Column("latency"));
    }

    /// <summary><c>major_version</c>: HTTP major version.</summary>
    public Int64Column MajorVersion { get; }

    /// <summary><c>minor_version</c>: HTTP minor version.</summary>
    public Int64Column MinorVersion { get; }

    /// <summary><c>content_type</c>: Pixie's content type code (0 unknown, 1 JSON, 2 gRPC).</summary>
    public Int64Column ContentType { get; }

    /// <summary><c>req_headers</c>: request headers as a JSON object.</summary>
    public Utf8Column ReqHeaders { get; }

    /// <summary><c>req_method</c>.</summary>
    public Utf8Column ReqMethod { get; }

    /// <summary><c>req_path</c>: path and query string as sent.</summary>
    public Utf8Column ReqPath { get; }

    /// <summary><c>req_body</c>: request body, possibly truncated.</summary>
    public Utf8Column ReqBody { get; }

    /// <summary><c>req_body_size</c>: full request body size in bytes.</summary>
    public Int64Column ReqBodySize { get; }

    /// <summary><c>resp_headers</c>: response headers as a JSON object.</summary>
    public Utf8Column RespHeaders { get; }

    /// <summary><c>resp_status</c>: HTTP status code.</summary>
    public Int64Column RespStatus { get; }

    /// <summary><c>resp_message</c>: reason phrase.</summary>
    public Utf8Column RespMessage { get; }

    /// <summary><c>resp_body</c>: response body, possibly truncated.</summary>
    public Utf8Column RespBody { get; }

    /// <summary><c>resp_body_size</c>: full response body size in bytes.</summary>
    public Int64Column RespBodySize { get; }

    /// <summary><c>latency</c>: request start to response end, ns.</summary>
    public Int64Column Latency { get; }
}
