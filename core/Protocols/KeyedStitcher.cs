using Devtools.Core.Common;

namespace Devtools.Core.Protocols;

/// <summary>
/// Pairing for protocols whose answers come in any order, each saying which request it
/// answers (DNS by transaction id and question, HTTP/2 by stream id): a response goes
/// with the oldest queued request it <see cref="Answers"/>. Requests wait in the driver's
/// queue, in arrival order, until answered, given up after <see cref="RequestTimeoutNs"/>,
/// or counted unmatched by the driver when the connection ends.
/// </summary>
/// <remarks>
/// Matching scans the queue: cheap for the handful of requests a connection has in flight,
/// and the driver's queue bound caps the worst case. A protocol overrides the hooks for
/// what breaks the one-answer-per-request rule: requests sent again before their answer
/// (<see cref="Repeats"/>), responses that answer nothing queued.
/// </remarks>
public abstract class KeyedStitcher<TFrame> : IStitcher<TFrame>
    where TFrame : struct, IFrame
{
    public void Stitch(RingQueue<TFrame> requests, RingQueue<TFrame> responses, in StitchContext context)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(responses);
        int r = 0;
        while (r < responses.Count)
        {
            ref TFrame response = ref responses[r];
            GiveUpOldRequests(requests, response.EndNs, context);
            int match = FindRequest(requests, ref response);
            if (match < 0)
            {
                if (!context.EndOfStream && WaitsForRequest(ref response, context))
                {
                    r++;
                    continue;
                }
                OnUnmatchedResponse(ref response, context);
                responses.RemoveAt(r).Release();
                continue;
            }
            context.Counters.Records++;
            Write(ref requests[match], ref response, context);
            RemoveRepeats(requests, match, context);
            requests.RemoveAt(match).Release();
            responses.RemoveAt(r).Release();
        }
    }

    /// <summary>True when <paramref name="response"/> answers <paramref name="request"/>.</summary>
    protected abstract bool Answers(ref TFrame response, ref TFrame request);

    /// <summary>Writes one record for a request and its response. Both are released afterwards.</summary>
    protected abstract void Write(ref TFrame request, ref TFrame response, in StitchContext context);

    /// <summary>
    /// How long a request may wait for its answer, measured back from the end of a response
    /// being paired; older requests are given up (counted unmatched). 0: they wait until the
    /// connection ends.
    /// </summary>
    protected virtual long RequestTimeoutNs => 0;

    /// <summary>
    /// True when <paramref name="later"/> is <paramref name="answered"/> sent again (a
    /// retransmission): the answer covers both, and the repeat is dropped after
    /// <see cref="OnRepeat"/>.
    /// </summary>
    protected virtual bool Repeats(ref TFrame answered, ref TFrame later) => false;

    /// <summary>Called for each repeat of a request that was just paired, before it is dropped.</summary>
    protected virtual void OnRepeat(ref TFrame repeat, in StitchContext context)
    {
    }

    /// <summary>
    /// True to keep a response that answers nothing queued until its request arrives (bytes
    /// of the two directions may be delivered out of order). By default it is given up.
    /// </summary>
    protected virtual bool WaitsForRequest(ref TFrame response, in StitchContext context) => false;

    /// <summary>Called for a response dropped unpaired; counts it unmatched unless overridden.</summary>
    protected virtual void OnUnmatchedResponse(ref TFrame response, in StitchContext context) =>
        context.Counters.UnmatchedResponses++;

    private int FindRequest(RingQueue<TFrame> requests, ref TFrame response)
    {
        for (int i = 0; i < requests.Count; i++)
        {
            if (Answers(ref response, ref requests[i]))
                return i;
        }
        return -1;
    }

    private void RemoveRepeats(RingQueue<TFrame> requests, int answered, in StitchContext context)
    {
        for (int i = requests.Count - 1; i > answered; i--)
        {
            if (!Repeats(ref requests[answered], ref requests[i]))
                continue;
            OnRepeat(ref requests[i], context);
            requests.RemoveAt(i).Release();
        }
    }

    private void GiveUpOldRequests(RingQueue<TFrame> requests, long nowNs, in StitchContext context)
    {
        long timeout = RequestTimeoutNs;
        if (timeout <= 0)
            return;
        while (!requests.IsEmpty && nowNs - requests.Head.StartNs > timeout)
        {
            context.Counters.UnmatchedRequests++;
            requests.Dequeue().Release();
        }
    }
}
