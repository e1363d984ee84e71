using Devtools.Core.Common;

namespace Devtools.Core.Protocols.Pgsql;

/// <summary>
/// Pairs PostgreSQL requests with their answers. The server answers in order, but not
/// one message per message: Parse gets ParseComplete, Describe gets ParameterDescription
/// and RowDescription, a simple Query gets results up to ReadyForQuery, Flush gets
/// nothing, and after an error in the extended protocol the server skips everything up
/// to the next Sync. So this walks the head request through its answer messages, keeps
/// the connection's prepared statements and portals, and writes one record per executed
/// statement. Acknowledgements (ParseComplete, BindComplete, CloseComplete, RowDescription,
/// NoData) arrive folded into the next frame as counts and are handed out first, one per
/// request that expects one. Records:
/// <list type="bullet">
/// <item>Query: one record per Query message, at its ReadyForQuery; resp lists every
/// statement's outcome (command tag, "EMPTY QUERY" or the error) joined by "; ".</item>
/// <item>Execute: one record per Execute; req is the portal's statement with its
/// parameters, resp the command tag, "SUSPENDED n" (rows so far, the portal goes on),
/// "EMPTY QUERY" or the error.</item>
/// <item>Parse, Bind, Describe, Close and Sync: a record only when they fail.</item>
/// </list>
/// </summary>
internal sealed class PgsqlStitcher : IStitcher<PgsqlMessage>
{
    private readonly IPgsqlRecordSink? _sink;
    private readonly PgsqlCounters _counters;
    private readonly PgsqlStatementCache _statements;
    private readonly Utf8TextBuilder _request = new(PgsqlMessageRules.MaxStatementBytes + PgsqlBindRenderer.MaxParametersBytes);
    private readonly Utf8TextBuilder _response = new(1024);

    /// <summary>An error in the extended protocol: the server ignores messages up to the next Sync.</summary>
    private bool _discarding;

    internal PgsqlStitcher(IPgsqlRecordSink? sink, PgsqlCounters counters)
    {
        _sink = sink;
        _counters = counters;
        _statements = new PgsqlStatementCache(counters);
    }

    /// <summary>What one answer message did to the head request.</summary>
    private enum Step : byte
    {
        /// <summary>Part of the answer; more is to come.</summary>
        Partial,

        /// <summary>The last of the answer: the request is done.</summary>
        Done,

        /// <summary>The message answers a later request: this one got no answer (the server skipped it).</summary>
        NotForThisRequest,

        /// <summary>The message answers nothing this request expects: dropped.</summary>
        Unexpected,
    }

    public void Stitch(RingQueue<PgsqlMessage> requests, RingQueue<PgsqlMessage> responses, in StitchContext context)
    {
        while (!requests.IsEmpty)
        {
            ref PgsqlMessage request = ref requests.Head;
            if (request.Tag is PgsqlTags.CopyDone or PgsqlTags.CopyFail)
            {
                // The copy's outcome answers the Query or Execute that started it.
                requests.Dequeue().Release();
                continue;
            }
            if (_discarding && request.Tag != PgsqlTags.Sync)
            {
                _counters.DiscardedAfterError.Value++;
                requests.Dequeue().Release();
                continue;
            }
            if (responses.IsEmpty)
                return;
            ref PgsqlMessage response = ref responses.Head;
            if (response.EndNs < request.StartNs)
            {
                // It ended before this request began: it answers one we never saw.
                context.Counters.UnmatchedResponses++;
                responses.Dequeue().Release();
                continue;
            }
            if (response.HasAcks)
            {
                // Acknowledgements came before the frame's own message: they answer first.
                if (TakeAck(ref request, ref response))
                {
                    requests.Dequeue().Release();
                    continue;
                }
            }
            switch (Answer(ref request, ref response, context))
            {
                case Step.Partial:
                    responses.Dequeue().Release();
                    break;
                case Step.Done:
                    requests.Dequeue().Release();
                    responses.Dequeue().Release();
                    _response.Clear();
                    break;
                case Step.NotForThisRequest:
                    _counters.UnansweredRequests.Value++;
                    requests.Dequeue().Release();
                    _response.Clear();
                    break;
                default:
                    _counters.UnexpectedResponses.Value++;
                    responses.Dequeue().Release();
                    break;
            }
        }
    }

    private Step Answer(ref PgsqlMessage request, ref PgsqlMessage response, in StitchContext context)
    {
        byte answer = response.Tag;
        switch (request.Tag)
        {
            case PgsqlTags.Query:
            case PgsqlTags.FunctionCall:
                return AnswerQuery(ref request, ref response, context);
            case PgsqlTags.Sync:
                if (answer == PgsqlTags.ReadyForQuery)
                {
                    _discarding = false;
                    return Step.Done;
                }
                if (answer != PgsqlTags.ErrorResponse)
                    return Step.Unexpected;
                // An error at Sync: the implicit COMMIT failed (a deferred constraint, say).
                WriteError("Sync"u8, default, ref request, ref response, context);
                return Step.Partial;
        }
        if (answer == PgsqlTags.ReadyForQuery)
            return Step.NotForThisRequest;
        if (answer == PgsqlTags.ErrorResponse)
        {
            WriteFailure(ref request, ref response, context);
            _discarding = true;
            return Step.Done;
        }
        switch (request.Tag)
        {
            case PgsqlTags.Describe:
                if (answer != PgsqlTags.ParameterDescription)
                    return Step.Unexpected;
                // Describe of a statement: its parameter types, then (folded) RowDescription or NoData.
                DescribeParameters(request.Payload, response.Payload);
                return Step.Partial;
            case PgsqlTags.Execute:
                return AnswerExecute(ref request, ref response, context);
            default:
                // Parse, Bind and Close are answered by acknowledgements (see TakeAck), never by a frame of their own.
                return Step.Unexpected;
        }
    }

    /// <summary>
    /// Hands the next folded acknowledgement of <paramref name="response"/> to the head
    /// request. True when that answered the request (it is done); false when the request
    /// takes no acknowledgement (its answer is the frame's own message).
    /// </summary>
    private bool TakeAck(ref PgsqlMessage request, ref PgsqlMessage response)
    {
        switch (request.Tag)
        {
            case PgsqlTags.Parse when response.ParseAcks > 0:
                response.ParseAcks--;
                DefineStatement(request.Payload);
                return true;
            case PgsqlTags.Bind when response.BindAcks > 0:
                response.BindAcks--;
                BindPortal(request.Payload);
                return true;
            case PgsqlTags.Close when response.CloseAcks > 0:
                response.CloseAcks--;
                var reader = new PgsqlReader(request.Payload);
                if (reader.TryReadByte(out byte kind) && reader.TryReadCString(out ReadOnlySpan<byte> name))
                    _statements.Close(kind, name);
                return true;
            case PgsqlTags.Describe when response.DescribeAcks > 0:
                response.DescribeAcks--;
                return true;
            case PgsqlTags.Query or PgsqlTags.FunctionCall:
                // RowDescriptions of the query's results.
                response.ClearAcks();
                return false;
            default:
                // Acknowledgements nobody asked for: what they answered is lost.
                _counters.UnexpectedResponses.Value++;
                response.ClearAcks();
                return false;
        }
    }

    private Step AnswerQuery(ref PgsqlMessage request, ref PgsqlMessage response, in StitchContext context)
    {
        switch (response.Tag)
        {
            case PgsqlTags.ReadyForQuery:
                ReadOnlySpan<byte> text = request.Tag == PgsqlTags.Query ? CString(request.Payload) : FunctionText(request.Payload);
                Write(request.Tag == PgsqlTags.Query ? "Query"u8 : "FunctionCall"u8, request.StartNs, response.EndNs, text, _response.Written, context);
                return Step.Done;
            case PgsqlTags.CommandComplete:
                NextResult();
                _response.Append(CString(response.Payload));
                return Step.Partial;
            case PgsqlTags.EmptyQueryResponse:
                NextResult();
                _response.Append("EMPTY QUERY"u8);
                return Step.Partial;
            case PgsqlTags.ErrorResponse:
                NextResult();
                PgsqlErrorText.Write(response.Payload, _response);
                return Step.Partial;
            case PgsqlTags.FunctionCallResponse:
                NextResult();
                _response.Append("FUNCTION RESULT"u8);
                return Step.Partial;
            case PgsqlTags.ParameterDescription:
            case PgsqlTags.CopyInResponse:
            case PgsqlTags.CopyOutResponse:
            case PgsqlTags.CopyBothResponse:
                return Step.Partial;
            default:
                return Step.Unexpected;
        }
    }

    private Step AnswerExecute(ref PgsqlMessage request, ref PgsqlMessage response, in StitchContext context)
    {
        switch (response.Tag)
        {
            case PgsqlTags.CommandComplete:
                _response.Append(CString(response.Payload));
                break;
            case PgsqlTags.PortalSuspended:
                _response.Append("SUSPENDED "u8);
                _response.Append((long)response.Rows);
                break;
            case PgsqlTags.EmptyQueryResponse:
                _response.Append("EMPTY QUERY"u8);
                break;
            case PgsqlTags.CopyInResponse:
            case PgsqlTags.CopyOutResponse:
            case PgsqlTags.CopyBothResponse:
                return Step.Partial;
            default:
                return Step.Unexpected;
        }
        Write("Execute"u8, request.StartNs, response.EndNs, PortalText(request.Payload), _response.Written, context);
        return Step.Done;
    }

    /// <summary>The record of a failed Parse, Bind, Describe, Close or Execute.</summary>
    private void WriteFailure(ref PgsqlMessage request, ref PgsqlMessage response, in StitchContext context)
    {
        ReadOnlySpan<byte> payload = request.Payload;
        switch (request.Tag)
        {
            case PgsqlTags.Parse:
                var parse = new PgsqlReader(payload);
                parse.TryReadCString(out _);
                WriteError("Parse"u8, CString(parse.Rest), ref request, ref response, context);
                break;
            case PgsqlTags.Bind:
                var bind = new PgsqlReader(payload);
                bind.TryReadCString(out _);
                bind.TryReadCString(out ReadOnlySpan<byte> statementName);
                PgsqlBindRenderer.Render(payload, _statements.FindStatement(statementName), _request);
                WriteError("Bind"u8, _request.Written, ref request, ref response, context);
                break;
            case PgsqlTags.Execute:
                WriteError("Execute"u8, PortalText(payload), ref request, ref response, context);
                break;
            case PgsqlTags.Describe:
                WriteError("Describe"u8, DescribedText(payload), ref request, ref response, context);
                break;
            case PgsqlTags.Close:
                WriteError("Close"u8, payload.Length > 1 ? CString(payload[1..]) : default, ref request, ref response, context);
                break;
        }
    }

    private void WriteError(ReadOnlySpan<byte> command, ReadOnlySpan<byte> text, ref PgsqlMessage request, ref PgsqlMessage response, in StitchContext context)
    {
        _response.Clear();
        PgsqlErrorText.Write(response.Payload, _response);
        Write(command, request.StartNs, response.EndNs, text, _response.Written, context);
        _response.Clear();
    }

    private void Write(ReadOnlySpan<byte> command, long startNs, long endNs, ReadOnlySpan<byte> text, ReadOnlySpan<byte> outcome, in StitchContext context)
    {
        context.Counters.Records++;
        if (_sink is null)
        {
            _counters.RecordsWithoutSink.Value++;
            return;
        }
        _sink.Write(new PgsqlRecord
        {
            Connection = context.Connection,
            RequestStartNs = startNs,
            ResponseEndNs = endNs,
            Command = command,
            Request = text,
            Response = outcome,
        });
    }

    /// <summary>Parse: name\0 query\0 int16 count, int32 oids.</summary>
    private void DefineStatement(ReadOnlySpan<byte> parse)
    {
        var reader = new PgsqlReader(parse);
        if (!reader.TryReadCString(out ReadOnlySpan<byte> name))
            return;
        PreparedStatement? statement = _statements.DefineStatement(name);
        if (statement is null)
            return;
        _counters.StatementsPrepared.Value++;
        statement.Text.Clear();
        statement.ParameterTypeCount = 0;
        if (reader.TryReadCString(out ReadOnlySpan<byte> query))
        {
            statement.Text.Append(query);
            statement.SetParameterTypes(ref reader);
        }
        else
        {
            // Only a prefix was kept: the text is cut and the types are lost.
            statement.Text.Append(reader.Rest);
        }
    }

    /// <summary>Bind: the portal now runs the statement with these parameters.</summary>
    private void BindPortal(ReadOnlySpan<byte> bind)
    {
        var reader = new PgsqlReader(bind);
        if (!reader.TryReadCString(out ReadOnlySpan<byte> portalName) || !reader.TryReadCString(out ReadOnlySpan<byte> statementName))
            return;
        BoundPortal? portal = _statements.DefinePortal(portalName);
        if (portal is null)
            return;
        PreparedStatement? statement = _statements.FindStatement(statementName);
        if (statement is null)
            _counters.UnknownStatements.Value++;
        PgsqlBindRenderer.Render(bind, statement, portal.Text);
    }

    /// <summary>ParameterDescription answering Describe of a statement: the server's parameter types.</summary>
    private void DescribeParameters(ReadOnlySpan<byte> describe, ReadOnlySpan<byte> description)
    {
        var reader = new PgsqlReader(describe);
        if (!reader.TryReadByte(out byte kind) || kind != (byte)'S' || !reader.TryReadCString(out ReadOnlySpan<byte> name))
            return;
        PreparedStatement? statement = _statements.FindStatement(name);
        if (statement is null)
            return;
        var types = new PgsqlReader(description);
        statement.SetParameterTypes(ref types);
    }

    /// <summary>What an Execute runs: its portal's text, or a placeholder for a portal not seen (bound before capture).</summary>
    private ReadOnlySpan<byte> PortalText(ReadOnlySpan<byte> execute)
    {
        ReadOnlySpan<byte> name = CString(execute);
        BoundPortal? portal = _statements.FindPortal(name);
        if (portal is not null)
            return portal.Text.Written;
        _counters.UnknownStatements.Value++;
        _request.Clear();
        _request.Append("<unknown portal \""u8);
        _request.Append(name);
        _request.Append("\">"u8);
        return _request.Written;
    }

    /// <summary>What a Describe names: the statement's or portal's text when known, else its name.</summary>
    private ReadOnlySpan<byte> DescribedText(ReadOnlySpan<byte> describe)
    {
        if (describe.IsEmpty)
            return default;
        ReadOnlySpan<byte> name = CString(describe[1..]);
        if (describe[0] == (byte)'S')
        {
            PreparedStatement? statement = _statements.FindStatement(name);
            if (statement is not null)
                return statement.Text.Written;
        }
        else
        {
            BoundPortal? portal = _statements.FindPortal(name);
            if (portal is not null)
                return portal.Text.Written;
        }
        return name;
    }

    private ReadOnlySpan<byte> FunctionText(ReadOnlySpan<byte> call)
    {
        _request.Clear();
        _request.Append("<function "u8);
        var reader = new PgsqlReader(call);
        if (reader.TryReadInt32(out int oid))
            _request.Append((ulong)(uint)oid);
        _request.Append((byte)'>');
        return _request.Written;
    }

    /// <summary>Separates the outcomes of the statements of one Query string.</summary>
    private void NextResult()
    {
        if (_response.Length > 0)
            _response.Append("; "u8);
    }

    /// <summary>The text up to the first NUL (all of it when the kept prefix has none).</summary>
    private static ReadOnlySpan<byte> CString(ReadOnlySpan<byte> bytes)
    {
        int end = bytes.IndexOf((byte)0);
        return end < 0 ? bytes : bytes[..end];
    }
}
