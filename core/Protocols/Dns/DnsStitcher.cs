namespace Devtools.Core.Protocols.Dns;

/// <summary>
/// Pairs DNS answers with their queries by transaction id and question, not by order: a
/// resolver asks for A and AAAA at once on one socket and the answers come in any order,
/// and TCP connections carry pipelined queries answered as they complete.
/// </summary>
/// <remarks>
/// A query sent again before its answer (same id and question) is a retransmission: the
/// answer pairs with the first copy, so latency covers the whole wait, and the copies are
/// counted. An answer to a query already answered (the server answered a retransmission
/// too, or a zone transfer's further messages over TCP) is counted, not recorded. Queries
/// never answered stay queued until the flow closes or idles out (30 s for UDP), or until
/// an answer that arrives more than <see cref="QueryTimeoutNs"/> after them shows they were
/// given up; they are counted unmatched.
/// </remarks>
internal sealed class DnsStitcher(IDnsTransactionSink? sink, DnsCounters counters, bool datagrams) : KeyedStitcher<DnsMessage>
{
    /// <summary>No resolver waits this long for an answer (glibc: 5 s × 2 attempts by default).</summary>
    public const long QueryTimeoutNs = 30_000_000_000;

    private const int RecentlyAnswered = 8;

    private readonly AnsweredQuery[] _answered = new AnsweredQuery[RecentlyAnswered];
    private int _nextAnswered;

    protected override long RequestTimeoutNs => QueryTimeoutNs;

    protected override bool Answers(ref DnsMessage response, ref DnsMessage request) =>
        response.Header.TransactionId == request.Header.TransactionId
        && ((response.Defects | request.Defects) & DnsMessageDefects.Unreadable) == 0
        && (response.QuestionKey == request.QuestionKey || response.Header.QuestionCount == 0);

    protected override bool Repeats(ref DnsMessage answered, ref DnsMessage later) =>
        later.Header.TransactionId == answered.Header.TransactionId
        && later.QuestionKey == answered.QuestionKey
        && (later.Defects & DnsMessageDefects.Unreadable) == 0;

    protected override void OnRepeat(ref DnsMessage repeat, in StitchContext context) => counters.Retransmissions.Value++;

    protected override void OnUnmatchedResponse(ref DnsMessage response, in StitchContext context)
    {
        if ((response.Defects & DnsMessageDefects.Unreadable) == 0 && WasAnswered(response))
        {
            if (datagrams)
                counters.DuplicateResponses.Value++;
            else
                counters.ContinuationResponses.Value++;
            return;
        }
        base.OnUnmatchedResponse(ref response, context);
    }

    protected override void Write(ref DnsMessage request, ref DnsMessage response, in StitchContext context)
    {
        _answered[_nextAnswered] = new AnsweredQuery(request.Header.TransactionId, request.QuestionKey);
        _nextAnswered = (_nextAnswered + 1) % RecentlyAnswered;
        if (response.Header.Truncated)
            counters.TruncatedResponses.Value++;
        if (sink is null)
        {
            counters.RecordsWithoutSink.Value++;
            return;
        }
        sink.Write(new DnsTransaction(context.Connection, ref request, ref response));
    }

    private bool WasAnswered(in DnsMessage response)
    {
        foreach (AnsweredQuery answered in _answered)
        {
            if (answered.IsSet && answered.TransactionId == response.Header.TransactionId
                && (answered.QuestionKey == response.QuestionKey || response.Header.QuestionCount == 0))
                return true;
        }
        return false;
    }

    private readonly record struct AnsweredQuery(ushort TransactionId, ulong QuestionKey)
    {
        public bool IsSet => QuestionKey != 0 || TransactionId != 0;
    }
}
