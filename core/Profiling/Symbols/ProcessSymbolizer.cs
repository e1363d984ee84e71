using System.Globalization;
using Devtools.Core.Storage;

namespace Devtools.Core.Profiling.Symbols;

/// <summary>
/// Resolves user-space addresses of one process: its executable mappings
/// (/proc/PID/maps), ELF symbols of the mapped files read through
/// /proc/PID/root (so a container's own libraries are used), its perf map for
/// JIT-compiled code, PE sections for ReadyToRun code. Resolved frames are
/// cached per address (bounded). Maps and perf map are re-read at most once per
/// collection, and only when an address is not found: a process that exited
/// keeps what was read while it lived.
/// </summary>
internal sealed class ProcessSymbolizer
{
    private const int MaxCachedFrames = 1 << 16;
    private const long MapsRereadGenerations = 4;
    private const long MaxRereadGenerations = 64;

    private readonly SymbolSources _sources;
    private readonly string _root;
    private readonly Dictionary<ulong, StackFrame> _frames = [];
    private readonly Dictionary<(string Path, ulong Inode), ElfImage?> _images = [];
    private ProcessMappings _mappings = ProcessMappings.Empty;
    private long _mappingsGeneration = -1;
    private long _rereadEvery = MapsRereadGenerations;
    private PerfMap? _perfMap;
    private long _perfMapGeneration = -1;
    private bool? _isDotnet;
    private uint? _namespacePid;

    public ProcessSymbolizer(uint pid, Upid upid, SymbolSources sources)
    {
        Pid = pid;
        Upid = upid;
        _sources = sources;
        _root = $"{sources.ProcRoot}/{pid}/root";
    }

    public uint Pid { get; }

    public Upid Upid { get; }

    /// <summary>The last collection that had samples of this process.</summary>
    public long LastSeenGeneration { get; set; }

    /// <summary>Entries in this process's perf map (0 when it has none).</summary>
    public int PerfMapEntries => _perfMap?.Count ?? 0;

    /// <summary>Reads the mappings and perf map now.</summary>
    public void Prepare(long generation)
    {
        ProcessMappings fresh = ProcessMappings.Read(Pid, _sources.ProcRoot);
        if (fresh.Count > 0)
            _mappings = fresh;
        _mappingsGeneration = generation;
        _ = TryPerfMap(0, generation, out _);
    }

    public StackFrame Resolve(ulong address, long generation)
    {
        if (_frames.TryGetValue(address, out StackFrame frame))
            return frame;
        frame = ResolveUncached(address, generation, out bool final);
        // Misses in JIT code or outside known mappings may resolve later (the perf map and maps grow): not cached.
        if (final)
        {
            if (_frames.Count >= MaxCachedFrames)
                _frames.Clear();
            _frames[address] = frame;
        }
        return frame;
    }

    private StackFrame ResolveUncached(ulong address, long generation, out bool final)
    {
        final = true;
        // An address outside every known mapping re-reads the maps (new libraries, JIT code), at most
        // every few collections: unwinding through code without frame pointers yields garbage addresses,
        // and each would otherwise cost a full read of /proc/PID/maps.
        if (!_mappings.TryFind(address, out Mapping mapping) && (_mappingsGeneration < 0 || generation - _mappingsGeneration >= _rereadEvery))
        {
            _mappingsGeneration = generation;
            ProcessMappings fresh = ProcessMappings.Read(Pid, _sources.ProcRoot);
            if (fresh.Count > 0)
            {
                _mappings = fresh;
                _isDotnet = null;
                // New mappings may reuse addresses of unmapped code: forget what was resolved.
                _frames.Clear();
            }
            // Back off while re-reading does not help (garbage addresses); start over when it does.
            _rereadEvery = _mappings.TryFind(address, out mapping) ? MapsRereadGenerations : Math.Min(_rereadEvery * 2, MaxRereadGenerations);
        }
        if (mapping.End != 0 && mapping.IsFile)
            return ResolveInFile(address, mapping);
        if (TryPerfMap(address, generation, out StackFrame jit))
            return jit;
        final = false;
        if (mapping.End == 0)
            return new StackFrame("[unknown]", FrameKind.Unknown);
        if (mapping.Path.StartsWith('['))
            return new StackFrame($"{mapping.Path}+0x{address - mapping.Start:x}", FrameKind.Unknown, mapping.Path);
        // Anonymous or memfd code is JIT output. Without a perf map its addresses mean nothing
        // outside this process: one frame for all of it, saying how to get names.
        return IsDotnet()
            ? new StackFrame("[.NET JIT code: no perf map, set DOTNET_PerfMapEnabled=1 or use --enable-perf-map]", FrameKind.Unknown, "[jit]")
            : new StackFrame("[anon]", FrameKind.Unknown, "[anon]");
    }

    private StackFrame ResolveInFile(ulong address, Mapping mapping)
    {
        ulong fileOffset = address - mapping.Start + mapping.FileOffset;
        if (_sources.TryGetFileFrame(mapping, fileOffset, out StackFrame known))
            return known;
        StackFrame frame = ResolveInFile(mapping, fileOffset, out bool fileRead);
        // Shared only when the file was read: a process that is gone must not leave a worse frame for others.
        if (fileRead)
            _sources.AddFileFrame(mapping, fileOffset, frame);
        return frame;
    }

    private StackFrame ResolveInFile(Mapping mapping, ulong fileOffset, out bool fileRead)
    {
        fileRead = true;
        string module = mapping.ModuleName;
        if (Elf(mapping) is { } elf)
        {
            if (elf.TryFileOffsetToAddress(fileOffset, out ulong vaddr))
            {
                if (elf.Symbols.TryFind(vaddr, out string name, out _))
                    return new StackFrame(name, FrameKind.Native, module);
                return new StackFrame($"{module}+0x{vaddr:x}", FrameKind.Unknown, module);
            }
        }
        else if (_sources.Pe(FilePath(mapping), mapping.Inode) is { } pe && pe.TryFileOffsetToRva(fileOffset, out ulong rva))
        {
            // ReadyToRun code: the image's tables name the method, as the perf map would for jitted code.
            if (rva <= uint.MaxValue && pe.Methods?.TryFind((uint)rva, out string method) == true)
                return new StackFrame(method, FrameKind.Jit, Path.GetFileNameWithoutExtension(module));
            return new StackFrame($"{module}+0x{rva:x}", FrameKind.Unknown, module);
        }
        fileRead = false;
        return new StackFrame($"{module}+0x{fileOffset:x}", FrameKind.Unknown, module);
    }

    /// <summary>The image of a mapped file, kept per process so it outlives the process's /proc entry.</summary>
    private ElfImage? Elf(Mapping mapping)
    {
        if (_images.TryGetValue((mapping.Path, mapping.Inode), out ElfImage? image))
            return image;
        image = _sources.Elf.Get(FilePath(mapping), mapping.Inode);
        if (image is not null || Directory.Exists(_root))
            _images[(mapping.Path, mapping.Inode)] = image;
        return image;
    }

    /// <summary>
    /// The mapped file through /proc/PID/root (a container's own files); once the
    /// process is gone, the same path here if it is the same file (same inode).
    /// </summary>
    private string FilePath(Mapping mapping)
    {
        string inRoot = _root + mapping.Path;
        if (File.Exists(inRoot))
            return inRoot;
        return FileIdentity.Inode(mapping.Path) == mapping.Inode ? mapping.Path : inRoot;
    }

    private bool TryPerfMap(ulong address, long generation, out StackFrame frame)
    {
        frame = default;
        // An existing map is re-read at most once per collection (it grows as methods are compiled);
        // a missing one is looked for every few collections (it may be turned on at any time).
        if (_perfMap is not null ? _perfMapGeneration != generation : _perfMapGeneration < 0 || generation - _perfMapGeneration >= MapsRereadGenerations)
        {
            _perfMapGeneration = generation;
            if (_perfMap is null)
            {
                _namespacePid ??= NamespacePid();
                string path = $"{_root}/tmp/perf-{_namespacePid}.map";
                if (File.Exists(path))
                    _perfMap = new PerfMap(path);
            }
            _perfMap?.Refresh();
        }
        if (_perfMap is null || !_perfMap.TryFind(address, out string raw))
            return false;
        (string function, string? module) = JitNames.Clean(raw);
        frame = new StackFrame(function, FrameKind.Jit, module);
        return true;
    }

    private bool IsDotnet()
    {
        _isDotnet ??= _mappings.Any(m => m.Path.EndsWith("/libcoreclr.so", StringComparison.Ordinal));
        return _isDotnet.Value;
    }

    /// <summary>The pid inside the process's own pid namespace (the runtime names its perf map with it).</summary>
    private uint NamespacePid()
    {
        try
        {
            foreach (string line in File.ReadLines($"{_sources.ProcRoot}/{Pid}/status"))
            {
                if (line.StartsWith("NSpid:", StringComparison.Ordinal))
                {
                    string[] ids = line[6..].Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries);
                    if (ids.Length > 0 && uint.TryParse(ids[^1], NumberStyles.None, CultureInfo.InvariantCulture, out uint nspid))
                        return nspid;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
        return Pid;
    }
}
