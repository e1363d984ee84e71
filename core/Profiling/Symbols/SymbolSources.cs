namespace Devtools.Core.Profiling.Symbols;

/// <summary>What every <see cref="ProcessSymbolizer"/> shares: where /proc is, and the file caches.</summary>
internal sealed class SymbolSources
{
    private const int MaxPeImages = 256;
    private readonly Dictionary<(string Name, ulong Inode), PeImage?> _pe = [];

    public SymbolSources(string procRoot, long elfBudgetBytes)
    {
        ProcRoot = procRoot;
        Elf = new ElfImageCache(elfBudgetBytes);
    }

    public string ProcRoot { get; }

    public ElfImageCache Elf { get; }

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
