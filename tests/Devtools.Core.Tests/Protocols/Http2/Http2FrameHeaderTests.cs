using Devtools.Core.Protocols.Http2.Frames;

namespace Devtools.Core.Tests.Protocols.Http2;

/// <summary>The frame header packs its fields into two words: every field must read back as sent.</summary>
public class Http2FrameHeaderTests
{
    [Theory]
    [InlineData("000000040000000000", 0, Http2FrameType.Settings, Http2FrameFlags.None, 0, false)]
    [InlineData("00012c012500000003", 300, Http2FrameType.Headers, (Http2FrameFlags)0x25, 3, false)]
    [InlineData("ffffff00ff7fffffff", (1 << 24) - 1, Http2FrameType.Data, (Http2FrameFlags)0xff, int.MaxValue, false)]
    [InlineData("0000080ba280000001", 8, (Http2FrameType)0x0b, (Http2FrameFlags)0xa2, 1, true)]
    public void ReadsEveryField(string hex, int length, Http2FrameType type, Http2FrameFlags flags, int stream, bool reserved)
    {
        var header = Http2FrameHeader.Read(Convert.FromHexString(hex));
        Assert.Equal(length, header.Length);
        Assert.Equal(type, header.Type);
        Assert.Equal(flags, header.Flags);
        Assert.Equal(stream, header.StreamId);
        Assert.Equal(reserved, header.ReservedBit);
        Assert.Equal(new Http2FrameHeader(length, type, flags, stream, reserved), header);
    }
}
