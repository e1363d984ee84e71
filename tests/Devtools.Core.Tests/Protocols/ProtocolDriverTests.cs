using Devtools.Core.Common;
using Devtools.Core.Connections;
using Devtools.Core.Diagnostics;
using Devtools.Core.Protocols;
using Devtools.Core.Storage;

namespace Devtools.Core.Tests.Protocols;

/// <summary>
/// The shared driver with a minimal protocol: frames are 0xAA, a length byte, then that
/// many payload bytes, which the parser consumes itself (no SkipAfter) so that holes in
/// them go through <see cref="IFrameParser{TFrame}.AbsorbHole"/>.
/// </summary>
public class ProtocolDriverTests
{
    [Fact]
    public void FrameEndingWithAnAbsorbedHoleCompletesAtTheHole()
    {
        using var test = new DriverTest();
        test.Feed(Direction.Ingress, [0xAA, 3, 1, 2, 3], 100);
        test.Feed(Direction.Egress, [0xAA, 10, 1, 2], 200);
        test.Hole(Direction.Egress, 8, 900);

        // Before the fix the frame waited for the next bytes and then ended at its own start.
        (long start, long end) = Assert.Single(test.Pairs);
        Assert.Equal(100, start);
        Assert.Equal(900, end);
        Assert.Equal(8, test.Counters.AbsorbedHoleBytes);
    }

    [Fact]
    public void HoleLongerThanTheRestOfTheFrameEndsItThenResyncs()
    {
        using var test = new DriverTest();
        test.Feed(Direction.Ingress, [0xAA, 1, 7, 0xAA, 1, 8], 100);
        test.Feed(Direction.Egress, [0xAA, 4, 1], 200);
        // 3 bytes end the frame, 5 more hide the start of the next one.
        test.Hole(Direction.Egress, 8, 300, HoleKind.Lost);
        test.Feed(Direction.Egress, [9, 9, 0xAA, 0, 0xAA], 400);

        Assert.Equal(2, test.Pairs.Count);
        Assert.Equal(300, test.Pairs[0].End);
        Assert.Equal(400, test.Pairs[1].End);
        Assert.Equal(3, test.Counters.AbsorbedHoleBytes);
        Assert.Equal(0, test.Counters.FramesLostToGaps);
        Assert.Equal(1, test.Counters.Resyncs);
        Assert.Equal(2, test.Counters.ResyncSkippedBytes);
    }

    [Fact]
    public void HolePlacedWithTheBytesBeforeItIsHandledInTheSameCall()
    {
        using var test = new DriverTest();
        test.Feed(Direction.Ingress, [0xAA, 0], 100);
        // One truncated event: 3 bytes captured of 6 written.
        test.Connection.Egress.Add(test.Connection.Egress.NextOffset, [0xAA, 4, 1], 6, HoleKind.Filler, 500);
        test.Driver.Process(Direction.Egress);

        Assert.Single(test.Pairs);
        Assert.Equal(3, test.Counters.AbsorbedHoleBytes);
    }

    [Fact]
    public void BytesAParserWaitsOnBeforeAHoleAreDroppedAndParsingResumesAfterIt()
    {
        using var test = new DriverTest();
        // 0xBB frames are parsed only once whole: the parser leaves a partial one unconsumed.
        test.Feed(Direction.Ingress, [0xBB, 4, 1], 100);
        test.Hole(Direction.Ingress, 2, 200, HoleKind.Lost);
        test.Feed(Direction.Ingress, [0xAA, 1, 9], 300);
        test.Feed(Direction.Egress, [0xAA, 0], 400);
        Assert.Equal([(300L, 400L)], test.Pairs);
        Assert.Equal(3, test.Counters.ResyncSkippedBytes);
        Assert.Equal(1, test.Counters.Resyncs);
    }

    [Fact]
    public void FrameCutShortByTheCloseIsCounted()
    {
        using var test = new DriverTest();
        test.Feed(Direction.Ingress, [0xAA, 5, 1, 2], 100);
        test.Driver.Close();
        Assert.Equal(1, test.Counters.IncompleteFramesAtClose);
        Assert.Contains(test.Capture.Snapshot(), c => c.Key == "test.incomplete_frames_at_close" && c.Value == 1);
    }

    [Fact]
    public void BytesKeptForResynchronisationBeforeAHoleDoNotStallTheStream()
    {
        using var test = new DriverTest();
        test.Feed(Direction.Ingress, [0xAA, 0], 100);
        // Garbage: resynchronisation keeps its last byte in case a boundary starts there...
        test.Feed(Direction.Egress, [9, 9], 200);
        // ...but a hole follows, so nothing can start there any more.
        test.Hole(Direction.Egress, 4, 300, HoleKind.Lost);
        test.Feed(Direction.Egress, [0xAA, 0], 400);

        (long start, long end) = Assert.Single(test.Pairs);
        Assert.Equal(100, start);
        Assert.Equal(400, end);
    }

    [Fact]
    public void AParserWaitingForBytesThatAHoleReplacedGivesTheFrameUp()
    {
        using var test = new DriverTest(wholeFrames: true);
        test.Feed(Direction.Ingress, [0xAA, 0], 100);
        test.Feed(Direction.Egress, [0xAA, 5, 1, 2], 200);
        test.Hole(Direction.Egress, 3, 300, HoleKind.Lost);
        test.Feed(Direction.Egress, [0xAA, 1, 7], 400);

        (long start, long end) = Assert.Single(test.Pairs);
        Assert.Equal(400, end);
        Assert.Equal(1, test.Counters.FramesLostToGaps);
        Assert.Equal(4, test.Counters.ResyncSkippedBytes);
    }

    [Fact]
    public void SpecificCountersAppearInTheSnapshot()
    {
        var counters = new CaptureCounters();
        counters.Protocol("test").Specific("widgets").Value += 3;
        Assert.Contains(counters.Snapshot(), c => c.Key == "test.widgets" && c.Value == 3);
    }

    private sealed class DriverTest : IDisposable
    {
        public DriverTest(bool wholeFrames = false)
        {
            var info = new ConnectionInfo(new ConnectionId(1, 2, 3), new Upid(0, 1, 1)) { Role = ConnectionRole.Server };
            Connection = new Connection(info, new DataStreamOptions(), Capture);
            var services = new ProtocolServices(Capture, new ProtocolOptions(), new NoSinks());
            Driver = new ProtocolDriver<TestFrame>("test", Connection, new TestParser(wholeFrames), new TestParser(wholeFrames), new PairStitcher(Pairs), services);
            Counters = Capture.Protocol("test");
        }

        public CaptureCounters Capture { get; } = new();

        public ProtocolCounters Counters { get; }

        public Connection Connection { get; }

        public ProtocolDriver<TestFrame> Driver { get; }

        public List<(long Start, long End)> Pairs { get; } = [];

        public void Feed(Direction direction, byte[] bytes, long ts)
        {
            DataStream stream = Connection.Stream(direction);
            stream.Add(stream.NextOffset, bytes, bytes.Length, HoleKind.Filler, ts);
            Driver.Process(direction);
        }

        public void Hole(Direction direction, long length, long ts, HoleKind kind = HoleKind.Filler)
        {
            DataStream stream = Connection.Stream(direction);
            stream.Add(stream.NextOffset, default, length, kind, ts);
            Driver.Process(direction);
        }

        public void Dispose()
        {
            Driver.Dispose();
            Connection.Dispose();
        }
    }

    public struct TestFrame : IFrame
    {
        public long StartNs { get; set; }

        public long EndNs { get; set; }

        public readonly void Release()
        {
        }
    }

    /// <param name="wholeFrames">Consume nothing until a whole frame is readable (as parsers that want a head in one piece do).</param>
    private sealed class TestParser(bool wholeFrames) : IFrameParser<TestFrame>
    {
        private int _headerBytes;
        private int _remaining;

        public int MaxBoundaryLength => 1;

        public ParseResult Parse(ReadOnlySpan<byte> data, ref TestFrame frame, in ParseContext<TestFrame> context)
        {
            if (wholeFrames && _headerBytes == 0 && (data.Length < 2 || data.Length < 2 + data[1]))
                return data.Length > 0 && data[0] != 0xAA ? ParseResult.Invalid() : ParseResult.NeedMoreData();
            int pos = 0;
            if (_headerBytes == 0 && !data.IsEmpty && data[0] == 0xBB)
                return data.Length >= 2 && data.Length >= 2 + data[1] ? ParseResult.Complete(2 + data[1]) : ParseResult.NeedMoreData();
            if (_headerBytes == 0)
            {
                if (data.IsEmpty)
                    return ParseResult.NeedMoreData();
                if (data[0] != 0xAA)
                    return ParseResult.Invalid();
                _headerBytes = 1;
                pos = 1;
            }
            if (_headerBytes == 1)
            {
                if (pos == data.Length)
                    return ParseResult.NeedMoreData(pos);
                _remaining = data[pos++];
                _headerBytes = 2;
            }
            int take = Math.Min(_remaining, data.Length - pos);
            _remaining -= take;
            pos += take;
            if (_remaining > 0)
                return ParseResult.NeedMoreData(pos);
            Reset();
            return ParseResult.Complete(pos);
        }

        public long AbsorbHole(long count, ref TestFrame frame)
        {
            if (_headerBytes < 2)
                return 0;
            long absorbed = Math.Min(count, _remaining);
            _remaining -= (int)absorbed;
            return absorbed;
        }

        public int FindFrameBoundary(ReadOnlySpan<byte> data, in ParseContext<TestFrame> context) => data.IndexOfAny((byte)0xAA, (byte)0xBB);

        public bool TryCompleteAtEndOfStream(ref TestFrame frame) => false;

        public void Reset()
        {
            _headerBytes = 0;
            _remaining = 0;
        }
    }

    private sealed class PairStitcher(List<(long, long)> pairs) : IStitcher<TestFrame>
    {
        public void Stitch(RingQueue<TestFrame> requests, RingQueue<TestFrame> responses, in StitchContext context)
        {
            while (!requests.IsEmpty && !responses.IsEmpty)
            {
                TestFrame request = requests.Dequeue();
                TestFrame response = responses.Dequeue();
                pairs.Add((request.StartNs, response.EndNs));
            }
        }
    }

    private sealed class NoSinks : IRecordSinks
    {
        public TSink? Find<TSink>()
            where TSink : class => null;
    }
}
