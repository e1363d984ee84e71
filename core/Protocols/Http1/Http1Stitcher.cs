using Devtools.Core.Common;
using Devtools.Core.Protocols.Http;

namespace Devtools.Core.Protocols.Http1;

/// <summary>
/// Pairs HTTP/1 requests and responses in order (HTTP/1 answers in order, pipelined or
/// not), writes one <see cref="HttpTransaction"/> per pair and releases both frames.
/// Interim 1xx responses (all but 101) answer nothing on their own: they are counted
/// and dropped, leaving the request for its final response.
/// </summary>
public sealed class Http1Stitcher : FifoStitcher<HttpMessage>
{
    private readonly IHttpTransactionSink? _sink;
    private readonly Http1Counters _counters;

    internal Http1Stitcher(IHttpTransactionSink? sink, Http1Counters counters)
    {
        _sink = sink;
        _counters = counters;
    }

    protected override bool IsUnsolicited(ref HttpMessage response, in StitchContext context)
    {
        if (!response.IsInformational)
            return false;
        _counters.InformationalResponses.Value++;
        return true;
    }

    protected override void Write(ref HttpMessage request, ref HttpMessage response, in StitchContext context)
    {
        if ((response.Flags & HttpMessageFlags.ExchangeHandedOver) != 0)
        {
            // The protocol the connection switched to records this exchange (h2c stream 1).
            return;
        }
        if (_sink is null)
        {
            _counters.RecordsWithoutSink.Value++;
            return;
        }
        var transaction = new HttpTransaction
        {
            Connection = context.Connection,
            RequestStartNs = request.StartNs,
            ResponseEndNs = response.EndNs,
            // The version the server answered with: what the exchange actually spoke.
            MajorVersion = HttpMessage.MajorVersion,
            MinorVersion = response.MinorVersion,
            Method = request.Method,
            Target = request.Target,
            RequestHeaders = request.AllFields,
            RequestBody = request.Body,
            RequestBodySize = request.BodySize,
            Status = response.StatusCode,
            Reason = response.Reason,
            ResponseHeaders = response.AllFields,
            ResponseBody = response.Body,
            ResponseBodySize = response.BodySize,
            ContentType = response.ContentType != HttpContentType.Unknown ? response.ContentType : request.ContentType,
        };
        _sink.Write(transaction);
    }
}
