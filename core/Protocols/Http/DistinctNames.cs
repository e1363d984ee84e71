using System.Runtime.CompilerServices;

namespace Devtools.Core.Protocols.Http;

/// <summary>
/// The header names written so far by <see cref="DistinctHeadersJson"/>, as keys, to notice
/// a name that may repeat an earlier one (whose values would have to be joined into the
/// earlier member, which a single pass cannot do).
/// </summary>
internal struct DistinctNames
{
    /// <summary>Names remembered; messages with more fields take the general path.</summary>
    private const int MaxNames = 32;

    private int _count;

    // One bit per key's low six bits: most new names hit a clear bit and need no search.
    private ulong _seen;

    private KeyBuffer _keys;

    public DistinctNames()
    {
        // The keys are written before they are read: clearing their 256 bytes would cost
        // more than a short message's whole member loop (callers skip locals init too).
        Unsafe.SkipInit(out this);
        _count = 0;
        _seen = 0;
    }

    /// <summary>Names added so far.</summary>
    public readonly int Count => _count;

    /// <summary>False when the name may repeat an earlier one, or there are too many to remember.</summary>
    public bool TryAdd(in FoldedName name)
    {
        ulong key = name.Key;
        ulong bit = 1UL << (int)(key & 63);
        if ((_seen & bit) != 0 && ((ReadOnlySpan<ulong>)_keys)[.._count].Contains(key))
            return false;
        if (_count == MaxNames)
            return false;
        _seen |= bit;
        _keys[_count++] = key;
        return true;
    }

    [InlineArray(MaxNames)]
    private struct KeyBuffer
    {
        private ulong _element;
    }
}
