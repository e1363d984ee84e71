using System.Text;
using Devtools.Core.Connections;
using Devtools.Core.Diagnostics;

namespace Devtools.Core.Tests.Connections;

public sealed class DataStreamTests
{
    private readonly CaptureCounters _counters = new();

    private DataStream NewStream(DataStreamOptions? options = null) => new(options ?? new DataStreamOptions(), _counters);

    private static byte[] B(string s) => Encoding.ASCII.GetBytes(s);

    private static void Add(DataStream stream, long offset, string text, long ts = 1) =>
        stream.Add(offset, B(text), text.Length, HoleKind.Filler, ts);

    [Fact]
    public void In_order_events_are_contiguous()
    {
        using DataStream s = NewStream();
        Add(s, 0, "hello ");
        Add(s, 6, "world");
        Assert.Equal("hello world", Encoding.ASCII.GetString(s.Readable));
        Assert.Equal(11, s.NextOffset);
    }

    [Fact]
    public void Out_of_order_events_are_placed_by_offset()
    {
        using DataStream s = NewStream();
        Add(s, 6, "world", ts: 2);
        Assert.True(s.Readable.IsEmpty);
        Assert.True(s.HasPending);
        Add(s, 0, "hello ", ts: 1);
        Assert.Equal("hello world", Encoding.ASCII.GetString(s.Readable));
        Assert.False(s.HasPending);
        Assert.Equal(1, _counters.OutOfOrderEvents);
        Assert.Equal(1, s.TimestampAt(0));
        Assert.Equal(2, s.TimestampAt(6));
    }

    [Fact]
    public void Duplicates_and_overlaps_are_trimmed()
    {
        using DataStream s = NewStream();
        Add(s, 0, "abcdef");
        Add(s, 0, "abc");
        Add(s, 4, "efgh");
        Assert.Equal("abcdefgh", Encoding.ASCII.GetString(s.Readable));
        Assert.Equal(2, _counters.DuplicateEvents);
    }

    [Fact]
    public void Filler_becomes_a_hole_of_exact_length()
    {
        using DataStream s = NewStream();
        Add(s, 0, "head");
        s.Add(4, default, 1000, HoleKind.Filler, 5);
        Add(s, 1004, "tail");
        Assert.Equal("head", Encoding.ASCII.GetString(s.Readable));
        s.Consume(4);
        Assert.True(s.TryPeekHole(out Hole hole));
        Assert.Equal(1000, hole.Length);
        Assert.Equal(HoleKind.Filler, hole.Kind);
        s.ConsumeHole(1000);
        Assert.Equal(1004, s.HeadOffset);
        Assert.Equal("tail", Encoding.ASCII.GetString(s.Readable));
        Assert.Equal(1000, _counters.FillerBytes);
    }

    [Fact]
    public void A_gap_that_never_fills_is_declared_lost_after_the_wait()
    {
        using DataStream s = NewStream(new DataStreamOptions { GapWaitNs = 100 });
        Add(s, 0, "ab", ts: 10);
        Add(s, 10, "zz", ts: 20);
        s.ResolveGaps(nowNs: 50, force: false);
        Assert.True(s.HasPending);
        s.ResolveGaps(nowNs: 1000, force: false);
        Assert.False(s.HasPending);
        s.Consume(2);
        Assert.True(s.TryPeekHole(out Hole hole));
        Assert.Equal(HoleKind.Lost, hole.Kind);
        Assert.Equal(8, hole.Length);
        s.ConsumeHole(8);
        Assert.Equal("zz", Encoding.ASCII.GetString(s.Readable));
        Assert.Equal(8, _counters.LostBytes);
    }

    [Fact]
    public void Close_with_a_longer_stream_than_seen_counts_the_tail_as_lost()
    {
        using DataStream s = NewStream();
        Add(s, 0, "abc");
        s.EndAt(10, 99);
        Assert.Equal(7, _counters.LostBytes);
    }

    [Fact]
    public void Buffer_never_grows_past_its_cap()
    {
        using DataStream s = NewStream(new DataStreamOptions { MaxBufferBytes = 64, InitialBufferBytes = 16 });
        for (int i = 0; i < 100; i++)
            Add(s, i * 10L, "0123456789");
        Assert.True(s.BufferedBytes <= 64);
        Assert.True(_counters.BufferOverflowBytes > 0);
        // What was dropped is a hole, so stream offsets stay right.
        long total = s.BufferedBytes;
        while (s.TryPeekHole(out Hole h))
        {
            total += h.Length;
            s.ConsumeHole(h.Length);
        }
        Assert.Equal(1000, s.HeadOffset + s.BufferedBytes);
    }

    [Fact]
    public void Consumed_space_is_reused()
    {
        using DataStream s = NewStream(new DataStreamOptions { InitialBufferBytes = 16, MaxBufferBytes = 32 });
        for (int i = 0; i < 1000; i++)
        {
            Add(s, i * 10L, "0123456789");
            s.Consume(s.Readable.Length);
        }
        Assert.Equal(0, _counters.BufferOverflowBytes);
        Assert.Equal(10000, s.HeadOffset);
    }
}
