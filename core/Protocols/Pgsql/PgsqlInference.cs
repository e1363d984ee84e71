using Devtools.Core.Connections;

namespace Devtools.Core.Protocols.Pgsql;

/// <summary>
/// Recognises PostgreSQL from a connection's first bytes. A client opens with a startup
/// packet (length, protocol 3.x or the SSLRequest/GSSENCRequest/CancelRequest code) or,
/// when capture began mid-connection, a typed message ('Q', 'P', 'B', 'E', 'S', 'D', 'C',
/// 'X', 'F', 'H'); a server answers with 'R', 'S', 'K', 'Z', 'T', 'D', 'C', 'E', 'N', '1',
/// '2', '3', 'n', 't', 's' or 'I'. Every whole message present must parse and lengths must
/// be plausible, so that HTTP text, RESP or MySQL packets are never claimed. Never throws.
/// </summary>
internal static class PgsqlInference
{
    /// <summary>Longest typed message accepted as a connection's first: larger ones are more likely something else.</summary>
    private const int MaxFirstPayload = 16 << 20;

    /// <summary>Messages after the first that are checked too.</summary>
    private const int MaxMessagesChecked = 8;

    private static readonly bool[] FrontendStarts = Starts("QPBESDCXFH");
    private static readonly bool[] BackendStarts = Starts("RSKZTDCEN123ntsI");

    public static InferenceResult Infer(ReadOnlySpan<byte> data, Direction direction, ConnectionRole role)
    {
        if (data.IsEmpty)
            return InferenceResult.NeedMoreData;
        if (role != ConnectionRole.Unknown)
        {
            bool requests = direction == role.RequestDirection();
            return ToResult(requests ? InferFrontend(data) : InferBackend(data), requests ? MessageKind.Request : MessageKind.Response);
        }
        WireVerdict frontend = InferFrontend(data);
        WireVerdict backend = InferBackend(data);
        if (frontend == WireVerdict.Yes && backend == WireVerdict.Yes)
        {
            // 'C', 'D', 'E' and 'S' exist both ways; a message that parses as both
            // cannot tell who is the client. The next message will.
            return InferenceResult.NoMatch;
        }
        if (frontend == WireVerdict.Yes)
            return InferenceResult.Request;
        if (backend == WireVerdict.Yes)
            return InferenceResult.Response;
        return frontend == WireVerdict.NeedMoreData || backend == WireVerdict.NeedMoreData ? InferenceResult.NeedMoreData : InferenceResult.NoMatch;
    }

    private static InferenceResult ToResult(WireVerdict verdict, MessageKind kind) => verdict switch
    {
        WireVerdict.Yes => kind == MessageKind.Request ? InferenceResult.Request : InferenceResult.Response,
        WireVerdict.NeedMoreData => InferenceResult.NeedMoreData,
        _ => InferenceResult.NoMatch,
    };

    internal static WireVerdict InferFrontend(ReadOnlySpan<byte> data)
    {
        if (data[0] == PgsqlTags.Untyped)
            return InferStartupPacket(data);
        if (!FrontendStarts[data[0]])
            return WireVerdict.No;
        return InferMessages(data, frontend: true);
    }

    internal static WireVerdict InferBackend(ReadOnlySpan<byte> data) =>
        BackendStarts[data[0]] ? InferMessages(data, frontend: false) : WireVerdict.No;

    private static WireVerdict InferStartupPacket(ReadOnlySpan<byte> data)
    {
        WireVerdict header = PgsqlWire.CheckStartupPacket(data, out int length, out int code);
        if (header != WireVerdict.Yes)
            return header;
        if (data.Length < length)
            return WireVerdict.NeedMoreData;
        if (code is PgsqlStartupCodes.SslRequest or PgsqlStartupCodes.GssEncRequest or PgsqlStartupCodes.CancelRequest)
        {
            // The client sends these alone and waits: nothing may follow.
            return data.Length == length ? WireVerdict.Yes : WireVerdict.No;
        }
        if (!PgsqlWire.IsValidStartupParameters(data[PgsqlWire.StartupHeaderLength..length]))
            return WireVerdict.No;
        return data.Length == length ? WireVerdict.Yes : InferMessages(data[length..], frontend: true);
    }

    /// <summary>
    /// The message at the start parses (when whole) and so do those after it, up to a few;
    /// a message cut short at the end is judged on what has arrived.
    /// </summary>
    private static WireVerdict InferMessages(ReadOnlySpan<byte> data, bool frontend)
    {
        for (int i = 0; i < MaxMessagesChecked && !data.IsEmpty; i++)
        {
            WireVerdict header = PgsqlWire.CheckHeader(data, frontend, out _, out int payloadLength);
            if (header != WireVerdict.Yes)
                return i > 0 && header == WireVerdict.NeedMoreData ? WireVerdict.Yes : header;
            if (i == 0 && payloadLength > MaxFirstPayload)
                return WireVerdict.No;
            byte tag = data[0];
            long end = PgsqlWire.HeaderLength + (long)payloadLength;
            if (end > data.Length)
                return i > 0 ? WireVerdict.Yes : InferPartial(frontend, tag, data[PgsqlWire.HeaderLength..]);
            if (!PgsqlWire.IsValidPayload(frontend, tag, data.Slice(PgsqlWire.HeaderLength, payloadLength)))
                return WireVerdict.No;
            data = data[(int)end..];
        }
        return WireVerdict.Yes;
    }

    /// <summary>
    /// The first message has not arrived whole. A long statement (Query, Parse) is judged
    /// on its text so far; anything else waits for the rest.
    /// </summary>
    private static WireVerdict InferPartial(bool frontend, byte tag, ReadOnlySpan<byte> payload)
    {
        if (!frontend || tag is not (PgsqlTags.Query or PgsqlTags.Parse))
            return WireVerdict.NeedMoreData;
        if (tag == PgsqlTags.Parse)
        {
            int nameEnd = payload.IndexOf((byte)0);
            if (nameEnd < 0)
                return payload.Length <= PgsqlWire.MaxNameLength && PgsqlWire.IsText(payload) ? WireVerdict.NeedMoreData : WireVerdict.No;
            payload = payload[(nameEnd + 1)..];
        }
        // A statement's text: no NUL before its end, no control bytes, and enough of it to judge.
        if (payload.IndexOf((byte)0) >= 0 || !PgsqlWire.IsText(payload))
            return WireVerdict.No;
        return payload.Length >= 16 ? WireVerdict.Yes : WireVerdict.NeedMoreData;
    }

    private static bool[] Starts(string tags)
    {
        var starts = new bool[256];
        foreach (char c in tags)
            starts[c] = true;
        return starts;
    }
}
