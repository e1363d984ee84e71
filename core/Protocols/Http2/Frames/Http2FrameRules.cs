namespace Devtools.Core.Protocols.Http2.Frames;

/// <summary>
/// What RFC 9113 allows a frame header to say, per type: the strict test that lets us
/// believe a run of bytes is HTTP/2 framing when we did not see it start (inference on
/// a connection opened before capture, resynchronisation after lost bytes).
/// </summary>
internal static class Http2FrameRules
{
    /// <summary>
    /// True when <paramref name="header"/> is a frame a conforming peer could send: a
    /// defined type, only that type's flags, the reserved bit clear, a payload within
    /// <paramref name="maxFrameSize"/>, the stream id the type requires (0 or not) and
    /// the fixed lengths of fixed-size frames.
    /// </summary>
    public static bool IsPlausible(in Http2FrameHeader header, int maxFrameSize)
    {
        if (header.ReservedBit || !header.IsKnownType || header.Length > maxFrameSize)
            return false;
        byte flags = (byte)header.Flags;
        bool onStream = header.StreamId != 0;
        return header.Type switch
        {
            Http2FrameType.Data => onStream && (flags & ~0x09) == 0,
            Http2FrameType.Headers => onStream && (flags & ~0x2D) == 0,
            Http2FrameType.Priority => onStream && flags == 0 && header.Length == 5,
            Http2FrameType.RstStream => onStream && flags == 0 && header.Length == 4,
            Http2FrameType.Settings => !onStream && (flags & ~0x01) == 0 && header.Length % 6 == 0 && (flags == 0 || header.Length == 0),
            Http2FrameType.PushPromise => onStream && (flags & ~0x0C) == 0 && header.Length >= 4,
            Http2FrameType.Ping => !onStream && (flags & ~0x01) == 0 && header.Length == 8,
            Http2FrameType.GoAway => !onStream && flags == 0 && header.Length >= 8,
            Http2FrameType.WindowUpdate => (flags == 0) && header.Length == 4,
            Http2FrameType.Continuation => onStream && (flags & ~0x04) == 0,
            _ => false,
        };
    }

    /// <summary>
    /// Whether <paramref name="data"/> starts with HTTP/2 frames: plausible headers whose
    /// lengths chain from one to the next. Believed once two frames chain, or once the
    /// frames end exactly where the bytes do (a write of whole frames). A CONTINUATION
    /// must follow a header block that has not ended, and cannot come first.
    /// </summary>
    public static SequenceVerdict CheckSequence(ReadOnlySpan<byte> data, int maxFrameSize)
    {
        int pos = 0;
        int frames = 0;
        int openBlockStream = 0;
        while (true)
        {
            if (pos == data.Length && frames > 0)
                return SequenceVerdict.Plausible;
            if (data.Length - pos < Http2FrameHeader.Size)
                return frames >= 2 ? SequenceVerdict.Plausible : SequenceVerdict.NeedMoreData;
            var header = Http2FrameHeader.Read(data[pos..]);
            if (!IsPlausible(header, maxFrameSize))
                return SequenceVerdict.Implausible;
            bool continuation = header.Type == Http2FrameType.Continuation;
            if (continuation != (openBlockStream != 0) || (continuation && header.StreamId != openBlockStream))
                return SequenceVerdict.Implausible;
            if (header.Type is Http2FrameType.Headers or Http2FrameType.PushPromise or Http2FrameType.Continuation)
                openBlockStream = header.Has(Http2FrameFlags.EndHeaders) ? 0 : header.StreamId;
            frames++;
            if (frames >= 2)
                return SequenceVerdict.Plausible;
            pos += Http2FrameHeader.Size + header.Length;
            if (pos > data.Length)
                return SequenceVerdict.NeedMoreData;
        }
    }
}

/// <summary>What <see cref="Http2FrameRules.CheckSequence"/> concluded.</summary>
internal enum SequenceVerdict : byte
{
    Implausible,
    NeedMoreData,
    Plausible,
}
