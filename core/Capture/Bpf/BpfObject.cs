using System.Runtime.InteropServices;

namespace Devtools.Core.Capture.Bpf;

/// <summary>
/// A BPF ELF object through its life: open (maps may be resized), load (the
/// verifier runs), attach (each program by its SEC name), dispose (links
/// destroyed, maps freed). Shaped after cilium/ebpf's CollectionSpec/Collection.
/// </summary>
public sealed unsafe class BpfObject : IDisposable
{
    private nint _obj;
    private byte* _elf;
    private readonly List<nint> _links = [];
    private readonly Dictionary<string, BpfMap> _maps = new(StringComparer.Ordinal);

    private BpfObject(nint obj, byte* elf, string name)
    {
        _obj = obj;
        _elf = elf;
        Name = name;
    }

    public string Name { get; }

    public bool IsLoaded { get; private set; }

    /// <summary>Opens an object compiled into this assembly (bpf/NAME.bpf.o).</summary>
    public static BpfObject OpenEmbedded(string name)
    {
        string resource = $"bpf/{name}.bpf.o";
        using Stream? stream = typeof(BpfObject).Assembly.GetManifestResourceStream(resource)
            ?? throw new BpfException($"The BPF object {resource} is not embedded in Devtools.Core: the build did not compile it (see bpf/build.sh)");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return Open(bytes, name);
    }

    /// <summary>Opens an object from its ELF bytes.</summary>
    public static BpfObject Open(ReadOnlySpan<byte> elf, string name)
    {
        BpfLog.Install();
        // libbpf keeps pointing into the ELF image until the object is closed.
        byte* copy = (byte*)NativeMemory.Alloc((nuint)elf.Length);
        elf.CopyTo(new Span<byte>(copy, elf.Length));
        nint obj = LibBpf.ObjectOpenMem(copy, (nuint)elf.Length, 0);
        if (obj == 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            NativeMemory.Free(copy);
            throw new BpfException($"Cannot open BPF object {name}", errno);
        }
        return new BpfObject(obj, copy, name);
    }

    public BpfMap Map(string name)
    {
        ObjectDisposedException.ThrowIf(_obj == 0, this);
        if (_maps.TryGetValue(name, out BpfMap? map))
            return map;
        nint handle = LibBpf.ObjectFindMapByName(_obj, name);
        if (handle == 0)
            throw new BpfException($"BPF object {Name} has no map named {name}");
        map = new BpfMap(handle, name);
        _maps[name] = map;
        return map;
    }

    /// <summary>Names of every program in the object.</summary>
    public IReadOnlyList<string> ProgramNames
    {
        get
        {
            var names = new List<string>();
            for (nint prog = LibBpf.ObjectNextProgram(_obj, 0); prog != 0; prog = LibBpf.ObjectNextProgram(_obj, prog))
                names.Add(Marshal.PtrToStringUTF8(LibBpf.ProgramName(prog)) ?? "?");
            return names;
        }
    }

    /// <summary>Leaves a program out of the load (e.g. one whose hook this kernel lacks).</summary>
    public void DisableProgram(string name)
    {
        nint prog = LibBpf.ObjectFindProgramByName(_obj, name);
        if (prog != 0)
            LibBpf.ProgramSetAutoload(prog, false);
    }

    /// <summary>Runs the verifier on every program and creates the maps.</summary>
    public void Load()
    {
        ObjectDisposedException.ThrowIf(_obj == 0, this);
        BpfLog.Clear();
        int rc = LibBpf.ObjectLoad(_obj);
        if (rc != 0)
        {
            string log = BpfLog.Tail(25);
            throw new BpfException(
                $"The kernel refused to load BPF object {Name}: {BpfException.ErrnoText(-rc)}" +
                (log.Length > 0 ? $"\nlibbpf said:\n{log}" : string.Empty),
                -rc);
        }
        IsLoaded = true;
    }

    /// <summary>Attaches one program at the hook its SEC name gives (tracepoint, uprobe, ...).</summary>
    public void Attach(string programName)
    {
        nint prog = LibBpf.ObjectFindProgramByName(_obj, programName);
        if (prog == 0)
            throw new BpfException($"BPF object {Name} has no program named {programName}");
        AttachProgram(prog, programName);
    }

    /// <summary>Attaches every loaded program at the hook its SEC name gives.</summary>
    public void AttachAll(Func<string, bool>? filter = null)
    {
        if (!IsLoaded)
            throw new InvalidOperationException("Load the object before attaching its programs.");
        for (nint prog = LibBpf.ObjectNextProgram(_obj, 0); prog != 0; prog = LibBpf.ObjectNextProgram(_obj, prog))
        {
            string name = Marshal.PtrToStringUTF8(LibBpf.ProgramName(prog)) ?? "?";
            if (filter is null || filter(name))
                AttachProgram(prog, name);
        }
    }

    /// <summary>Attaches a program to an open perf event fd (CPU sampling).</summary>
    public void AttachPerfEvent(string programName, int perfEventFd)
    {
        nint prog = LibBpf.ObjectFindProgramByName(_obj, programName);
        if (prog == 0)
            throw new BpfException($"BPF object {Name} has no program named {programName}");
        nint link = LibBpf.ProgramAttachPerfEvent(prog, perfEventFd);
        if (link == 0)
            throw new BpfException($"Cannot attach {programName} to a perf event", Marshal.GetLastPInvokeError());
        _links.Add(link);
    }

    private void AttachProgram(nint prog, string name)
    {
        nint link = LibBpf.ProgramAttach(prog);
        if (link == 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            string section = Marshal.PtrToStringUTF8(LibBpf.ProgramSectionName(prog)) ?? "?";
            throw new BpfException($"Cannot attach BPF program {name} at {section}", errno);
        }
        _links.Add(link);
    }

    public void Dispose()
    {
        foreach (nint link in _links)
            _ = LibBpf.LinkDestroy(link);
        _links.Clear();
        if (_obj != 0)
        {
            LibBpf.ObjectClose(_obj);
            _obj = 0;
        }
        if (_elf != null)
        {
            NativeMemory.Free(_elf);
            _elf = null;
        }
    }
}
