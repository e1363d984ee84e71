namespace Devtools.Core.Protocols.Http2.Frames;

/// <summary>
/// A <see cref="ParseResult"/> packed into one word, for passing between the frame
/// parser's steps. A 16-byte result struct goes through memory at every return and is
/// read back whole right after being written in halves, which stalls the CPU (a failed
/// store-to-load forward) at each of the several levels a frame passes through; one
/// word stays in a register. Converted back once, where the driver gets it.
/// </summary>
internal readonly struct Http2StepResult
{
    // Bits 0–31: bytes consumed; 32–34: the status; 35–63: bytes to skip after the frame
    // (at most a frame's payload, under 2^24).
    private readonly ulong _bits;

    private Http2StepResult(ParseStatus status, int consumed, long skipAfter) =>
        _bits = (uint)consumed | ((ulong)status << 32) | ((ulong)skipAfter << 35);

    public ParseStatus Status => (ParseStatus)((_bits >> 32) & 0x7);

    public int Consumed => (int)(uint)_bits;

    public long SkipAfter => (long)(_bits >> 35);

    public static Http2StepResult NeedMoreData(int consumed = 0) => new(ParseStatus.NeedMoreData, consumed, 0);

    public static Http2StepResult Progress(int consumed) => new(ParseStatus.Progress, consumed, 0);

    public static Http2StepResult Skipped(int consumed) => new(ParseStatus.Skipped, consumed, 0);

    public static Http2StepResult Complete(int consumed, long skipAfter = 0) => new(ParseStatus.FrameComplete, consumed, skipAfter);

    public static Http2StepResult Invalid(int consumed = 0) => new(ParseStatus.Invalid, consumed, 0);

    public ParseResult ToParseResult() => new(Status, Consumed, SkipAfter);
}
