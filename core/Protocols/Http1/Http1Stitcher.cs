using Devtools.Core.Common;
using Devtools.Core.Protocols.Http;

namespace Devtools.Core.Protocols.Http1;

/// <summary>
/// Pairs HTTP/1 requests and responses in order (HTTP/1 answers in order, pipelined or
/// not), writes one <see cref="HttpTransaction"/> per pair and releases both frames.
/// </summary>
/// <remarks>
/// Interim 1xx responses (all but 101) answer nothing on their own: they are counted
/// and dropped, leaving the request for its final response. A response that ended
/// before its supposed request began answers a request we never saw (its bytes were
/// lost): it is counted unmatched rather than paired wrongly. A response with no request
/// queued waits: its request may still be arriving (a server may answer before reading
/// a whole upload); at the close the driver counts what is left unmatched.
/// </remarks>
public sealed class Http1Stitcher : IStitcher<HttpMessage>
{
    private readonly IHttpTransactionSink? _sink;
    private readonly Http1Counters _counters;

    internal Http1Stitcher(IHttpTransactionSink? sink, Http1Counters counters)
    {
        _sink = sink;
        _counters = counters;
    }

    public void Stitch(RingQueue<HttpMessage> requests, RingQueue<HttpMessage> responses, in StitchContext context)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(responses);
        while (!responses.IsEmpty)
        {
            ref HttpMessage response = ref responses.Head;
            if (response.IsInformational)
            {
                _counters.InformationalResponses.Value++;
                response.Release();
                responses.RemoveHead();
                continue;
            }
            if (requests.IsEmpty)
                return;
            ref HttpMessage request = ref requests.Head;
            if (request.StartNs > response.EndNs)
            {
                context.Counters.UnmatchedResponses++;
                response.Release();
                responses.RemoveHead();
                continue;
            }
            Write(request, response, context);
            // Released where they lie: a copy out of the queue costs more than the release.
            request.Release();
            requests.RemoveHead();
            response.Release();
            responses.RemoveHead();
        }
    }

    private void Write(in HttpMessage request, in HttpMessage response, in StitchContext context)
    {
        context.Counters.Records++;
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
