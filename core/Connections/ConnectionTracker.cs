using Devtools.Core.Capture.SocketTrace;
using Devtools.Core.Diagnostics;
using Devtools.Core.Metadata;
using Devtools.Core.Protocols;

namespace Devtools.Core.Connections;

/// <summary>Bounds and timings of connection tracking.</summary>
public sealed record ConnectionTrackerOptions
{
    public DataStreamOptions Streams { get; init; } = new();

    /// <summary>Connections tracked at once; the least recently active are evicted beyond this.</summary>
    public int MaxConnections { get; init; } = 16384;

    /// <summary>A connection with no traffic for this long is forgotten (its close may have been lost).</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Events per connection that inference may look at before giving up on it.</summary>
    public int MaxInferenceAttempts { get; init; } = 16;

    /// <summary>Bytes inference may wait for when a protocol says it needs more to decide.</summary>
    public int MaxInferenceBytes { get; init; } = 1024;

    /// <summary>A UDP flow (one peer of a socket) with no datagram for this long is closed.</summary>
    public TimeSpan DatagramFlowIdleTimeout { get; init; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// Turns socket events into per-connection streams and hands them to protocols:
/// creates a <see cref="Connection"/> on open (or on the first data of a socket
/// opened before capture), places data by offset, infers the protocol from the
/// first bytes, and closes connections on close, process exit or idleness.
/// </summary>
public sealed class ConnectionTracker : ISocketEventSink, IDisposable
{
    private const int UdpTransport = 17;

    private readonly Dictionary<ConnectionId, Connection> _connections = [];
    private readonly Dictionary<FlowKey, Connection> _flows = [];
    private readonly Dictionary<ConnectionId, HashSet<FlowKey>> _flowsBySocket = [];
    private readonly HashSet<Connection> _withPendingGaps = [];
    private readonly ProtocolRegistry _protocols;
    private readonly ProtocolServices _services;
    private readonly ProcessRegistry _processes;
    private readonly ConnectionTrackerOptions _options;
    private readonly CaptureCounters _counters;
    private long _lastSweepNs;

    public ConnectionTracker(ProtocolRegistry protocols, ProtocolServices services, ProcessRegistry processes, ConnectionTrackerOptions? options = null)
    {
        _protocols = protocols;
        _services = services;
        _processes = processes;
        _options = options ?? new ConnectionTrackerOptions();
        _counters = services.Counters;
    }

    /// <summary>Raised on the capture thread when a process that had tracked connections is gone.</summary>
    public event Action<uint>? ProcessExited;

    public int Count => _connections.Count + _flows.Count;

    public void OnOpen(in SocketOpen open)
    {
        _counters.OpenEvents++;
        _counters.Events++;
        if (_connections.Remove(open.Id, out Connection? stale))
            CloseConnection(stale);
        Connection connection = Create(open.Id, open.TimestampNs);
        ConnectionInfo info = connection.Info;
        info.Role = open.Role;
        info.AddressFamily = open.AddressFamily;
        info.LocalAddress = open.LocalAddress;
        info.LocalPort = open.LocalPort;
        info.RemoteAddress = open.RemoteAddress;
        info.RemotePort = open.RemotePort;
        info.Transport = open.Transport;
    }

    public void OnData(in SocketData data, ReadOnlySpan<byte> payload)
    {
        _counters.Events++;
        _counters.DataEvents++;
        _counters.CapturedBytes += payload.Length;
        if (!_connections.TryGetValue(data.Id, out Connection? connection))
        {
            // Its open event was lost (ring buffer full): track it with what we know.
            _counters.ConnectionsWithoutOpen++;
            connection = Create(data.Id, data.TimestampNs);
        }
        connection.LastActivityNs = data.TimestampNs;
        if (connection.State == ConnectionState.Ignored)
        {
            _counters.UnknownProtocolBytes += data.Length;
            return;
        }

        DataStream stream = connection.Stream(data.Direction);
        HoleKind fillerKind = data.IsTruncated ? HoleKind.Truncated : HoleKind.Filler;
        stream.Add(data.StreamOffset, data.IsFiller ? default : payload, data.Length, fillerKind, data.TimestampNs);
        if (stream.HasPending)
            _withPendingGaps.Add(connection);

        if (connection.State == ConnectionState.Inferring)
            Infer(connection, data.Direction);
        else
            connection.Protocol!.Process(data.Direction);
    }

    /// <summary>
    /// A UDP datagram goes to the flow of its socket and peer: a DNS server's one
    /// socket answers many clients, and each client's queries pair only with the
    /// answers sent back to it. Flows are created on the first datagram.
    /// </summary>
    public void OnDatagram(in SocketData data, in SocketPeer peer, ReadOnlySpan<byte> payload)
    {
        _counters.Events++;
        _counters.DataEvents++;
        _counters.CapturedBytes += payload.Length;
        if (!_connections.TryGetValue(data.Id, out Connection? socket))
        {
            _counters.ConnectionsWithoutOpen++;
            socket = Create(data.Id, data.TimestampNs);
            socket.Info.Transport = UdpTransport;
        }
        socket.LastActivityNs = data.TimestampNs;
        // The kernel's offsets count the socket's datagrams to every peer: the socket keeps
        // the tally, each flow places its datagrams one after the other.
        socket.CountDatagram(data.Direction, data.StreamOffset, data.Length);
        var key = new FlowKey(data.Id, peer.Address, peer.Port);
        if (!_flows.TryGetValue(key, out Connection? flow))
            flow = CreateFlow(key, socket, peer, data.TimestampNs);
        flow.LastActivityNs = data.TimestampNs;
        if (flow.State == ConnectionState.Ignored)
        {
            _counters.UnknownProtocolBytes += data.Length;
            return;
        }

        // Datagrams have no stream offsets between them: each one follows the last.
        DataStream stream = flow.Stream(data.Direction);
        long offset = stream.NextOffset;
        stream.Add(offset, payload, payload.Length, HoleKind.Filler, data.TimestampNs);
        if (data.Length > payload.Length)
            stream.Add(offset + payload.Length, default, data.Length - payload.Length, HoleKind.Truncated, data.TimestampNs);

        if (flow.State == ConnectionState.Inferring)
            Infer(flow, data.Direction);
        else
            flow.Protocol!.Process(data.Direction);
    }

    public void OnClose(in SocketClose close)
    {
        _counters.Events++;
        _counters.CloseEvents++;
        CloseFlowsOf(close.Id);
        if (!_connections.Remove(close.Id, out Connection? connection))
            return;
        if (connection.Info.Transport == UdpTransport)
        {
            // Its bytes went to its flows, not to its (empty) streams: only datagrams whose
            // events never came are missing from the kernel's counts.
            CountMissingDatagrams(connection, close.BytesSent, close.BytesReceived);
        }
        else
        {
            connection.Egress.EndAt(close.BytesSent, close.TimestampNs);
            connection.Ingress.EndAt(close.BytesReceived, close.TimestampNs);
        }
        CloseConnection(connection);
    }

    public void OnProcessExit(uint pid, long timestampNs)
    {
        _counters.Events++;
        var gone = new List<ConnectionId>();
        foreach (ConnectionId id in _connections.Keys)
        {
            if (id.Pid == pid)
                gone.Add(id);
        }
        foreach (ConnectionId id in gone)
        {
            CloseFlowsOf(id);
            if (_connections.Remove(id, out Connection? connection))
                CloseConnection(connection);
        }
        _processes.Forget(pid);
        if (gone.Count > 0)
            ProcessExited?.Invoke(pid);
    }

    public void OnTick(long nowNs)
    {
        if (_withPendingGaps.Count > 0)
        {
            foreach (Connection connection in _withPendingGaps.ToArray())
            {
                foreach (Direction direction in (ReadOnlySpan<Direction>)[Direction.Egress, Direction.Ingress])
                {
                    DataStream stream = connection.Stream(direction);
                    if (!stream.HasPending)
                        continue;
                    stream.ResolveGaps(nowNs, force: false);
                    if (connection.State == ConnectionState.Parsing)
                        connection.Protocol!.Process(direction);
                }
                if (!connection.Egress.HasPending && !connection.Ingress.HasPending)
                    _withPendingGaps.Remove(connection);
            }
        }
        if (nowNs - _lastSweepNs > 1_000_000_000)
        {
            _lastSweepNs = nowNs;
            EvictIdle(nowNs);
            if (_flows.Count > 0)
                EvictIdleFlows(nowNs);
        }
    }

    /// <summary>Ends every connection as if it closed now (capture is stopping).</summary>
    public void Flush()
    {
        foreach (Connection flow in _flows.Values)
            CloseConnection(flow);
        _flows.Clear();
        _flowsBySocket.Clear();
        foreach (Connection connection in _connections.Values)
            CloseConnection(connection);
        _connections.Clear();
        _withPendingGaps.Clear();
    }

    public void Dispose()
    {
        foreach (Connection connection in _connections.Values.Concat(_flows.Values))
            connection.Dispose();
        _connections.Clear();
        _flows.Clear();
        _flowsBySocket.Clear();
    }

    private Connection CreateFlow(FlowKey key, Connection socket, in SocketPeer peer, long timestampNs)
    {
        if (_flows.Count >= _options.MaxConnections)
            EvictLeastRecentlyActiveFlows();
        ConnectionInfo parent = socket.Info;
        var info = new ConnectionInfo(key.Socket, parent.Upid)
        {
            OpenedAtNs = timestampNs,
            // A connected UDP socket is a client; an unconnected one gets its role from inference.
            Role = parent.Role,
            AddressFamily = peer.AddressFamily,
            LocalAddress = parent.LocalAddress,
            LocalPort = parent.LocalPort,
            RemoteAddress = peer.Address,
            RemotePort = peer.Port,
            Transport = UdpTransport,
        };
        var flow = new Connection(info, _options.Streams, _counters, datagrams: true) { LastActivityNs = timestampNs };
        _flows[key] = flow;
        if (!_flowsBySocket.TryGetValue(key.Socket, out HashSet<FlowKey>? siblings))
            _flowsBySocket[key.Socket] = siblings = [];
        siblings.Add(key);
        _counters.ConnectionsOpened++;
        return flow;
    }

    /// <summary>Closes the flows of a socket that is gone (an index, so TCP closes cost nothing here).</summary>
    private void CloseFlowsOf(ConnectionId socket)
    {
        if (!_flowsBySocket.Remove(socket, out HashSet<FlowKey>? keys))
            return;
        foreach (FlowKey key in keys)
        {
            if (_flows.Remove(key, out Connection? flow))
                CloseConnection(flow);
        }
    }

    private void EvictIdleFlows(long nowNs)
    {
        long limit = (long)_options.DatagramFlowIdleTimeout.TotalNanoseconds;
        List<FlowKey>? idle = null;
        foreach ((FlowKey key, Connection flow) in _flows)
        {
            if (nowNs - flow.LastActivityNs > limit)
                (idle ??= []).Add(key);
        }
        if (idle is not null)
            EvictFlows(idle);
    }

    /// <summary>At the cap: the least recently active sixteenth goes, like connections (not every flow at once).</summary>
    private void EvictLeastRecentlyActiveFlows()
    {
        int toEvict = Math.Max(1, _options.MaxConnections / 16);
        EvictFlows([.. _flows.OrderBy(kv => kv.Value.LastActivityNs).Take(toEvict).Select(kv => kv.Key)]);
    }

    private void EvictFlows(List<FlowKey> keys)
    {
        foreach (FlowKey key in keys)
        {
            if (!_flows.Remove(key, out Connection? flow))
                continue;
            if (_flowsBySocket.TryGetValue(key.Socket, out HashSet<FlowKey>? siblings) && siblings.Remove(key) && siblings.Count == 0)
                _flowsBySocket.Remove(key.Socket);
            _counters.ConnectionsEvicted++;
            CloseConnection(flow);
        }
    }

    /// <summary>One peer of one UDP socket.</summary>
    private readonly record struct FlowKey(ConnectionId Socket, string PeerAddress, int PeerPort);

    private Connection Create(ConnectionId id, long timestampNs)
    {
        if (_connections.Count >= _options.MaxConnections)
            EvictLeastRecentlyActive();
        var info = new ConnectionInfo(id, _processes.GetUpid(id.Pid)) { OpenedAtNs = timestampNs };
        var connection = new Connection(info, _options.Streams, _counters) { LastActivityNs = timestampNs };
        _connections[id] = connection;
        _counters.ConnectionsOpened++;
        return connection;
    }

    private void Infer(Connection connection, Direction direction)
    {
        DataStream stream = connection.Stream(direction);
        // Holes at the very start tell nothing about the protocol.
        while (stream.TryPeekHole(out Hole hole))
            stream.ConsumeHole(hole.Length);
        ReadOnlySpan<byte> data = stream.Readable;
        if (data.IsEmpty)
            return;

        ProtocolTransports transport = connection.IsDatagram ? ProtocolTransports.Udp : ProtocolTransports.Tcp;
        ProtocolMatch? match = _protocols.Infer(data, direction, connection.Info.Role, transport, out bool needMoreData);
        if (match is { } m)
        {
            ConnectionInfo info = connection.Info;
            if (info.Role == ConnectionRole.Unknown)
            {
                // Requests leave clients: a request seen going out means we are the client.
                bool requestGoingOut = (m.Kind == MessageKind.Request) == (direction == Direction.Egress);
                info.Role = requestGoingOut ? ConnectionRole.Client : ConnectionRole.Server;
                info.RoleInferred = true;
            }
            connection.Attach(m.Protocol.Attach(connection, _services));
            // The other direction may already hold bytes; parse both.
            connection.Protocol!.Process(direction.Opposite());
            connection.Protocol!.Process(direction);
            return;
        }
        // A datagram is whole: waiting would only stall the datagrams queued behind it.
        if (needMoreData && !connection.IsDatagram && data.Length < _options.MaxInferenceBytes)
            return;

        // Not a message start we know: drop these bytes and try the next event.
        _counters.UnknownProtocolBytes += data.Length;
        stream.Consume(data.Length);
        connection.InferenceAttempts++;
        if (connection.InferenceAttempts >= _options.MaxInferenceAttempts)
        {
            _counters.UnknownProtocolConnections++;
            connection.Ignore();
        }
    }

    /// <summary>
    /// Counts as lost the datagram bytes of a UDP socket that the kernel accounted and no
    /// event brought (<paramref name="sent"/> and <paramref name="received"/> are its counts
    /// at close, 0 when it did not close). There is no stream to put a hole in: the flow
    /// they belonged to is unknown.
    /// </summary>
    private void CountMissingDatagrams(Connection socket, long sent, long received)
    {
        foreach ((Direction direction, long final) in (ReadOnlySpan<(Direction, long)>)[(Direction.Egress, sent), (Direction.Ingress, received)])
        {
            long missing = socket.TakeMissingDatagramBytes(direction, final);
            if (missing > 0)
            {
                _counters.LostBytes += missing;
                _counters.LostGaps++;
            }
        }
    }

    private void CloseConnection(Connection connection)
    {
        if (connection.Info.Transport == UdpTransport && !connection.IsDatagram)
            CountMissingDatagrams(connection, 0, 0);
        _withPendingGaps.Remove(connection);
        connection.Egress.ResolveGaps(long.MaxValue, force: true);
        connection.Ingress.ResolveGaps(long.MaxValue, force: true);
        connection.Protocol?.Close();
        connection.Dispose();
        _counters.ConnectionsClosed++;
    }

    private void EvictIdle(long nowNs)
    {
        long limit = (long)_options.IdleTimeout.TotalNanoseconds;
        List<ConnectionId>? idle = null;
        foreach ((ConnectionId id, Connection connection) in _connections)
        {
            if (nowNs - connection.LastActivityNs > limit)
                (idle ??= []).Add(id);
        }
        if (idle is null)
            return;
        foreach (ConnectionId id in idle)
        {
            if (_connections.Remove(id, out Connection? connection))
            {
                _counters.ConnectionsEvicted++;
                CloseFlowsOf(id);
                CloseConnection(connection);
            }
        }
    }

    private void EvictLeastRecentlyActive()
    {
        // Rare (only at the cap): a linear scan beats keeping an LRU list on every event.
        int toEvict = Math.Max(1, _options.MaxConnections / 16);
        foreach (ConnectionId id in _connections.OrderBy(kv => kv.Value.LastActivityNs).Take(toEvict).Select(kv => kv.Key).ToList())
        {
            if (_connections.Remove(id, out Connection? connection))
            {
                _counters.ConnectionsEvicted++;
                CloseFlowsOf(id);
                CloseConnection(connection);
            }
        }
    }
}
