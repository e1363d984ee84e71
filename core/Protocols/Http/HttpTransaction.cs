using Devtools.Core.Connections;

namespace Devtools.Core.Protocols.Http;

/// <summary>
/// One HTTP request and its response, whatever the HTTP version: the row of the
/// http_events table before it is written. A ref struct of spans over the frames'
/// own buffers, so handing it to a sink copies nothing; it lives only for the
/// duration of <see cref="IHttpTransactionSink.Write"/>.
/// </summary>
public readonly ref struct HttpTransaction
{
    public ConnectionInfo Connection { get; init; }

    /// <summary>Kernel monotonic ns of the event carrying the request's first byte.</summary>
    public long RequestStartNs { get; init; }

    /// <summary>Kernel monotonic ns of the event carrying the response's last byte.</summary>
    public long ResponseEndNs { get; init; }

    /// <summary>From the request's first byte to the response's last, in ns (Pixie's latency).</summary>
    public long LatencyNs => ResponseEndNs - RequestStartNs;

    public int MajorVersion { get; init; }

    public int MinorVersion { get; init; }

    public ReadOnlySpan<byte> Method { get; init; }

    /// <summary>The request-target as sent: path with query (or absolute form, or authority for CONNECT).</summary>
    public ReadOnlySpan<byte> Target { get; init; }

    /// <summary>Header fields, then trailer fields if the body had any (as HTTP/2 delivers both HEADERS frames).</summary>
    public HttpHeaders RequestHeaders { get; init; }

    /// <summary>The first bytes of the decoded request body (ProtocolOptions.MaxBodyBytes at most).</summary>
    public ReadOnlySpan<byte> RequestBody { get; init; }

    /// <summary>The decoded request body's true size, including bytes not kept or not captured.</summary>
    public long RequestBodySize { get; init; }

    public int Status { get; init; }

    public ReadOnlySpan<byte> Reason { get; init; }

    /// <summary>Header fields, then trailer fields if the body had any (gRPC's grpc-status, say).</summary>
    public HttpHeaders ResponseHeaders { get; init; }

    /// <summary>The first bytes of the decoded response body (ProtocolOptions.MaxBodyBytes at most).</summary>
    public ReadOnlySpan<byte> ResponseBody { get; init; }

    /// <summary>The decoded response body's true size, including bytes not kept or not captured.</summary>
    public long ResponseBodySize { get; init; }

    /// <summary>From the response's Content-Type, else the request's.</summary>
    public HttpContentType ContentType { get; init; }
}
