using System.Buffers;
using Devtools.Core.Common;
using Devtools.Core.Diagnostics;

namespace Devtools.Core.Connections;

/// <summary>Why a run of stream bytes is missing from a <see cref="DataStream"/>.</summary>
public enum HoleKind : byte
{
    /// <summary>Moved without passing through user memory (sendfile): its length is exact.</summary>
    Filler,

    /// <summary>Beyond the kernel's per-call capture cap: its length is exact.</summary>
    Truncated,

    /// <summary>Events that never arrived (ring buffer full) or data dropped to bound memory.</summary>
    Lost,
}

/// <summary>A run of missing bytes at the head of a stream.</summary>
public readonly record struct Hole(long Length, HoleKind Kind, long TimestampNs);

/// <summary>
/// One direction of a connection, reassembled by stream offset. Capture events may
/// arrive out of order (two threads writing one socket on two CPUs), twice, or not
/// at all; this places them and turns what is missing into explicit <see cref="Hole"/>s
/// so a parser can either step over them (inside a body of known length) or
/// resynchronise at the next frame boundary.
/// </summary>
/// <remarks>
/// Bytes that arrived are kept contiguous in one pooled buffer; holes and event
/// timestamps are markers at "logical positions" (count of real bytes appended so
/// far), so compacting the buffer never has to fix them up.
/// </remarks>
public sealed class DataStream : IDisposable
{
    private readonly DataStreamOptions _options;
    private readonly CaptureCounters _counters;

    private byte[] _buffer = [];
    private long _bufferBase;   // logical position of _buffer[0]
    private long _head;         // logical position of the first unconsumed byte
    private long _tail;         // logical position one past the last byte

    private readonly RingQueue<TimestampMark> _timestamps = new(8);
    private readonly RingQueue<HoleMark> _holes = new(2);

    private long _nextOffset;   // stream offset that the next in-order event must start at
    private long _headOffset;   // stream offset of the head (byte or hole)
    private long _lastTimestampNs;

    private readonly List<PendingChunk> _pending = [];
    private long _pendingBytes;
    private long _gapSeenAtNs;

    public DataStream(DataStreamOptions options, CaptureCounters counters, bool datagrams = false)
    {
        _options = options;
        _counters = counters;
        IsDatagram = datagrams;
    }

    /// <summary>
    /// Each Add is one datagram: <see cref="Readable"/> never runs past the end of the
    /// datagram at the head, so a parser sees message boundaries (UDP).
    /// </summary>
    public bool IsDatagram { get; }

    /// <summary>Stream offset of the head: the next byte or hole the parser will see.</summary>
    public long HeadOffset => _headOffset;

    /// <summary>Stream offset one past everything placed so far.</summary>
    public long NextOffset => _nextOffset;

    /// <summary>Bytes buffered and not yet consumed.</summary>
    public int BufferedBytes => (int)(_tail - _head);

    /// <summary>True when events after a gap are waiting for the gap to fill.</summary>
    public bool HasPending => _pending.Count > 0;

    /// <summary>Timestamp of the newest event placed.</summary>
    public long LastTimestampNs => _lastTimestampNs;

    /// <summary>Nothing buffered and no hole waiting.</summary>
    public bool IsEmpty => _head == _tail && _holes.IsEmpty;

    /// <summary>
    /// Places one capture event. <paramref name="payload"/> is empty for a filler
    /// (<paramref name="length"/> bytes that were moved but not captured).
    /// </summary>
    public void Add(long offset, ReadOnlySpan<byte> payload, long length, HoleKind fillerKind, long timestampNs)
    {
        if (length <= 0)
            return;
        if (offset + length <= _nextOffset)
        {
            _counters.DuplicateEvents++;
            return;
        }
        if (offset > _nextOffset)
        {
            Stash(offset, payload, length, fillerKind, timestampNs);
            return;
        }
        if (offset < _nextOffset)
        {
            // Overlaps what we have: keep only the new part.
            long overlap = _nextOffset - offset;
            _counters.DuplicateEvents++;
            offset += overlap;
            length -= overlap;
            if (!payload.IsEmpty)
                payload = payload[(int)Math.Min(overlap, payload.Length)..];
        }
        Place(payload, length, fillerKind, timestampNs);
        if (_pending.Count > 0)
            DrainPending();
    }

    /// <summary>
    /// Declares lost whatever gap has kept events pending for longer than the
    /// configured wait, or everything pending when <paramref name="force"/> is set
    /// (the connection closed: the missing bytes will never come).
    /// </summary>
    public void ResolveGaps(long nowNs, bool force)
    {
        if (_pending.Count == 0)
            return;
        if (!force && nowNs - _gapSeenAtNs < _options.GapWaitNs)
            return;
        while (_pending.Count > 0)
        {
            PendingChunk first = _pending[0];
            if (first.Offset > _nextOffset)
                DeclareLost(first.Offset - _nextOffset, first.TimestampNs);
            DrainPending();
        }
    }

    /// <summary>
    /// Declares lost the bytes between what we have and <paramref name="finalOffset"/>,
    /// the stream length the kernel reported at close.
    /// </summary>
    public void EndAt(long finalOffset, long timestampNs)
    {
        ResolveGaps(long.MaxValue, force: true);
        if (finalOffset > _nextOffset)
            DeclareLost(finalOffset - _nextOffset, timestampNs);
    }

    /// <summary>Bytes from the head up to the next hole (or the end of what arrived).</summary>
    public ReadOnlySpan<byte> Readable => _buffer.AsSpan((int)(_head - _bufferBase), (int)(ReadableEnd - _head));

    /// <summary>Where <see cref="Readable"/> ends: the tail, the next hole, or (datagrams) the next datagram.</summary>
    private long ReadableEnd
    {
        get
        {
            long end = _holes.IsEmpty ? _tail : Math.Min(_tail, _holes.Head.Position);
            if (IsDatagram && _timestamps.Count > 1)
                end = Math.Min(end, _timestamps[1].Position);
            return end;
        }
    }

    /// <summary>
    /// A hole comes right after <see cref="Readable"/>: bytes there can never be continued
    /// by bytes that arrive later, so a parser waiting for more of them waits in vain.
    /// </summary>
    public bool ReadableEndsAtHole
    {
        get
        {
            if (_holes.IsEmpty)
                return false;
            long holeAt = _holes.Head.Position;
            return holeAt > _head && holeAt <= _tail && (!IsDatagram || _timestamps.Count < 2 || holeAt <= _timestamps[1].Position);
        }
    }

    /// <summary>The hole at the head, if the next thing in the stream is one.</summary>
    public bool TryPeekHole(out Hole hole)
    {
        if (!_holes.IsEmpty && _holes.Head.Position == _head)
        {
            ref HoleMark mark = ref _holes.Head;
            hole = new Hole(mark.Length, mark.Kind, mark.TimestampNs);
            return true;
        }
        hole = default;
        return false;
    }

    /// <summary>Steps over <paramref name="length"/> bytes of the hole at the head.</summary>
    public void ConsumeHole(long length)
    {
        ref HoleMark mark = ref _holes.Head;
        if (mark.Position != _head || length <= 0 || length > mark.Length)
            throw new InvalidOperationException("No hole of that length at the head.");
        _headOffset += length;
        if (length == mark.Length)
            _holes.Dequeue();
        else
            mark.Length -= length;
    }

    /// <summary>Marks <paramref name="count"/> readable bytes as consumed.</summary>
    public void Consume(int count)
    {
        if (count < 0 || count > ReadableEnd - _head)
            throw new ArgumentOutOfRangeException(nameof(count));
        _head += count;
        _headOffset += count;
        while (_timestamps.Count > 1 && _timestamps[1].Position <= _head)
            _timestamps.Dequeue();
        if (_head == _tail && _holes.IsEmpty)
        {
            // Fully drained: rewind so the buffer is reused from its start.
            _bufferBase = _head;
        }
    }

    /// <summary>Kernel timestamp of the event that carried the readable byte at <paramref name="index"/>.</summary>
    public long TimestampAt(int index)
    {
        long position = _head + index;
        long ts = _timestamps.IsEmpty ? _lastTimestampNs : _timestamps.Head.TimestampNs;
        for (int i = 1; i < _timestamps.Count; i++)
        {
            ref TimestampMark mark = ref _timestamps[i];
            if (mark.Position > position)
                break;
            ts = mark.TimestampNs;
        }
        return ts;
    }

    /// <summary>
    /// Kernel timestamps of the first readable byte and of the byte at <paramref name="lastIndex"/>:
    /// what <see cref="TimestampAt"/> gives for 0 and for <paramref name="lastIndex"/>, without a
    /// search when one event carried them all (a frame needs both when it completes).
    /// </summary>
    public void TimestampsAt(int lastIndex, out long firstNs, out long lastNs)
    {
        if (_timestamps.Count <= 1)
        {
            // One event holds all readable bytes, the usual case.
            firstNs = lastNs = _timestamps.IsEmpty ? _lastTimestampNs : _timestamps.Head.TimestampNs;
            return;
        }
        firstNs = TimestampAt(0);
        lastNs = TimestampAt(lastIndex);
    }

    /// <summary>Drops everything buffered as lost (a parser that cannot make progress).</summary>
    public void DropBuffered()
    {
        long bytes = _tail - _head;
        if (bytes == 0)
            return;
        _counters.BufferOverflowBytes += bytes;
        long ts = _lastTimestampNs;
        _head = _tail;
        _bufferBase = _tail;
        _timestamps.Clear();
        _timestamps.Enqueue(new TimestampMark(_tail, ts));
        // Keep stream offsets right: what was dropped becomes a hole at the head.
        long holeLength = bytes;
        while (!_holes.IsEmpty)
            holeLength += _holes.Dequeue().Length;
        _holes.Enqueue(new HoleMark(_tail, holeLength, HoleKind.Lost, ts));
    }

    public void Dispose()
    {
        if (_buffer.Length > 0)
            ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
        foreach (PendingChunk chunk in _pending)
            chunk.Release();
        _pending.Clear();
    }

    private void Place(ReadOnlySpan<byte> payload, long length, HoleKind fillerKind, long timestampNs)
    {
        _lastTimestampNs = timestampNs;
        _nextOffset += length;
        if (payload.IsEmpty)
        {
            AddHole(length, fillerKind, timestampNs);
            return;
        }
        if (payload.Length > length)
            payload = payload[..(int)length];
        if (_tail - _head + payload.Length > _options.MaxBufferBytes)
        {
            // The parser has not been able to use what is buffered: give it up
            // rather than grow without bound.
            DropBuffered();
        }
        EnsureRoom(payload.Length);
        payload.CopyTo(_buffer.AsSpan((int)(_tail - _bufferBase)));
        // A mark per event (per datagram in datagram mode, where marks are the boundaries).
        if (_timestamps.IsEmpty || _timestamps.Tail.TimestampNs != timestampNs || (IsDatagram && _timestamps.Tail.Position != _tail))
        {
            _timestamps.Enqueue(new TimestampMark(_tail, timestampNs));
            // The head mark may be left from bytes consumed before this one (a drained
            // stream keeps its last mark): the mark that starts at the head is the one
            // to keep, or Readable would end a datagram before it starts.
            while (_timestamps.Count > 1 && _timestamps[1].Position <= _head)
                _timestamps.Dequeue();
        }
        _tail += payload.Length;
        if (payload.Length < length)
            AddHole(length - payload.Length, HoleKind.Truncated, timestampNs);
    }

    private void AddHole(long length, HoleKind kind, long timestampNs)
    {
        switch (kind)
        {
            case HoleKind.Filler: _counters.FillerBytes += length; break;
            case HoleKind.Truncated: _counters.TruncatedBytes += length; break;
            default: _counters.LostBytes += length; _counters.LostGaps++; break;
        }
        if (!_holes.IsEmpty && _holes.Tail.Position == _tail && _holes.Tail.Kind == kind)
        {
            _holes.Tail.Length += length;
            return;
        }
        _holes.Enqueue(new HoleMark(_tail, length, kind, timestampNs));
    }

    private void DeclareLost(long length, long timestampNs)
    {
        _nextOffset += length;
        AddHole(length, HoleKind.Lost, timestampNs);
    }

    private void EnsureRoom(int count)
    {
        int used = (int)(_tail - _head);
        int start = (int)(_head - _bufferBase);
        if (start + used + count <= _buffer.Length)
            return;
        byte[] target = _buffer;
        if (used + count > _buffer.Length)
        {
            int size = Math.Max(_options.InitialBufferBytes, _buffer.Length * 2);
            while (size < used + count)
                size *= 2;
            target = ArrayPool<byte>.Shared.Rent(size);
        }
        // Compact: move unconsumed bytes to the start.
        _buffer.AsSpan(start, used).CopyTo(target);
        if (!ReferenceEquals(target, _buffer))
        {
            if (_buffer.Length > 0)
                ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = target;
        }
        _bufferBase = _head;
    }

    private void Stash(long offset, ReadOnlySpan<byte> payload, long length, HoleKind fillerKind, long timestampNs)
    {
        _counters.OutOfOrderEvents++;
        if (_pending.Count == 0)
            _gapSeenAtNs = timestampNs;
        byte[]? copy = null;
        if (!payload.IsEmpty)
        {
            copy = ArrayPool<byte>.Shared.Rent(payload.Length);
            payload.CopyTo(copy);
        }
        var chunk = new PendingChunk(offset, copy, payload.Length, length, fillerKind, timestampNs);
        int index = _pending.Count;
        while (index > 0 && _pending[index - 1].Offset > offset)
            index--;
        _pending.Insert(index, chunk);
        _pendingBytes += payload.Length;
        if (_pending.Count > _options.MaxPendingEvents || _pendingBytes > _options.MaxPendingBytes)
            ResolveGaps(long.MaxValue, force: true);
    }

    private void DrainPending()
    {
        while (_pending.Count > 0 && _pending[0].Offset <= _nextOffset)
        {
            PendingChunk chunk = _pending[0];
            _pending.RemoveAt(0);
            _pendingBytes -= chunk.PayloadLength;
            if (chunk.Offset + chunk.Length > _nextOffset)
            {
                long overlap = _nextOffset - chunk.Offset;
                ReadOnlySpan<byte> payload = chunk.Payload;
                if (!payload.IsEmpty)
                    payload = payload[(int)Math.Min(overlap, payload.Length)..];
                Place(payload, chunk.Length - overlap, chunk.FillerKind, chunk.TimestampNs);
            }
            else
            {
                _counters.DuplicateEvents++;
            }
            chunk.Release();
        }
        if (_pending.Count > 0)
            _gapSeenAtNs = Math.Min(_gapSeenAtNs, _pending[0].TimestampNs);
    }

    private readonly record struct TimestampMark(long Position, long TimestampNs);

    private struct HoleMark(long position, long length, HoleKind kind, long timestampNs)
    {
        public readonly long Position = position;
        public long Length = length;
        public readonly HoleKind Kind = kind;
        public readonly long TimestampNs = timestampNs;
    }

    private readonly record struct PendingChunk(long Offset, byte[]? Buffer, int PayloadLength, long Length, HoleKind FillerKind, long TimestampNs)
    {
        public ReadOnlySpan<byte> Payload => Buffer is null ? default : Buffer.AsSpan(0, PayloadLength);

        public void Release()
        {
            if (Buffer is not null)
                ArrayPool<byte>.Shared.Return(Buffer);
        }
    }
}

/// <summary>Bounds for one direction's reassembly.</summary>
public sealed record DataStreamOptions
{
    /// <summary>Most unparsed bytes kept per direction (Pixie keeps 1 MiB between cycles).</summary>
    public int MaxBufferBytes { get; init; } = 1 << 20;

    public int InitialBufferBytes { get; init; } = 4096;

    /// <summary>How long events after a gap wait for it to fill before it is declared lost.</summary>
    public long GapWaitNs { get; init; } = 100_000_000;

    public int MaxPendingEvents { get; init; } = 64;

    public long MaxPendingBytes { get; init; } = 256 * 1024;
}
