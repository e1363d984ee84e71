namespace Devtools.Core.Profiling.Symbols;

/// <summary>What every <see cref="ProcessSymbolizer"/> shares: where /proc is, and the file caches.</summary>
internal sealed class SymbolSources
{
    private const int MaxPeImages = 256;
    private const int MaxFileFrames = 1 << 18;
    private readonly Dictionary<(string Name, ulong Inode), PeImage?> _pe = [];
    private readonly Dictionary<(ulong Device, ulong Inode, ulong Offset), StackFrame> _fileFrames = [];

    public SymbolSources(string procRoot, long elfBudgetBytes)
    {
        ProcRoot = procRoot;
        Elf = new ElfImageCache(elfBudgetBytes);
    }

    public string ProcRoot { get; }

    public ElfImageCache Elf { get; }

    /// <summary>
    /// Frames already resolved in mapped files, by (device, inode, file offset): every
    /// process running the same binaries (a build spawning compilers, a pool of
    /// workers) reuses them without touching the files again. Bounded.
    /// </summary>
    public bool TryGetFileFrame(in Mapping mapping, ulong fileOffset, out StackFrame frame) =>
        _fileFrames.TryGetValue((mapping.Device, mapping.Inode, fileOffset), out frame);

    public void AddFileFrame(in Mapping mapping, ulong fileOffset, StackFrame frame)
    {
        if (mapping.Inode == 0)
            return;
        if (_fileFrames.Count >= MaxFileFrames)
            _fileFrames.Clear();
        _fileFrames[(mapping.Device, mapping.Inode, fileOffset)] = frame;
    }

    /// <summary>The PE section table of a mapped file (null when it is not PE), cached by name and inode.</summary>
    public PeImage? Pe(string path, ulong inode)
    {
        var key = (Path.GetFileName(path), inode);
        if (_pe.TryGetValue(key, out PeImage? image))
            return image;
        if (_pe.Count >= MaxPeImages)
        {
            foreach (PeImage? old in _pe.Values)
                old?.Dispose();
            _pe.Clear();
        }
        image = PeImage.TryRead(path);
        _pe[key] = image;
        return image;
    }
}
