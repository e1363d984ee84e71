using Devtools.Core.Metadata;
using Devtools.Core.Profiling.Bpf;
using Devtools.Core.Storage;

namespace Devtools.Core.Profiling.Symbols;

/// <summary>
/// Turns sampled instruction pointers into frames, root first: the user stack
/// (ELF symbols, perf maps, module+offset) then the kernel stack (/proc/kallsyms).
/// Call <see cref="BeginCollection"/> before each batch of samples: per-process
/// state (maps, perf maps) is refreshed at most once per collection, and
/// processes that are gone are forgotten. Not thread-safe: the profiler's thread only.
/// </summary>
public sealed class Symbolizer
{
    /// <summary>Kernel addresses further than this past a symbol are outside any known function.</summary>
    private const ulong MaxKernelSymbolSize = 1 << 20;
    private const int MaxProcesses = 4096;

    private readonly SymbolSources _sources;
    private readonly ProcessRegistry _processes;
    private readonly Dictionary<uint, ProcessSymbolizer> _byPid = [];
    private readonly Dictionary<ulong, StackFrame> _kernelFrames = [];
    private readonly Lazy<KernelSymbols> _kernel;
    private long _generation;

    public Symbolizer(ProcessRegistry? processes = null, string procRoot = "/proc", long elfCacheBytes = 256L << 20, Func<KernelSymbols>? kernelSymbols = null)
    {
        _sources = new SymbolSources(procRoot, elfCacheBytes);
        _processes = processes ?? new ProcessRegistry(procRoot: procRoot);
        _kernel = new Lazy<KernelSymbols>(kernelSymbols ?? (() => KernelSymbols.Load($"{procRoot}/kallsyms")));
    }

    /// <summary>False when kernel addresses are hidden (kptr_restrict): kernel frames show raw addresses.</summary>
    public bool KernelSymbolsAvailable => _kernel.Value.IsUsable;

    public ProcessRegistry Processes => _processes;

    /// <summary>Parsed ELF files cached.</summary>
    public int CachedImages => _sources.Elf.Count;

    /// <summary>Starts a collection: maps and perf maps may be re-read once; forgets processes that exited.</summary>
    public void BeginCollection()
    {
        _generation++;
        if (_generation % 16 == 0 || _byPid.Count > MaxProcesses)
            ForgetExited();
    }

    /// <summary>Reads a process's mappings, perf map and name now, e.g. before it can exit.</summary>
    public void Prepare(uint pid)
    {
        _ = _processes.GetName(pid);
        Process(pid).Prepare(_generation);
    }

    /// <summary>The process's upid (pid + start time).</summary>
    public Upid UpidOf(uint pid) => Process(pid).Upid;

    /// <summary>Frames of one sample, root first.</summary>
    public StackFrame[] Resolve(in SampledStack sample)
    {
        int user = sample.UserIps.Length > 0 ? sample.UserIps.Length : (Lost(sample.UserStatus) ? 1 : 0);
        int kernel = sample.KernelIps.Length > 0 ? sample.KernelIps.Length : (Lost(sample.KernelStatus) ? 1 : 0);
        var frames = new StackFrame[Math.Max(1, user + kernel)];
        int next = 0;
        if (sample.UserIps.Length > 0)
        {
            ProcessSymbolizer process = Process(sample.Pid);
            process.LastSeenGeneration = _generation;
            for (int i = sample.UserIps.Length - 1; i >= 0; i--)
                frames[next++] = process.Resolve(CallSite(sample.UserIps[i], i), _generation);
        }
        else if (Lost(sample.UserStatus))
        {
            frames[next++] = new StackFrame($"[user stack lost: {Describe(sample.UserStatus)}]", FrameKind.Unknown);
        }
        if (sample.KernelIps.Length > 0)
        {
            for (int i = sample.KernelIps.Length - 1; i >= 0; i--)
                frames[next++] = KernelFrame(CallSite(sample.KernelIps[i], i));
        }
        else if (Lost(sample.KernelStatus))
        {
            frames[next++] = new StackFrame($"[kernel stack lost: {Describe(sample.KernelStatus)}]", FrameKind.Kernel);
        }
        if (next == 0)
            frames[next++] = new StackFrame("[no stack]", FrameKind.Unknown);
        return frames;
    }

    /// <summary>
    /// Every frame but the leaf holds a return address: the instruction after the
    /// call. Looking up one byte earlier finds the calling function even when the
    /// call was its last instruction.
    /// </summary>
    private static ulong CallSite(ulong ip, int leafFirstIndex) => leafFirstIndex == 0 || ip == 0 ? ip : ip - 1;

    private StackFrame KernelFrame(ulong address)
    {
        if (_kernelFrames.TryGetValue(address, out StackFrame frame))
            return frame;
        frame = _kernel.Value.TryFind(address, out string name, out ulong offset) && offset < MaxKernelSymbolSize
            ? new StackFrame(name, FrameKind.Kernel, "kernel")
            : new StackFrame($"0x{address:x}", FrameKind.Kernel, "kernel");
        if (_kernelFrames.Count >= 1 << 16)
            _kernelFrames.Clear();
        _kernelFrames[address] = frame;
        return frame;
    }

    private ProcessSymbolizer Process(uint pid)
    {
        if (!_byPid.TryGetValue(pid, out ProcessSymbolizer? process))
        {
            process = new ProcessSymbolizer(pid, _processes.GetUpid(pid), _sources) { LastSeenGeneration = _generation };
            _byPid[pid] = process;
        }
        return process;
    }

    private void ForgetExited()
    {
        foreach ((uint pid, ProcessSymbolizer process) in _byPid.ToList())
        {
            // A process quiet for a while and gone from /proc will not be sampled again (a new one with its pid gets a new upid).
            if (process.LastSeenGeneration < _generation - 4 && !Directory.Exists($"{_sources.ProcRoot}/{pid}"))
            {
                _byPid.Remove(pid);
                _processes.Forget(pid);
            }
        }
        if (_byPid.Count > MaxProcesses)
        {
            foreach (ProcessSymbolizer stale in _byPid.Values.OrderBy(p => p.LastSeenGeneration).Take(_byPid.Count - MaxProcesses).ToList())
                _byPid.Remove(stale.Pid);
        }
    }

    private static bool Lost(StackStatus status) => status is StackStatus.Collision or StackStatus.MapFull or StackStatus.Unreadable or StackStatus.Missing;

    private static string Describe(StackStatus status) => status switch
    {
        StackStatus.Collision => "stack map hash collision",
        StackStatus.MapFull => "stack map full",
        StackStatus.Missing => "gone from the stack map",
        _ => "unreadable",
    };
}
