namespace Devtools.Core.Protocols;

/// <summary>What a parser did with the bytes at the head of a stream.</summary>
public enum ParseStatus : byte
{
    /// <summary>Cannot go on until more bytes arrive (it may still have consumed some).</summary>
    NeedMoreData,

    /// <summary>Consumed bytes of a frame that is not finished yet; call again.</summary>
    Progress,

    /// <summary>Consumed bytes that belong to no frame (handshakes, keep-alives); call again.</summary>
    Skipped,

    /// <summary>The frame is whole, or whole once <see cref="ParseResult.SkipAfter"/> further bytes pass.</summary>
    FrameComplete,

    /// <summary>These bytes are not this protocol at this position: resynchronise.</summary>
    Invalid,
}

/// <summary>
/// A parser's answer: its status, how many bytes of the given span it used, and
/// for a completed frame how many more stream bytes belong to it without being
/// needed (a body beyond the kept prefix). The driver discards those as they
/// arrive, stepping over holes as well, and only then completes the frame.
/// </summary>
public readonly record struct ParseResult(ParseStatus Status, int Consumed, long SkipAfter = 0)
{
    public static ParseResult NeedMoreData(int consumed = 0) => new(ParseStatus.NeedMoreData, consumed);

    public static ParseResult Progress(int consumed) => new(ParseStatus.Progress, consumed);

    public static ParseResult Skipped(int consumed) => new(ParseStatus.Skipped, consumed);

    public static ParseResult Complete(int consumed, long skipAfter = 0) => new(ParseStatus.FrameComplete, consumed, skipAfter);

    public static ParseResult Invalid(int consumed = 0) => new(ParseStatus.Invalid, consumed);
}
