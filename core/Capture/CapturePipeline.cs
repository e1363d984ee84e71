using Devtools.Core.Capture.SocketTrace;
using Devtools.Core.Connections;
using Devtools.Core.Storage;

namespace Devtools.Core.Capture;

/// <summary>
/// What runs on the capture thread for each decoded event: connection tracking
/// (and through it parsing and stitching into the tables), plus the tables'
/// periodic publish so readers see fresh rows, after appending rows that other
/// threads produced (<see cref="ITableFeed"/>).
/// </summary>
internal sealed class CapturePipeline(ConnectionTracker tracker, TableStore tables, IReadOnlyList<ITableFeed> feeds) : ISocketEventSink
{
    public void OnOpen(in SocketOpen open) => tracker.OnOpen(open);

    public void OnData(in SocketData data, ReadOnlySpan<byte> payload) => tracker.OnData(data, payload);

    public void OnDatagram(in SocketData data, in SocketPeer peer, ReadOnlySpan<byte> payload) => tracker.OnDatagram(data, peer, payload);

    public void OnClose(in SocketClose close) => tracker.OnClose(close);

    public void OnProcessExit(uint pid, long timestampNs) => tracker.OnProcessExit(pid, timestampNs);

    public void OnTick(long nowNs)
    {
        tracker.OnTick(nowNs);
        foreach (ITableFeed feed in feeds)
            feed.Drain();
        tables.Tick();
    }
}
