using Devtools.Core.Common;
using Devtools.Core.Connections;
using Devtools.Core.Diagnostics;
using Devtools.Core.Protocols;
using Devtools.Core.Storage;

namespace Devtools.Core.Tests.Protocols;

/// <summary>The shared keyed pairing on its own, with frames that are just a key and a time.</summary>
public sealed class KeyedStitcherTests
{
    private readonly ProtocolCounters _counters = new("test");
    private readonly RingQueue<Frame> _requests = new();
    private readonly RingQueue<Frame> _responses = new();
    private readonly ConnectionInfo _connection = new(new ConnectionId(1, 2, 3), new Upid(0, 1, 1));

    [Fact]
    public void Answers_in_any_order_pair_with_their_requests()
    {
        var stitcher = new TestStitcher();
        Request(1, 10);
        Request(2, 20);
        Request(3, 30);
        Response(3, 40);
        Response(1, 50);
        Stitch(stitcher);
        Response(2, 60);
        Stitch(stitcher, endOfStream: true);

        Assert.Equal(["3:30-40", "1:10-50", "2:20-60"], stitcher.Pairs);
        Assert.Equal(3, _counters.Records);
        Assert.True(_requests.IsEmpty && _responses.IsEmpty);
    }

    [Fact]
    public void Repeats_are_dropped_with_the_first_request_answered()
    {
        var stitcher = new TestStitcher { RepeatsByKey = true };
        Request(1, 10);
        Request(2, 15);
        Request(1, 20);
        Response(1, 30);
        Stitch(stitcher);
        Assert.Equal(["1:10-30"], stitcher.Pairs);
        Assert.Equal(1, stitcher.RepeatCount);
        Assert.Equal(1, _requests.Count);
    }

    [Fact]
    public void Unmatched_responses_are_counted_unless_they_wait()
    {
        var stitcher = new TestStitcher();
        Response(9, 10);
        Stitch(stitcher);
        Assert.Equal(1, _counters.UnmatchedResponses);

        var waiting = new TestStitcher { Waits = true };
        Response(8, 20);
        Stitch(waiting);
        Assert.Equal(1, _responses.Count);
        Request(8, 5);
        Stitch(waiting);
        Assert.Equal(["8:5-20"], waiting.Pairs);
    }

    [Fact]
    public void Requests_older_than_the_timeout_are_given_up()
    {
        var stitcher = new TestStitcher { Timeout = 100 };
        Request(1, 10);
        Request(2, 500);
        Response(2, 550);
        Stitch(stitcher);
        Assert.Equal(["2:500-550"], stitcher.Pairs);
        Assert.Equal(1, _counters.UnmatchedRequests);
    }

    private void Request(int key, long ns) => _requests.Enqueue(new Frame { Key = key, StartNs = ns, EndNs = ns });

    private void Response(int key, long ns) => _responses.Enqueue(new Frame { Key = key, StartNs = ns, EndNs = ns });

    private void Stitch(TestStitcher stitcher, bool endOfStream = false) =>
        stitcher.Stitch(_requests, _responses, new StitchContext(_connection, _counters, endOfStream));

    private struct Frame : IFrame
    {
        public int Key;

        public long StartNs { get; set; }

        public long EndNs { get; set; }

        public readonly void Release()
        {
        }
    }

    private sealed class TestStitcher : KeyedStitcher<Frame>
    {
        public List<string> Pairs { get; } = [];

        public bool RepeatsByKey { get; init; }

        public bool Waits { get; init; }

        public long Timeout { get; init; }

        public int RepeatCount { get; private set; }

        protected override long RequestTimeoutNs => Timeout;

        protected override bool Answers(ref Frame response, ref Frame request) => response.Key == request.Key;

        protected override void Write(ref Frame request, ref Frame response, in StitchContext context) =>
            Pairs.Add($"{request.Key}:{request.StartNs}-{response.EndNs}");

        protected override bool Repeats(ref Frame answered, ref Frame later) => RepeatsByKey && answered.Key == later.Key;

        protected override void OnRepeat(ref Frame repeat, in StitchContext context) => RepeatCount++;

        protected override bool WaitsForRequest(ref Frame response, in StitchContext context) => Waits;
    }
}
