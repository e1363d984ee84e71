using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Devtools.Core.Capture.Bpf;

/// <summary>Receives the records of a BPF ring buffer, on the thread that polls it.</summary>
public interface IRingBufferConsumer
{
    /// <summary>
    /// One record. <paramref name="record"/> points into the ring and is only valid
    /// during this call: copy what must outlive it.
    /// </summary>
    void OnRecord(ReadOnlySpan<byte> record);
}

/// <summary>
/// libbpf's ring_buffer over one BPF_MAP_TYPE_RINGBUF map. Not thread-safe: one
/// thread polls. The kernel side wakes us only when enough is queued, so a poll
/// is always followed by a consume to pick up what came in quietly.
/// </summary>
public sealed unsafe class BpfRingBuffer : IDisposable
{
    private nint _rb;
    private GCHandle _self;
    private readonly IRingBufferConsumer _consumer;
    private Exception? _callbackError;

    public BpfRingBuffer(BpfMap map, IRingBufferConsumer consumer)
    {
        _consumer = consumer;
        _self = GCHandle.Alloc(this);
        _rb = LibBpf.RingBufferNew(map.Fd, &OnSample, GCHandle.ToIntPtr(_self), 0);
        if (_rb == 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            _self.Free();
            throw new BpfException($"Cannot open ring buffer {map.Name}", errno);
        }
    }

    /// <summary>Waits up to <paramref name="timeoutMs"/> for a wakeup, then drains the ring. Returns records read.</summary>
    public int Poll(int timeoutMs)
    {
        ObjectDisposedException.ThrowIf(_rb == 0, this);
        int polled = LibBpf.RingBufferPoll(_rb, timeoutMs);
        int consumed = LibBpf.RingBufferConsume(_rb);
        RethrowCallbackError();
        if (polled < 0 && polled != -4 /* EINTR */)
            throw new BpfException("Polling the ring buffer failed", -polled);
        return Math.Max(0, polled) + Math.Max(0, consumed);
    }

    private void RethrowCallbackError()
    {
        if (_callbackError is { } error)
        {
            _callbackError = null;
            throw new BpfException("A ring buffer record could not be processed", error);
        }
    }

    [UnmanagedCallersOnly]
    private static int OnSample(nint ctx, void* data, nuint size)
    {
        var self = (BpfRingBuffer)GCHandle.FromIntPtr(ctx).Target!;
        try
        {
            self._consumer.OnRecord(new ReadOnlySpan<byte>(data, (int)size));
            return 0;
        }
        catch (Exception e)
        {
            // Exceptions must not cross into native code: stop this poll and rethrow on our side.
            self._callbackError = e;
            return -1;
        }
    }

    public void Dispose()
    {
        if (_rb != 0)
        {
            LibBpf.RingBufferFree(_rb);
            _rb = 0;
        }
        if (_self.IsAllocated)
            _self.Free();
    }
}
