namespace Devtools.Core.Profiling.EventPipe;

/// <summary>
/// One body of native code the runtime reported for a method (a JIT tier, or
/// precompiled ReadyToRun code): where it lives and how to name it.
/// </summary>
internal sealed class JittedMethod(ulong start, uint size, long methodId, int token, long moduleId, string name, long sequence)
{
    public ulong Start { get; } = start;

    public uint Size { get; } = size;

    public ulong End => Start + Size;

    /// <summary>The runtime's MethodDesc pointer: what ILToNativeMap events refer to.</summary>
    public long MethodId { get; } = methodId;

    /// <summary>The MethodDef token (0x06xxxxxx), the key into the module's PDB.</summary>
    public int Token { get; } = token;

    public long ModuleId { get; } = moduleId;

    /// <summary>Namespace.Type.Method as the runtime spells it (generic arguments included).</summary>
    public string Name { get; } = name;

    /// <summary>Arrival order: of two bodies at one address (code heap reuse) the later wins.</summary>
    public long Sequence { get; } = sequence;

    /// <summary>Reported by the rundown (the code existed when we attached) rather than by a MethodLoad event.</summary>
    public bool FromRundown { get; init; }

    /// <summary>Native offset → IL offset pairs sorted by native offset; null until the map arrives.</summary>
    public ILToNativeMap? ILMap { get; set; }
}

/// <summary>
/// The JIT's IL-to-native map of one method body, sorted by native offset, so that
/// a sampled instruction pointer finds the IL offset (and through the PDB, the line)
/// it belongs to.
/// </summary>
internal sealed class ILToNativeMap
{
    // The JIT's special IL offsets: no IL, prolog, epilog.
    private const int NoMapping = -1;
    private const int Prolog = -2;
    private const int Epilog = -3;

    private readonly int[] _native;
    private readonly int[] _il;

    public ILToNativeMap(int[] nativeOffsets, int[] ilOffsets)
    {
        ArgumentNullException.ThrowIfNull(nativeOffsets);
        ArgumentNullException.ThrowIfNull(ilOffsets);
        _native = nativeOffsets;
        _il = ilOffsets;
        Array.Sort(_native, _il);
    }

    /// <summary>The IL offset whose native code contains <paramref name="nativeOffset"/>; -1 when unknown.</summary>
    public override string ToString() => string.Join(" ", _native.Zip(_il, (n, i) => $"{n}:{i}"));

    public int ILOffsetAt(uint nativeOffset)
    {
        int i = Array.BinarySearch(_native, (int)Math.Min(nativeOffset, int.MaxValue));
        if (i < 0)
            i = ~i - 1;
        // Entries without IL (spills, calls to helpers) belong to the statement before them.
        for (; i >= 0; i--)
        {
            int il = _il[i];
            if (il >= 0)
                return il;
            if (il == Prolog)
                return 0;
            if (il == Epilog)
                return LastILOffset();
            if (il != NoMapping)
                return -1;
        }
        return -1;
    }

    private int LastILOffset()
    {
        int last = -1;
        foreach (int il in _il)
            last = Math.Max(last, il);
        return last;
    }
}
