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
/// <remarks>
/// Held as two words — length, type and flags in one, the stream word (reserved bit
/// included) in the other — that are read and written whole. As five fields the header
/// was built in memory byte by byte and then read back in wider loads, which the CPU
/// cannot forward from narrower stores (about 4% of HTTP/2 parse+stitch time went to
/// that stall, copying each header).
/// </remarks>
public readonly record struct Http2FrameHeader
{
    public const int Size = 9;

    /// <summary>SETTINGS_MAX_FRAME_SIZE's initial value: the largest payload before settings say otherwise.</summary>
    public const int DefaultMaxFrameSize = 16_384;

    /// <summary>The largest payload a frame can declare (2^24 − 1).</summary>
    public const int MaxFrameSizeLimit = (1 << 24) - 1;

    /// <summary>Length (bits 16–39), type (8–15), flags (0–7): the header's first five bytes.</summary>
    private readonly ulong _lengthTypeFlags;

    private readonly uint _stream;

    public Http2FrameHeader(int length, Http2FrameType type, Http2FrameFlags flags, int streamId, bool reservedBit)
    {
        _lengthTypeFlags = ((ulong)(uint)length << 16) | ((ulong)type << 8) | (ulong)flags;
        _stream = ((uint)streamId & 0x7FFF_FFFF) | (reservedBit ? 0x8000_0000 : 0);
    }

    private Http2FrameHeader(ulong lengthTypeFlags, uint stream)
    {
        _lengthTypeFlags = lengthTypeFlags;
        _stream = stream;
    }

    public int Length => (int)(_lengthTypeFlags >> 16);

    public Http2FrameType Type => (Http2FrameType)(byte)(_lengthTypeFlags >> 8);

    public Http2FrameFlags Flags => (Http2FrameFlags)(byte)_lengthTypeFlags;

    public int StreamId => (int)(_stream & 0x7FFF_FFFF);

    /// <summary>The bit before the stream identifier, which senders must leave unset.</summary>
    public bool ReservedBit => (_stream & 0x8000_0000) != 0;

    /// <summary>Reads a header from the first 9 bytes of <paramref name="bytes"/>.</summary>
    public static Http2FrameHeader Read(ReadOnlySpan<byte> bytes) =>
        new(BinaryPrimitives.ReadUInt64BigEndian(bytes) >> 24, BinaryPrimitives.ReadUInt32BigEndian(bytes[5..Size]));

    public bool Has(Http2FrameFlags flag) => (Flags & flag) != 0;

    /// <summary>One of the ten types RFC 9113 defines.</summary>
    public bool IsKnownType => (byte)Type <= (byte)Http2FrameType.Continuation;
}
