using System.Text;
using Devtools.Core.Connections;
using Devtools.Core.Protocols;
using Devtools.Core.Protocols.Http;
using Devtools.Core.Storage;
using Devtools.Core.Storage.Schemas;
using Devtools.Core.Storage.Tables;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;

namespace Devtools.Core.Profiling.EventPipe.Requests;

/// <summary>
/// Writes the requests a Kestrel server handles as http_events rows, from the runtime's
/// own events rather than from sockets: latencies for a .NET process where eBPF is not
/// available (no root, a locked-down kernel). Hand one to
/// <see cref="ManagedProfilerOptions.Requests"/>; the session feeds it on its event thread.
/// </summary>
/// <remarks>
/// <para>A row is the server's view (trace_role 2): Kestrel's RequestStart (request head
/// parsed) and RequestStop (response completed) give method, path, HTTP version and the
/// latency; ConnectionStart gives the endpoints; a TLS handshake marks the row encrypted
/// (the events are above TLS); ASP.NET Core's EndRequest gives status and query string
/// when <see cref="ManagedRequestRecorderOptions.StatusFromDiagnosticSource"/> is on.
/// Headers and bodies are not in these events: headers are "{}", body sizes 0.</para>
/// <para>time_ is RequestStop; latency is RequestStop − RequestStart, which starts after
/// the request head arrived, so it is a little shorter than what eBPF or the client
/// measures. Requests already running when the session started have no RequestStart and
/// are counted, not written.</para>
/// </remarks>
public sealed class ManagedRequestRecorder
{
    private readonly IHttpTransactionSink _sink;
    private readonly Table? _table;
    private readonly ManagedRequestRecorderOptions _options;
    private readonly Dictionary<ulong, PendingRequest> _requests = [];
    private readonly Queue<ulong> _parked = new();
    private readonly Stack<PendingRequest> _pool = new();
    private readonly Dictionary<ulong, ConnectionInfo> _connections = [];
    private readonly Queue<ulong> _connectionOrder = new();
    private readonly EventClock _clock = new();
    private byte[] _method = new byte[16];
    private byte[] _target = new byte[256];
    private ConnectionInfo? _unknownConnection;
    private Upid _upid;
    private uint _pid;
    private bool _bound;
    private long _lastSweepMs;

    private long _rows;
    private long _rowsWithoutStatus;
    private long _stopsWithoutStart;
    private long _skippedPending;
    private long _forgottenConnections;

    public ManagedRequestRecorder(IHttpTransactionSink sink, ManagedRequestRecorderOptions? options = null)
        : this(sink, null, options)
    {
    }

    private ManagedRequestRecorder(IHttpTransactionSink sink, Table? table, ManagedRequestRecorderOptions? options)
    {
        ArgumentNullException.ThrowIfNull(sink);
        _sink = sink;
        _table = table;
        _options = options ?? new ManagedRequestRecorderOptions();
    }

    /// <summary>
    /// Writes into an http_events table through <see cref="HttpEventsTableSink"/>, and
    /// publishes it as rows arrive (the recorder is then that table's writer).
    /// </summary>
    public static ManagedRequestRecorder ForTable(Table<HttpEventsBuilder> table, ProtocolOptions? protocolOptions = null, ManagedRequestRecorderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        return new ManagedRequestRecorder(new HttpEventsTableSink(table, protocolOptions ?? new ProtocolOptions()), table, options);
    }

    public ManagedRequestRecorderOptions Options => _options;

    /// <summary>Counters so far (read from any thread; values are only roughly simultaneous).</summary>
    public ManagedRequestCounters Counters => new(
        Volatile.Read(ref _rows),
        Volatile.Read(ref _rowsWithoutStatus),
        Volatile.Read(ref _stopsWithoutStart),
        Volatile.Read(ref _skippedPending),
        Volatile.Read(ref _forgottenConnections));

    internal IEnumerable<EventPipeProvider> Providers()
    {
        yield return KestrelEvents.Kestrel;
        if (_options.StatusFromDiagnosticSource)
            yield return KestrelEvents.DiagnosticSource;
    }

    /// <summary>Ties the recorder to the one process it records; a recorder serves one session.</summary>
    internal void Bind(uint pid, Upid upid)
    {
        ThrowIfBound();
        _bound = true;
        _pid = pid;
        _upid = upid;
        _unknownConnection = NewConnection(0);
    }

    internal void ThrowIfBound()
    {
        if (_bound)
            throw new InvalidOperationException("This ManagedRequestRecorder already records another session: create one per session.");
    }

    /// <summary>One event of the session (any provider); called on the session's event thread.</summary>
    internal unsafe void OnEvent(TraceEvent data)
    {
        Guid provider = data.ProviderGuid;
        if (provider == KestrelEvents.KestrelGuid || provider == KestrelEvents.DiagnosticSourceGuid)
        {
            var payload = new ReadOnlySpan<byte>((void*)data.DataStart, data.EventDataLength);
            if (provider == KestrelEvents.KestrelGuid)
                OnKestrel((int)data.ID, payload, data);
            else
                OnDiagnosticSource(payload);
        }
        Sweep(force: false);
    }

    /// <summary>Writes what is still waiting for a status and makes every row visible: the session is ending.</summary>
    internal void Flush()
    {
        while (_parked.Count > 0)
            Expire(_parked.Dequeue());
        _table?.Seal();
    }

    private void OnKestrel(int id, ReadOnlySpan<byte> payload, TraceEvent data)
    {
        var reader = new EventPayloadReader(payload);
        if (!reader.TryReadString(out ReadOnlySpan<char> connectionId))
            return;
        switch (id)
        {
            case KestrelEvents.RequestStart:
                if (reader.TryReadString(out ReadOnlySpan<char> startedId))
                    OnRequestStart(RequestFields.Key(startedId), _clock.ToMonotonicNs(data));
                break;
            case KestrelEvents.RequestStop:
                if (reader.TryReadString(out ReadOnlySpan<char> requestId)
                    && reader.TryReadString(out ReadOnlySpan<char> version)
                    && reader.TryReadString(out ReadOnlySpan<char> path)
                    && reader.TryReadString(out ReadOnlySpan<char> method))
                {
                    OnRequestStop(RequestFields.Key(requestId), RequestFields.Key(connectionId), version, path, method, _clock.ToMonotonicNs(data));
                }
                break;
            case KestrelEvents.ConnectionStart:
                if (reader.TryReadString(out ReadOnlySpan<char> local) && reader.TryReadString(out ReadOnlySpan<char> remote))
                    OnConnectionStart(RequestFields.Key(connectionId), local, remote);
                break;
            case KestrelEvents.ConnectionStop:
                _connections.Remove(RequestFields.Key(connectionId));
                break;
            case KestrelEvents.TlsHandshakeStart:
                if (_connections.TryGetValue(RequestFields.Key(connectionId), out ConnectionInfo? tls))
                    tls.Encrypted = true;
                break;
        }
    }

    private void OnRequestStart(ulong key, long startNs)
    {
        if (_requests.Remove(key, out PendingRequest? stale))
            Return(stale);
        if (_requests.Count >= _options.MaxPendingRequests)
        {
            Increment(ref _skippedPending);
            return;
        }
        PendingRequest request = _pool.TryPop(out PendingRequest? pooled) ? pooled : new PendingRequest();
        request.StartNs = startNs;
        _requests[key] = request;
    }

    private void OnRequestStop(ulong key, ulong connectionKey, ReadOnlySpan<char> version, ReadOnlySpan<char> path, ReadOnlySpan<char> method, long stopNs)
    {
        if (!_requests.TryGetValue(key, out PendingRequest? request))
        {
            Increment(ref _stopsWithoutStart);
            return;
        }
        request.Stopped = true;
        request.StopNs = stopNs;
        request.ConnectionKey = connectionKey;
        (request.MajorVersion, request.MinorVersion) = RequestFields.Version(version);
        request.Method = RequestFields.Method(method);
        request.Path = path.ToString();
        if (request.HasStatus || !_options.StatusFromDiagnosticSource)
        {
            Complete(key, request);
            return;
        }
        request.ParkedAtMs = Environment.TickCount64;
        _parked.Enqueue(key);
    }

    /// <summary>EndRequest: SourceName, EventName, then [Key, Value] pairs (TraceIdentifier, StatusCode, QueryString).</summary>
    private void OnDiagnosticSource(ReadOnlySpan<byte> payload)
    {
        var reader = new EventPayloadReader(payload);
        if (!reader.TryReadString(out ReadOnlySpan<char> source) || !source.SequenceEqual(KestrelEvents.AspNetCoreSource)
            || !reader.TryReadString(out ReadOnlySpan<char> name) || !name.SequenceEqual(KestrelEvents.EndRequestEvent)
            || !reader.TryReadUInt16(out ushort count))
        {
            return;
        }
        PendingRequest? request = null;
        ulong key = 0;
        int status = 0;
        ReadOnlySpan<char> query = default;
        for (int i = 0; i < count; i++)
        {
            if (!reader.TryReadString(out ReadOnlySpan<char> field) || !reader.TryReadString(out ReadOnlySpan<char> value))
                return;
            if (field.SequenceEqual("TraceIdentifier"))
            {
                key = RequestFields.Key(value);
                _requests.TryGetValue(key, out request);
            }
            else if (field.SequenceEqual("StatusCode"))
            {
                _ = int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out status);
            }
            else if (field.SequenceEqual("QueryString"))
            {
                query = value;
            }
        }
        // Requests that started before the session have no entry: nothing to complete.
        if (request is null)
            return;
        request.Status = status;
        request.HasStatus = true;
        request.Query = query.IsEmpty ? string.Empty : query.ToString();
        if (request.Stopped)
            Complete(key, request);
    }

    private void OnConnectionStart(ulong key, ReadOnlySpan<char> local, ReadOnlySpan<char> remote)
    {
        if (_connections.Count >= _options.MaxConnections)
        {
            // Long-lived connections outnumbering the cap lose their endpoints first-in, first-out.
            while (_connections.Count >= _options.MaxConnections && _connectionOrder.TryDequeue(out ulong oldest))
            {
                if (_connections.Remove(oldest))
                    Increment(ref _forgottenConnections);
            }
        }
        ConnectionInfo info = NewConnection(key);
        (info.LocalAddress, info.LocalPort) = RequestFields.Endpoint(local);
        (info.RemoteAddress, info.RemotePort) = RequestFields.Endpoint(remote);
        _connections[key] = info;
        _connectionOrder.Enqueue(key);
        if (_connectionOrder.Count > 2 * _options.MaxConnections)
            TrimConnectionOrder();
    }

    private void TrimConnectionOrder()
    {
        // Keys of closed connections linger in the order queue; drop them so it stays bounded.
        int n = _connectionOrder.Count;
        for (int i = 0; i < n; i++)
        {
            ulong key = _connectionOrder.Dequeue();
            if (_connections.ContainsKey(key))
                _connectionOrder.Enqueue(key);
        }
    }

    private ConnectionInfo NewConnection(ulong key) => new(new ConnectionId(_pid, -1, key), _upid) { Role = ConnectionRole.Server };

    private void Sweep(bool force)
    {
        long now = Environment.TickCount64;
        if (!force && now - _lastSweepMs < 100)
            return;
        _lastSweepMs = now;
        long waitMs = (long)_options.StatusWait.TotalMilliseconds;
        while (_parked.TryPeek(out ulong key))
        {
            if (_requests.TryGetValue(key, out PendingRequest? request) && request.Stopped && now - request.ParkedAtMs < waitMs)
                break;
            _parked.Dequeue();
            Expire(key);
        }
        _table?.Tick();
    }

    /// <summary>A parked request whose status never came: written with status 0.</summary>
    private void Expire(ulong key)
    {
        if (_requests.TryGetValue(key, out PendingRequest? request) && request.Stopped)
        {
            Increment(ref _rowsWithoutStatus);
            Complete(key, request);
        }
    }

    private void Complete(ulong key, PendingRequest request)
    {
        _requests.Remove(key);
        Write(request);
        Return(request);
    }

    private void Write(PendingRequest request)
    {
        int methodLength = Encode(request.Method, string.Empty, ref _method);
        int targetLength = Encode(request.Path, request.Query, ref _target);
        var transaction = new HttpTransaction
        {
            Connection = _connections.GetValueOrDefault(request.ConnectionKey) ?? _unknownConnection!,
            RequestStartNs = request.StartNs,
            ResponseEndNs = request.StopNs,
            MajorVersion = request.MajorVersion,
            MinorVersion = request.MinorVersion,
            Method = _method.AsSpan(0, methodLength),
            Target = _target.AsSpan(0, targetLength),
            Status = request.Status,
        };
        _sink.Write(transaction);
        Increment(ref _rows);
        if (_table is not null && (_rows & 63) == 0)
            _table.Tick();
    }

    private static int Encode(string first, string second, ref byte[] buffer)
    {
        int needed = Encoding.UTF8.GetMaxByteCount(first.Length + second.Length);
        if (buffer.Length < needed)
            buffer = new byte[Math.Max(needed, buffer.Length * 2)];
        int written = Encoding.UTF8.GetBytes(first, buffer);
        return written + Encoding.UTF8.GetBytes(second, buffer.AsSpan(written));
    }

    /// <summary>Single writer, any reader: a volatile store is enough, no interlocked operation needed.</summary>
    private static void Increment(ref long counter) => Volatile.Write(ref counter, counter + 1);

    private void Return(PendingRequest request)
    {
        request.Clear();
        if (_pool.Count < 1024)
            _pool.Push(request);
    }
}
