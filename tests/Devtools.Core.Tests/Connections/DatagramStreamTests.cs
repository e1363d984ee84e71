using System.Text;
using Devtools.Core.Connections;
using Devtools.Core.Diagnostics;

namespace Devtools.Core.Tests.Connections;

/// <summary>A <see cref="DataStream"/> in datagram mode: each Add is one datagram and Readable never crosses one.</summary>
public sealed class DatagramStreamTests
{
    private readonly CaptureCounters _counters = new();

    private DataStream NewStream() => new(new DataStreamOptions(), _counters, datagrams: true);

    private static void AddDatagram(DataStream stream, string text, long ts) =>
        stream.Add(stream.NextOffset, Encoding.ASCII.GetBytes(text), text.Length, HoleKind.Filler, ts);

    private static string Read(DataStream stream) => Encoding.ASCII.GetString(stream.Readable);

    [Fact]
    public void Readable_stops_at_the_end_of_the_head_datagram()
    {
        using DataStream s = NewStream();
        AddDatagram(s, "first", 1);
        AddDatagram(s, "second", 2);
        AddDatagram(s, "third", 2);
        Assert.Equal("first", Read(s));
        s.Consume(5);
        Assert.Equal("second", Read(s));
        Assert.Equal(2, s.TimestampAt(0));
        s.Consume(6);
        Assert.Equal("third", Read(s));
        s.Consume(5);
        Assert.True(s.IsEmpty);
    }

    [Fact]
    public void A_datagram_after_the_stream_drained_is_readable()
    {
        using DataStream s = NewStream();
        AddDatagram(s, "query", 1);
        s.Consume(5);
        AddDatagram(s, "retry", 2);
        Assert.Equal("retry", Read(s));
        Assert.Equal(2, s.TimestampAt(0));
        s.Consume(5);
        AddDatagram(s, "again", 3);
        AddDatagram(s, "more", 4);
        Assert.Equal("again", Read(s));
        s.Consume(5);
        Assert.Equal("more", Read(s));
        Assert.Equal(4, s.TimestampAt(0));
    }

    [Fact]
    public void A_datagram_partly_consumed_stays_bounded_by_its_end()
    {
        using DataStream s = NewStream();
        AddDatagram(s, "abcdef", 1);
        AddDatagram(s, "ghi", 2);
        s.Consume(2);
        Assert.Equal("cdef", Read(s));
        s.Consume(4);
        Assert.Equal("ghi", Read(s));
    }

    [Fact]
    public void A_truncated_datagram_is_its_captured_bytes_then_a_hole()
    {
        using DataStream s = NewStream();
        s.Add(0, Encoding.ASCII.GetBytes("head"), 4, HoleKind.Filler, 1);
        s.Add(4, default, 100, HoleKind.Truncated, 1);
        AddDatagram(s, "next", 2);
        Assert.Equal("head", Read(s));
        s.Consume(4);
        Assert.True(s.TryPeekHole(out Hole hole));
        Assert.Equal(100, hole.Length);
        Assert.Equal(HoleKind.Truncated, hole.Kind);
        s.ConsumeHole(100);
        Assert.Equal("next", Read(s));
        Assert.Equal(2, s.TimestampAt(0));
    }
}
