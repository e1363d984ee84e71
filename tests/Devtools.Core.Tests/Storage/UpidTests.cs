using Devtools.Core.Storage;

namespace Devtools.Core.Tests.Storage;

public sealed class UpidTests
{
    [Fact]
    public void HighAndLowPackAsidPidAndStartTime()
    {
        var upid = new Upid(Asid: 3, Pid: 1234, StartTimeTicks: 987654321);

        Assert.Equal((3UL << 32) | 1234UL, upid.High);
        Assert.Equal(987654321UL, upid.Low);
        Assert.Equal(upid, Upid.FromHighLow(upid.High, upid.Low));
    }

    [Fact]
    public void TextFormIsPixies()
    {
        var upid = new Upid(1, 4321, 5678);

        Assert.Equal("1:4321:5678", upid.ToString());
        Assert.Equal(upid, Upid.Parse("1:4321:5678"));
    }

    [Fact]
    public void TextRoundTripsAtTheExtremes()
    {
        var upid = new Upid(uint.MaxValue, uint.MaxValue, ulong.MaxValue);

        string text = upid.ToString();

        Assert.Equal(Upid.MaxTextLength, text.Length);
        Assert.Equal(upid, Upid.Parse(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("1:2")]
    [InlineData("1:2:3:4")]
    [InlineData("a:2:3")]
    [InlineData("-1:2:3")]
    [InlineData("1: 2:3")]
    [InlineData("4294967296:2:3")]
    public void RejectsMalformedText(string text)
    {
        Assert.False(Upid.TryParse(text.AsSpan(), out _));
        Assert.Throws<FormatException>(() => Upid.Parse(text));
    }

    [Fact]
    public void BinaryFormIsBigEndianHighThenLow()
    {
        var upid = new Upid(0x01020304, 0x05060708, 0x090A0B0C0D0E0F10);
        byte[] bytes = new byte[16];

        upid.WriteBigEndian(bytes);

        Assert.Equal(Enumerable.Range(1, 16).Select(i => (byte)i).ToArray(), bytes);
        Assert.Equal(upid, Upid.ReadBigEndian(bytes));
    }

    [Fact]
    public void EqualityIsByValue()
    {
        Assert.Equal(new Upid(1, 2, 3), new Upid(1, 2, 3));
        Assert.True(new Upid(1, 2, 3) == new Upid(1, 2, 3));
        Assert.NotEqual(new Upid(1, 2, 3), new Upid(1, 2, 4));
        Assert.Equal(new Upid(1, 2, 3).GetHashCode(), new Upid(1, 2, 3).GetHashCode());
    }

    [Fact]
    public void FormatsToUtf8WithoutAllocating()
    {
        var upid = new Upid(0, 42, 99);
        Span<byte> buffer = stackalloc byte[Upid.MaxTextLength];

        Assert.True(upid.TryFormat(buffer, out int written, default, null));
        Assert.Equal("0:42:99"u8.ToArray(), buffer[..written].ToArray());
    }
}
