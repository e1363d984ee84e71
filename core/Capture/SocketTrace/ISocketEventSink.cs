using Devtools.Core.Connections;

namespace Devtools.Core.Capture.SocketTrace;

/// <summary>A connection became known: connect, accept, or first data on an older socket.</summary>
public readonly record struct SocketOpen(
    ConnectionId Id,
    long TimestampNs,
    ConnectionRole Role,
    int AddressFamily,
    string LocalAddress,
    int LocalPort,
    string RemoteAddress,
    int RemotePort,
    int Transport = 6);

/// <summary>
/// Bytes one syscall moved, or a part of them. A filler stands for
/// <see cref="Length"/> bytes that were moved but not captured.
/// </summary>
public readonly record struct SocketData(
    ConnectionId Id,
    long TimestampNs,
    Direction Direction,
    long StreamOffset,
    long Length,
    TracedSyscall Syscall,
    bool IsFiller,
    bool IsTruncated);

/// <summary>The other end of one UDP datagram.</summary>
public readonly record struct SocketPeer(int AddressFamily, string Address, int Port);

/// <summary>A tracked socket was closed (or its fd reused); the final stream lengths tell trailing losses.</summary>
public readonly record struct SocketClose(ConnectionId Id, long TimestampNs, long BytesSent, long BytesReceived);

/// <summary>
/// Receives decoded socket events on the capture thread, in ring-buffer order.
/// The payload span is only valid during the call.
/// </summary>
public interface ISocketEventSink
{
    void OnOpen(in SocketOpen open);

    void OnData(in SocketData data, ReadOnlySpan<byte> payload);

    /// <summary>
    /// One UDP datagram (<see cref="SocketData.Length"/> bytes, of which
    /// <paramref name="payload"/> was captured) sent to or received from <paramref name="peer"/>.
    /// </summary>
    void OnDatagram(in SocketData data, in SocketPeer peer, ReadOnlySpan<byte> payload);

    void OnClose(in SocketClose close);

    void OnProcessExit(uint pid, long timestampNs);

    /// <summary>Called on the capture thread between polls (about every 100 ms): time-based work goes here.</summary>
    void OnTick(long nowNs);
}
