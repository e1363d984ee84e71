using System.Buffers;

namespace Devtools.Core.Protocols.Redis;

/// <summary>
/// Buffers for <see cref="RedisMessage"/>s, kept by one <see cref="RedisProtocol"/> for all
/// its connections. Redis messages are small and many: renting each from the shared
/// ArrayPool costs a thread-local lookup per rent and per return, a large share of a
/// message's whole cost. Everything that parses runs on the capture thread, so a plain
/// stack of buffers of the usual size serves them; other sizes, and buffers beyond
/// <see cref="MaxKept"/>, go to and from the shared pool. Not thread-safe, by design.
/// </summary>
internal sealed class RedisBufferPool
{
    /// <summary>Buffers of the usual size kept for reuse (pipelines keep a few dozen messages in flight).</summary>
    public const int MaxKept = 64;

    // Held in a struct so storing one is a plain write: an array of arrays checks the
    // element type on every store.
    private readonly Kept[] _kept = new Kept[MaxKept];
    private int _count;

    /// <summary>A buffer of at least <paramref name="size"/> bytes.</summary>
    public byte[] Rent(int size)
    {
        if (size <= RedisMessage.InitialCapacity)
        {
            if (_count > 0)
            {
                byte[] buffer = _kept[--_count].Buffer;
                _kept[_count].Buffer = null!;
                return buffer;
            }
            size = RedisMessage.InitialCapacity;
        }
        return ArrayPool<byte>.Shared.Rent(size);
    }

    public void Return(byte[] buffer)
    {
        if (buffer.Length == RedisMessage.InitialCapacity && _count < MaxKept)
            _kept[_count++].Buffer = buffer;
        else
            ArrayPool<byte>.Shared.Return(buffer);
    }

    private struct Kept
    {
        public byte[] Buffer;
    }
}
