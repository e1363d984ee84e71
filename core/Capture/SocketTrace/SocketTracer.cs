using System.Net;
using System.Runtime.InteropServices;
using Devtools.Core.Capture.Bpf;
using Devtools.Core.Common;
using Devtools.Core.Connections;

namespace Devtools.Core.Capture.SocketTrace;

/// <summary>Settings of the kernel side of socket capture.</summary>
public sealed record SocketTracerOptions
{
    /// <summary>Trace only this process (0: every process on the node).</summary>
    public int TargetPid { get; init; }

    /// <summary>Never trace the capturing process itself (its own API traffic, say).</summary>
    public bool ExcludeSelf { get; init; } = true;

    /// <summary>Size of the kernel→user ring buffer; a power of two, at least a page.</summary>
    public int RingBufferBytes { get; init; } = 16 << 20;

    /// <summary>
    /// Bytes captured per syscall; the rest of a larger call becomes a filler whose
    /// length is exact, so parsers can step over it inside a body.
    /// </summary>
    public int MaxBytesPerCall { get; init; } = 128 * 1024;

    /// <summary>
    /// The kernel wakes the reader once this much is queued (default: a quarter of
    /// the ring); below that the reader drains on its poll timer. Waking per event
    /// would cost every traced syscall about a microsecond.
    /// </summary>
    public int? WakeupBytes { get; init; }

    /// <summary>
    /// Nice value of the reader thread (which also parses). Ahead of the traced
    /// processes by default: when they keep every CPU busy, a reader at their
    /// priority falls behind and the ring overflows (measured: nginx under wrk on
    /// 2 CPUs lost 87,376 events in 5 s at nice 0). The CPU it takes is the
    /// capture's real cost either way; 0 keeps the process's own priority.
    /// </summary>
    public int ReaderNice { get; init; } = -10;

    /// <summary>How often the reader drains the ring without a wakeup, and ticks time-based work.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(10);

    /// <summary>Connections the kernel side tracks at once (an LRU map).</summary>
    public int MaxKernelConnections { get; init; } = 65536;

    public void Validate()
    {
        if (RingBufferBytes < 4096 || (RingBufferBytes & (RingBufferBytes - 1)) != 0)
            throw new ArgumentException($"The ring buffer size must be a power of two of at least 4096 bytes, not {RingBufferBytes}.");
        if (MaxBytesPerCall is < 0 or > 1 << 20)
            throw new ArgumentException($"Bytes captured per call must be between 0 and 1 MiB, not {MaxBytesPerCall}.");
        if (TargetPid < 0)
            throw new ArgumentException($"A pid is a positive number, not {TargetPid}.");
    }
}

/// <summary>
/// Loads bpf/socket_trace.bpf.c, attaches it to the syscall tracepoints and reads
/// its ring buffer on a dedicated thread, decoding each record for an
/// <see cref="ISocketEventSink"/> (which runs on that thread too).
/// </summary>
public sealed unsafe class SocketTracer : IRingBufferConsumer, IDisposable
{
    private readonly SocketTracerOptions _options;
    private readonly ISocketEventSink _sink;
    private BpfObject? _object;
    private BpfRingBuffer? _ring;
    private Thread? _thread;
    private volatile bool _stopping;
    private long _malformed;

    public SocketTracer(SocketTracerOptions options, ISocketEventSink sink)
    {
        options.Validate();
        _options = options;
        _sink = sink;
    }

    /// <summary>Set when the capture thread died; capture has stopped.</summary>
    public Exception? Fault { get; private set; }

    public bool IsRunning => _thread is { IsAlive: true };

    /// <summary>Records the kernel sent that could not be decoded (a layout mismatch; should stay 0).</summary>
    public long MalformedRecords => Interlocked.Read(ref _malformed);

    /// <summary>Loads and attaches the programs and starts reading. Throws with an actionable message on failure.</summary>
    public void Start()
    {
        if (_object is not null)
            throw new InvalidOperationException("The tracer is already started.");
        CaptureEnvironment.EnsureReady();
        BpfObject obj = BpfObject.OpenEmbedded("socket_trace");
        try
        {
            obj.Map("dt_events").SetMaxEntries((uint)_options.RingBufferBytes);
            obj.Map("dt_conns").SetMaxEntries((uint)_options.MaxKernelConnections);
            obj.Load();
            var config = new ConfigStruct
            {
                TargetTgid = (uint)_options.TargetPid,
                SelfTgid = _options.ExcludeSelf ? (uint)Environment.ProcessId : 0,
                MaxBytesPerCall = (uint)_options.MaxBytesPerCall,
                WakeupBytes = (uint)(_options.WakeupBytes ?? _options.RingBufferBytes / 4),
            };
            obj.Map("dt_config").Update(0u, config);
            _ring = new BpfRingBuffer(obj.Map("dt_events"), this);
            obj.AttachAll();
        }
        catch
        {
            _ring?.Dispose();
            _ring = null;
            obj.Dispose();
            throw;
        }
        _object = obj;
        _thread = new Thread(Run) { IsBackground = true, Name = "devtools-capture" };
        _thread.Start();
    }

    /// <summary>Detaches, drains what the kernel already queued, and stops the thread.</summary>
    public void Stop()
    {
        if (_thread is null)
            return;
        _stopping = true;
        _thread.Join();
        _thread = null;
    }

    /// <summary>The kernel-side drop counters, by reason.</summary>
    public IReadOnlyDictionary<KernelDropReason, ulong> KernelDrops()
    {
        var drops = new Dictionary<KernelDropReason, ulong>();
        if (_object is null)
            return drops;
        BpfMap map = _object.Map("dt_drops");
        foreach (KernelDropReason reason in Enum.GetValues<KernelDropReason>())
            drops[reason] = map.SumPerCpu((uint)reason);
        return drops;
    }

    /// <summary>Removes a gone process's entries from the kernel's connection map (its fds closed without close(2)).</summary>
    public void ForgetProcess(uint pid)
    {
        if (_object is null)
            return;
        BpfMap conns = _object.Map("dt_conns");
        foreach (ConnKey key in conns.Keys<ConnKey>())
        {
            if (key.Pid == pid)
                conns.Delete(key);
        }
    }

    private void Run()
    {
        if (_options.ReaderNice != 0)
            ThreadNice.TrySetCurrent(_options.ReaderNice);
        long tickEveryNs = 100_000_000;
        long lastTick = MonotonicClock.NowNs();
        int pollMs = Math.Max(1, (int)_options.PollInterval.TotalMilliseconds);
        try
        {
            while (!_stopping)
            {
                _ring!.Poll(pollMs);
                long now = MonotonicClock.NowNs();
                if (now - lastTick >= tickEveryNs)
                {
                    lastTick = now;
                    _sink.OnTick(now);
                }
            }
            // Stopping: drain what the kernel queued before the stop was asked.
            _ring!.Poll(0);
            _sink.OnTick(MonotonicClock.NowNs());
        }
        catch (Exception e)
        {
            Fault = e;
        }
    }

    void IRingBufferConsumer.OnRecord(ReadOnlySpan<byte> record)
    {
        if (record.Length < sizeof(EventHeader))
        {
            Interlocked.Increment(ref _malformed);
            return;
        }
        ref readonly EventHeader header = ref MemoryMarshal.AsRef<EventHeader>(record);
        var id = new ConnectionId(header.Pid, header.Fd, header.Generation);
        long ts = (long)header.TimestampNs;
        switch (header.Kind)
        {
            case EventKind.Data when record.Length >= sizeof(DataEvent):
                {
                    ref readonly DataEvent ev = ref MemoryMarshal.AsRef<DataEvent>(record);
                    int captured = (int)Math.Min(ev.Captured, (uint)(record.Length - sizeof(DataEvent)));
                    var data = new SocketData(
                        id,
                        ts,
                        (Direction)(ev.Direction & 1),
                        (long)ev.StreamOffset,
                        ev.Length,
                        (TracedSyscall)ev.Syscall,
                        (ev.Flags & DataFlags.Filler) != 0,
                        (ev.Flags & DataFlags.Truncated) != 0);
                    _sink.OnData(data, record.Slice(sizeof(DataEvent), captured));
                    break;
                }
            case EventKind.Datagram when record.Length >= sizeof(DatagramEvent):
                {
                    ref readonly DatagramEvent ev = ref MemoryMarshal.AsRef<DatagramEvent>(record);
                    int captured = (int)Math.Min(ev.Data.Captured, (uint)(record.Length - sizeof(DatagramEvent)));
                    var data = new SocketData(
                        id,
                        ts,
                        (Direction)(ev.Data.Direction & 1),
                        (long)ev.Data.StreamOffset,
                        ev.Data.Length,
                        (TracedSyscall)ev.Data.Syscall,
                        IsFiller: false,
                        (ev.Data.Flags & DataFlags.Truncated) != 0);
                    var peer = new SocketPeer(ev.Family, FormatAddress(ev.Family, record.Slice(DatagramEventLayout.AddrOffset, 16)), ev.Port);
                    _sink.OnDatagram(data, peer, record.Slice(sizeof(DatagramEvent), captured));
                    break;
                }
            case EventKind.Open when record.Length >= sizeof(OpenEvent):
                {
                    ref readonly OpenEvent ev = ref MemoryMarshal.AsRef<OpenEvent>(record);
                    var open = new SocketOpen(
                        id,
                        ts,
                        (ConnectionRole)ev.Role,
                        ev.Family,
                        FormatAddress(ev.Family, record.Slice(OpenEventLayout.LocalAddrOffset, 16)),
                        ev.LocalPort,
                        FormatAddress(ev.Family, record.Slice(OpenEventLayout.RemoteAddrOffset, 16)),
                        ev.RemotePort,
                        ev.Protocol);
                    _sink.OnOpen(open);
                    break;
                }
            case EventKind.Close when record.Length >= sizeof(CloseEvent):
                {
                    ref readonly CloseEvent ev = ref MemoryMarshal.AsRef<CloseEvent>(record);
                    _sink.OnClose(new SocketClose(id, ts, (long)ev.BytesSent, (long)ev.BytesRecv));
                    break;
                }
            case EventKind.ProcessExit:
                _sink.OnProcessExit(header.Pid, ts);
                break;
            default:
                Interlocked.Increment(ref _malformed);
                break;
        }
    }

    /// <summary>IPv4 dotted; IPv6 compressed, except v4-mapped (.NET's dual-mode sockets) shown as IPv4.</summary>
    internal static string FormatAddress(int family, ReadOnlySpan<byte> bytes)
    {
        if (family == 2)
            return new IPAddress(bytes[..4]).ToString();
        if (family != 10)
            return "-";
        var ip = new IPAddress(bytes);
        return ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4().ToString() : ip.ToString();
    }

    public void Dispose()
    {
        Stop();
        _ring?.Dispose();
        _ring = null;
        _object?.Dispose();
        _object = null;
    }
}
