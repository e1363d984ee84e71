using System.Text;

namespace Devtools.Core.Profiling;

/// <summary>
/// stack_trace_id: a stable 64-bit hash (FNV-1a over the UTF-8 bytes) of a folded
/// stack, the same in every run and on every machine, so ids can be joined
/// across intervals, recordings and nodes.
/// </summary>
public static class StackTraceId
{
    private const ulong Offset = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    public static long Of(string folded)
    {
        ArgumentNullException.ThrowIfNull(folded);
        int max = Encoding.UTF8.GetMaxByteCount(folded.Length);
        byte[]? rented = null;
        Span<byte> bytes = max <= 1024 ? stackalloc byte[max] : (rented = System.Buffers.ArrayPool<byte>.Shared.Rent(max));
        int length = Encoding.UTF8.GetBytes(folded, bytes);
        ulong hash = Offset;
        foreach (byte b in bytes[..length])
        {
            hash ^= b;
            hash *= Prime;
        }
        if (rented is not null)
            System.Buffers.ArrayPool<byte>.Shared.Return(rented);
        return (long)hash;
    }
}
