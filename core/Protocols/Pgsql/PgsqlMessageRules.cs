namespace Devtools.Core.Protocols.Pgsql;

/// <summary>What a parser does with one message type.</summary>
internal enum PgsqlMessageClass : byte
{
    /// <summary>Not a message of this direction: the bytes are not PostgreSQL here.</summary>
    Invalid,

    /// <summary>A frame of its own, its payload kept up to <see cref="PgsqlMessageRule.Keep"/> bytes.</summary>
    Frame,

    /// <summary>
    /// Part of whatever frame follows (DataRow and CopyData before CommandComplete): its
    /// payload is stepped over, never kept, and a result of a million rows stays one frame.
    /// </summary>
    Fold,

    /// <summary>Belongs to no request (notices, parameter status, authentication): skipped, or folded while a frame is under way.</summary>
    Skip,
}

/// <summary>How one message type is framed: its class, the payload lengths it may have, and how much of it to keep.</summary>
internal readonly record struct PgsqlMessageRule(PgsqlMessageClass Class, int MinPayload, int MaxPayload, int Keep)
{
    public bool IsValid => Class != PgsqlMessageClass.Invalid;

    public bool Accepts(long payloadLength) => payloadLength >= MinPayload && payloadLength <= MaxPayload;
}

/// <summary>
/// The message types of each direction (protocol.html "Message Formats") and their
/// framing rules. Lengths are payload lengths: the length field minus its own 4 bytes.
/// </summary>
internal static class PgsqlMessageRules
{
    /// <summary>PostgreSQL refuses messages of 1 GiB and more (MaxAllocSize).</summary>
    public const int MaxPayload = (1 << 30) - 4;

    /// <summary>Bytes kept of a statement's text or a Bind message; the rest is stepped over.</summary>
    public const int MaxStatementBytes = 4096;

    /// <summary>Bytes kept of an ErrorResponse (severity, code and message come first).</summary>
    public const int MaxErrorBytes = 2048;

    /// <summary>Bytes kept of short messages: command tags, portal and statement names.</summary>
    public const int MaxShortBytes = 256;

    private static readonly PgsqlMessageRule[] FrontendRules = BuildFrontend();
    private static readonly PgsqlMessageRule[] BackendRules = BuildBackend();

    public static PgsqlMessageRule Frontend(byte tag) => FrontendRules[tag];

    public static PgsqlMessageRule Backend(byte tag) => BackendRules[tag];

    public static PgsqlMessageRule For(bool frontend, byte tag) => frontend ? FrontendRules[tag] : BackendRules[tag];

    private static PgsqlMessageRule[] BuildFrontend()
    {
        var rules = new PgsqlMessageRule[256];
        Frame(rules, PgsqlTags.Query, 1, MaxStatementBytes);
        // name\0 query\0 int16 count (then the parameter type oids).
        Frame(rules, PgsqlTags.Parse, 4, MaxStatementBytes);
        // portal\0 statement\0 int16 formats, int16 values, int16 result formats at least.
        Frame(rules, PgsqlTags.Bind, 8, MaxStatementBytes);
        // portal\0 int32 max rows.
        Frame(rules, PgsqlTags.Execute, 5, MaxShortBytes);
        // 'S' or 'P', then a name\0.
        Frame(rules, PgsqlTags.Describe, 2, MaxShortBytes);
        Frame(rules, PgsqlTags.Close, 2, MaxShortBytes);
        Frame(rules, PgsqlTags.Sync, 0, 0, max: 0);
        // int32 function oid, int16 formats, int16 arguments, int16 result format at least.
        Frame(rules, PgsqlTags.FunctionCall, 10, MaxShortBytes);
        // CopyDone and CopyFail end a run of CopyData: the run is folded into them.
        Frame(rules, PgsqlTags.CopyDone, 0, 0, max: 0);
        Frame(rules, PgsqlTags.CopyFail, 1, 0);
        rules[PgsqlTags.CopyData] = new(PgsqlMessageClass.Fold, 0, MaxPayload, 0);
        // Nobody answers these.
        rules[PgsqlTags.Flush] = new(PgsqlMessageClass.Skip, 0, 0, 0);
        rules[PgsqlTags.Terminate] = new(PgsqlMessageClass.Skip, 0, 0, 0);
        rules[PgsqlTags.Password] = new(PgsqlMessageClass.Skip, 1, MaxPayload, 0);
        return rules;
    }

    private static PgsqlMessageRule[] BuildBackend()
    {
        var rules = new PgsqlMessageRule[256];
        // The transaction status byte is kept (inline) so the frame ends with its message, with no byte left to skip.
        Frame(rules, PgsqlTags.ReadyForQuery, 1, 1, max: 1);
        Frame(rules, PgsqlTags.CommandComplete, 1, MaxShortBytes);
        Frame(rules, PgsqlTags.ErrorResponse, 1, MaxErrorBytes);
        // Acknowledgements (ParseComplete, BindComplete, CloseComplete, and RowDescription or
        // NoData answering Describe) carry nothing to show: they are folded into the frame that
        // follows as counts, which the stitcher hands to the requests they answer. A pipeline's
        // answer is then a few frames, not one per message.
        rules[PgsqlTags.ParseComplete] = new(PgsqlMessageClass.Fold, 0, 0, 0);
        rules[PgsqlTags.BindComplete] = new(PgsqlMessageClass.Fold, 0, 0, 0);
        rules[PgsqlTags.CloseComplete] = new(PgsqlMessageClass.Fold, 0, 0, 0);
        rules[PgsqlTags.NoData] = new(PgsqlMessageClass.Fold, 0, 0, 0);
        rules[PgsqlTags.RowDescription] = new(PgsqlMessageClass.Fold, 2, MaxPayload, 0);
        Frame(rules, PgsqlTags.PortalSuspended, 0, 0, max: 0);
        Frame(rules, PgsqlTags.EmptyQueryResponse, 0, 0, max: 0);
        // int16 count, then int32 oids: keep the types of up to 64 parameters.
        Frame(rules, PgsqlTags.ParameterDescription, 2, 2 + (4 * 64));
        // int8 format, int16 columns, int16 formats.
        Frame(rules, PgsqlTags.CopyInResponse, 3, 0);
        Frame(rules, PgsqlTags.CopyOutResponse, 3, 0);
        Frame(rules, PgsqlTags.CopyBothResponse, 3, 0);
        Frame(rules, PgsqlTags.FunctionCallResponse, 4, 0);
        rules[PgsqlTags.DataRow] = new(PgsqlMessageClass.Fold, 2, MaxPayload, 0);
        rules[PgsqlTags.CopyData] = new(PgsqlMessageClass.Fold, 0, MaxPayload, 0);
        rules[PgsqlTags.CopyDone] = new(PgsqlMessageClass.Fold, 0, 0, 0);
        rules[PgsqlTags.Authentication] = new(PgsqlMessageClass.Skip, 4, MaxPayload, 0);
        rules[PgsqlTags.ParameterStatus] = new(PgsqlMessageClass.Skip, 2, MaxPayload, 0);
        // Protocol 3.2 lets the cancel key grow to 256 bytes.
        rules[PgsqlTags.BackendKeyData] = new(PgsqlMessageClass.Skip, 8, 4 + 256, 0);
        rules[PgsqlTags.NoticeResponse] = new(PgsqlMessageClass.Skip, 1, MaxPayload, 0);
        rules[PgsqlTags.NotificationResponse] = new(PgsqlMessageClass.Skip, 6, MaxPayload, 0);
        rules[PgsqlTags.NegotiateProtocolVersion] = new(PgsqlMessageClass.Skip, 8, MaxPayload, 0);
        return rules;
    }

    private static void Frame(PgsqlMessageRule[] rules, byte tag, int min, int keep, int max = MaxPayload) =>
        rules[tag] = new(PgsqlMessageClass.Frame, min, max, keep);
}
