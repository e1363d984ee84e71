using System.Buffers;

namespace Devtools.Core.Protocols.Redis;

/// <summary>
/// The bytes of one <see cref="RedisMessage"/>'s text, and the pool they go back to.
/// The pool is kept here rather than in the message so that a message holds a single
/// reference: messages are copied into and out of queues, and every reference in a
/// copied struct costs a GC write barrier.
/// </summary>
internal sealed class RedisBuffer(RedisBufferPool? pool, byte[] bytes)
{
    private readonly RedisBufferPool? _pool = pool;

    public byte[] Bytes { get; private set; } = bytes;

    /// <summary>A buffer of its own for a message written without a pool (tests, tools).</summary>
    public static RedisBuffer Unpooled(int size) => new(null, ArrayPool<byte>.Shared.Rent(size));

    /// <summary>Room for at least <paramref name="size"/> bytes, keeping the first <paramref name="keep"/>.</summary>
    public void Grow(int size, int keep)
    {
        byte[] bigger = ArrayPool<byte>.Shared.Rent(Math.Max(size, Bytes.Length * 2));
        Bytes.AsSpan(0, keep).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(Bytes);
        Bytes = bigger;
    }

    /// <summary>Back to the usual size (a pooled buffer that grew for a large message gives the large array back).</summary>
    public void Shrink(int size)
    {
        ArrayPool<byte>.Shared.Return(Bytes);
        Bytes = ArrayPool<byte>.Shared.Rent(size);
    }

    /// <summary>Gives the buffer back; the message that held it must not use it again.</summary>
    public void Return()
    {
        if (_pool is not null)
            _pool.Return(this);
        else
            ArrayPool<byte>.Shared.Return(Bytes);
    }

    /// <summary>Gives the array back to the shared pool when this buffer is dropped rather than kept.</summary>
    public void ReturnBytes() => ArrayPool<byte>.Shared.Return(Bytes);
}
