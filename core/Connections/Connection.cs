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
}
