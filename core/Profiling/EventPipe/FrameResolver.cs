namespace Devtools.Core.Profiling.EventPipe;

/// <summary>
/// Turns a sampled code address into a <see cref="StackFrame"/>: the managed method that
/// owns it with file:line from the PDB, else the native module and offset, else
/// "[unmanaged]". Results for managed code are cached per address. Not thread-safe.
/// </summary>
internal sealed class FrameResolver(MethodTable methods, SourceLineResolver? lines, NativeModuleMap natives)
{
    /// <summary>Frame for anonymous memory no event describes (stubs, dynamic code).</summary>
    public const string UnmanagedName = "[unmanaged]";

    // Bounded: a long session over a large app touches many addresses; start over rather than grow forever.
    private const int MaxCachedFrames = 200_000;

    private readonly Dictionary<ulong, StackFrame> _cache = [];

    /// <summary>
    /// An address fell in an assembly's mapping but in no known method: ReadyToRun
    /// (precompiled) code first run after the rundown, which no event announces. A new
    /// rundown names it; the session clears this when it asks for one.
    /// </summary>
    public bool MissedPrecompiledCode { get; set; }

    /// <summary>
    /// Resolves one frame. Callers' addresses are return addresses, which point past the
    /// call: one byte back lands inside it, in the statement that made the call.
    /// </summary>
    public StackFrame Resolve(ulong address, bool isLeaf)
    {
        ulong lookup = isLeaf || address == 0 ? address : address - 1;
        if (_cache.TryGetValue(lookup, out StackFrame cached))
            return cached;

        JittedMethod? method = methods.Find(lookup);
        if (method is null)
        {
            // Not cached: the method event may still be on its way, or a rundown may name it later.
            if (natives.Find(address) is not (string file, ulong offset))
                return new StackFrame(UnmanagedName, FrameKind.Unknown);
            if (file.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
                MissedPrecompiledCode = true;
            return new StackFrame($"{file}+0x{offset:x}", FrameKind.Unknown, file);
        }

        ManagedModule? module = methods.Module(method.ModuleId);
        SourceLine? line = null;
        if (lines is not null && module is not null && method.ILMap is not null)
        {
            int ilOffset = method.ILMap.ILOffsetAt((uint)(lookup - method.Start));
            line = lines.Find(module, method.Token, ilOffset);
        }
        var frame = new StackFrame(method.Name, FrameKind.Managed, module?.FileName, line?.File, line?.Line ?? 0);
        if (_cache.Count >= MaxCachedFrames)
            _cache.Clear();
        _cache[lookup] = frame;
        return frame;
    }
}
