using System.Buffers.Binary;

namespace Devtools.Core.Protocols.Http2.Frames;

/// <summary>Frame types of RFC 9113 §6 (others exist as extensions and are skipped).</summary>
public enum Http2FrameType : byte
{
    Data = 0,
    Headers = 1,
    Priority = 2,
    RstStream = 3,
    Settings = 4,
    PushPromise = 5,
    Ping = 6,
    GoAway = 7,
    WindowUpdate = 8,
    Continuation = 9,
}

/// <summary>Frame flags of RFC 9113 §6 (each meaningful only on some types).</summary>
[Flags]
public enum Http2FrameFlags : byte
{
    None = 0,

    /// <summary>DATA, HEADERS: the sender's last frame on the stream. SETTINGS, PING: ACK (same bit).</summary>
    EndStream = 0x1,

    /// <summary>HEADERS, PUSH_PROMISE, CONTINUATION: the header block ends with this frame.</summary>
    EndHeaders = 0x4,

    /// <summary>DATA, HEADERS, PUSH_PROMISE: a pad length byte leads the payload, padding ends it.</summary>
    Padded = 0x8,

    /// <summary>HEADERS: exclusive flag, stream dependency and weight lead the block fragment.</summary>
    Priority = 0x20,
}

/// <summary>The 9-byte frame header of RFC 9113 §4.1.</summary>
public readonly record struct Http2FrameHeader(int Length, Http2FrameType Type, Http2FrameFlags Flags, int StreamId, bool ReservedBit)
{
    public const int Size = 9;

    /// <summary>SETTINGS_MAX_FRAME_SIZE's initial value: the largest payload before settings say otherwise.</summary>
    public const int DefaultMaxFrameSize = 16_384;

    /// <summary>The largest payload a frame can declare (2^24 − 1).</summary>
    public const int MaxFrameSizeLimit = (1 << 24) - 1;

    /// <summary>Reads a header from the first 9 bytes of <paramref name="bytes"/>.</summary>
    public static Http2FrameHeader Read(ReadOnlySpan<byte> bytes)
    {
        int length = (bytes[0] << 16) | (bytes[1] << 8) | bytes[2];
        uint stream = BinaryPrimitives.ReadUInt32BigEndian(bytes[5..]);
        return new Http2FrameHeader(length, (Http2FrameType)bytes[3], (Http2FrameFlags)bytes[4], (int)(stream & 0x7FFF_FFFF), (stream & 0x8000_0000) != 0);
    }

    public bool Has(Http2FrameFlags flag) => (Flags & flag) != 0;

    /// <summary>One of the ten types RFC 9113 defines.</summary>
    public bool IsKnownType => (byte)Type <= (byte)Http2FrameType.Continuation;
}
