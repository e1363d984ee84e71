using Devtools.Core.Common;
using Devtools.Core.Connections;
using Devtools.Core.Diagnostics;

namespace Devtools.Core.Protocols;

/// <summary>
/// Pairs requests with responses and turns each pair into a record. Called by the
/// driver each time a frame completes and when the connection ends. The stitcher
/// dequeues (and releases) every frame it consumes; frames it leaves stay queued.
/// </summary>
public interface IStitcher<TFrame>
    where TFrame : struct, IFrame
{
    void Stitch(RingQueue<TFrame> requests, RingQueue<TFrame> responses, in StitchContext context);
}

/// <summary>What a stitcher knows besides the frames.</summary>
public readonly struct StitchContext(ConnectionInfo connection, ProtocolCounters counters, bool endOfStream)
{
    public ConnectionInfo Connection { get; } = connection;

    public ProtocolCounters Counters { get; } = counters;

    /// <summary>The connection is gone: nothing more will arrive for these queues.</summary>
    public bool EndOfStream { get; } = endOfStream;
}
