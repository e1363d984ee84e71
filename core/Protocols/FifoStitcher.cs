using Devtools.Core.Common;

namespace Devtools.Core.Protocols;

/// <summary>
/// Pairing for protocols whose server answers requests in the order they came
/// (HTTP/1, PostgreSQL, MySQL, Redis): the head request goes with the head
/// response. A protocol overrides the hooks for what breaks the rule — requests
/// that get no answer, answers nobody asked for — and writes its records.
/// </summary>
/// <remarks>
/// A response that ended before the head request began answers a request whose
/// bytes we never saw: it is counted unmatched rather than paired wrongly. A
/// response with no request queued waits (its request may still be arriving: a
/// server may answer before reading a whole upload); at the close the driver
/// counts what is left.
/// </remarks>
public abstract class FifoStitcher<TFrame> : IStitcher<TFrame>
    where TFrame : struct, IFrame
{
    public void Stitch(RingQueue<TFrame> requests, RingQueue<TFrame> responses, in StitchContext context)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(responses);
        while (true)
        {
            while (!requests.IsEmpty && !ExpectsResponse(ref requests.Head))
            {
                context.Counters.Records++;
                WriteWithoutResponse(ref requests.Head, context);
                Drop(requests);
            }
            if (responses.IsEmpty)
                return;
            ref TFrame response = ref responses.Head;
            if (IsUnsolicited(ref response, context))
            {
                Drop(responses);
                continue;
            }
            if (requests.IsEmpty)
                return;
            ref TFrame request = ref requests.Head;
            if (request.StartNs > response.EndNs)
            {
                context.Counters.UnmatchedResponses++;
                Drop(responses);
                continue;
            }
            context.Counters.Records++;
            Write(ref request, ref response, context);
            Drop(requests);
            Drop(responses);
        }
    }

    /// <summary>Releases and removes the head frame in place (a copy of a frame struct costs more than the rest).</summary>
    private static void Drop(RingQueue<TFrame> frames)
    {
        frames.Head.Release();
        frames.RemoveHead();
    }

    /// <summary>Writes one record for a request and its response. Both are released afterwards.</summary>
    protected abstract void Write(ref TFrame request, ref TFrame response, in StitchContext context);

    /// <summary>False for requests the server never answers (MySQL COM_STMT_CLOSE, say).</summary>
    protected virtual bool ExpectsResponse(ref TFrame request) => true;

    /// <summary>Writes the record of a request that gets no response (only called when <see cref="ExpectsResponse"/> is false).</summary>
    protected virtual void WriteWithoutResponse(ref TFrame request, in StitchContext context)
    {
    }

    /// <summary>
    /// True for a response that answers no request (an HTTP 1xx, a Redis push):
    /// the stitcher drops it (the override may count or record it first).
    /// </summary>
    protected virtual bool IsUnsolicited(ref TFrame response, in StitchContext context) => false;
}
