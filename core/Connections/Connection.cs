using Devtools.Core.Diagnostics;
using Devtools.Core.Protocols;

namespace Devtools.Core.Connections;

/// <summary>Where a connection is in its life as far as parsing goes.</summary>
public enum ConnectionState : byte
{
    /// <summary>Protocol not known yet: bytes are kept until inference decides.</summary>
    Inferring,

    /// <summary>A protocol is attached and parses every byte.</summary>
    Parsing,

    /// <summary>No protocol matched (or the protocol ended, e.g. after an upgrade): bytes are counted, not kept.</summary>
    Ignored,
}

/// <summary>
/// One tracked connection: what is known about its ends, a reassembled stream per
/// direction, and the protocol parsing them once inference has named it.
/// </summary>
public sealed class Connection : IDisposable
{
    private DatagramTally _egressDatagrams;
    private DatagramTally _ingressDatagrams;

    public Connection(ConnectionInfo info, DataStreamOptions streamOptions, CaptureCounters counters, bool datagrams = false)
    {
        Info = info;
        Egress = new DataStream(streamOptions, counters, datagrams);
        Ingress = new DataStream(streamOptions, counters, datagrams);
    }

    /// <summary>A UDP flow: one peer of a UDP socket, its datagrams kept whole.</summary>
    public bool IsDatagram => Egress.IsDatagram;

    public ConnectionInfo Info { get; }

    public DataStream Egress { get; }

    public DataStream Ingress { get; }

    public ConnectionState State { get; set; }

    public IConnectionProtocol? Protocol { get; private set; }

    /// <summary>Events whose first bytes inference has looked at without a match.</summary>
    public int InferenceAttempts { get; set; }

    /// <summary>Kernel monotonic ns of the newest event.</summary>
    public long LastActivityNs { get; set; }

    public DataStream Stream(Direction direction) => direction == Direction.Egress ? Egress : Ingress;

    /// <summary>
    /// A UDP socket's datagrams go to its flows, never to its own streams; the socket only
    /// keeps, per direction, the bytes its datagrams carried and the kernel's stream offset
    /// past the last of them, so what never arrived can be told at the end.
    /// </summary>
    public void CountDatagram(Direction direction, long streamOffset, long length)
    {
        ref DatagramTally tally = ref Tally(direction);
        tally.Seen += length;
        tally.End = Math.Max(tally.End, streamOffset + length);
    }

    /// <summary>
    /// Datagram bytes the kernel accounted in <paramref name="direction"/> that no event
    /// brought (ring buffer full), up to <paramref name="finalOffset"/> (the socket's byte
    /// count at close; 0 when unknown) or the end of the last datagram seen. Each missing
    /// byte is reported once.
    /// </summary>
    public long TakeMissingDatagramBytes(Direction direction, long finalOffset)
    {
        ref DatagramTally tally = ref Tally(direction);
        long end = Math.Max(finalOffset, tally.End);
        long missing = end - tally.Seen;
        if (missing <= 0)
            return 0;
        tally.Seen = end;
        return missing;
    }

    public void Attach(IConnectionProtocol protocol)
    {
        Protocol = protocol;
        State = ConnectionState.Parsing;
    }

    /// <summary>Stops parsing: the protocol's state is dropped and later bytes are only counted.</summary>
    public void Ignore()
    {
        Protocol?.Dispose();
        Protocol = null;
        State = ConnectionState.Ignored;
    }

    public void Dispose()
    {
        Protocol?.Dispose();
        Protocol = null;
        Egress.Dispose();
        Ingress.Dispose();
    }

    private ref DatagramTally Tally(Direction direction) => ref direction == Direction.Egress ? ref _egressDatagrams : ref _ingressDatagrams;

    private struct DatagramTally
    {
        public long Seen;
        public long End;
    }
}
