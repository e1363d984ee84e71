using System.Buffers;

namespace Devtools.Core.Protocols.Redis;

/// <summary>
/// Buffers for <see cref="RedisMessage"/>s, kept by one <see cref="RedisProtocol"/> for all
/// its connections. Redis messages are small and many: renting each from the shared
/// ArrayPool costs a thread-local lookup per rent and per return, a large share of a
/// message's whole cost. Everything that parses runs on the capture thread, so a plain
/// stack of buffers of the usual size serves them; buffers that grew give their large
/// array back to the shared pool, and buffers beyond <see cref="MaxKept"/> are dropped.
/// Not thread-safe, by design.
/// </summary>
internal sealed class RedisBufferPool
{
    /// <summary>Buffers kept for reuse (pipelines keep a few dozen messages in flight).</summary>
    public const int MaxKept = 64;

    // Held in a struct so storing one is a plain write: an array of references checks the
    // element type on every store.
    private readonly Kept[] _kept = new Kept[MaxKept];
    private int _count;

    /// <summary>A buffer of <see cref="RedisMessage.InitialCapacity"/> bytes (messages that need more grow it).</summary>
    public RedisBuffer Rent()
    {
        if (_count == 0)
            return new RedisBuffer(this, ArrayPool<byte>.Shared.Rent(RedisMessage.InitialCapacity));
        RedisBuffer buffer = _kept[--_count].Buffer;
        _kept[_count].Buffer = null!;
        return buffer;
    }

    public void Return(RedisBuffer buffer)
    {
        if (buffer.Bytes.Length != RedisMessage.InitialCapacity)
            buffer.Shrink(RedisMessage.InitialCapacity);
        if (_count < MaxKept)
            _kept[_count++].Buffer = buffer;
        else
            buffer.ReturnBytes();
    }

    private struct Kept
    {
        public RedisBuffer Buffer;
    }
}
