using System.Runtime.InteropServices;

namespace Devtools.Core.Capture.Bpf;

/// <summary>
/// The slice of libbpf 1.1 (libbpf.so.1, Debian 12) that the loader needs. libbpf
/// 1.x returns NULL or a negative errno and sets errno; see <see cref="BpfException"/>.
/// </summary>
internal static unsafe partial class LibBpf
{
    private const string Lib = "libbpf.so.1";

    [LibraryImport(Lib, EntryPoint = "bpf_object__open_mem", SetLastError = true)]
    internal static partial nint ObjectOpenMem(byte* buffer, nuint size, nint opts);

    [LibraryImport(Lib, EntryPoint = "bpf_object__load", SetLastError = true)]
    internal static partial int ObjectLoad(nint obj);

    [LibraryImport(Lib, EntryPoint = "bpf_object__close")]
    internal static partial void ObjectClose(nint obj);

    [LibraryImport(Lib, EntryPoint = "bpf_object__find_map_by_name", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint ObjectFindMapByName(nint obj, string name);

    [LibraryImport(Lib, EntryPoint = "bpf_object__find_program_by_name", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint ObjectFindProgramByName(nint obj, string name);

    [LibraryImport(Lib, EntryPoint = "bpf_object__next_program")]
    internal static partial nint ObjectNextProgram(nint obj, nint prev);

    [LibraryImport(Lib, EntryPoint = "bpf_program__name")]
    internal static partial nint ProgramName(nint prog);

    [LibraryImport(Lib, EntryPoint = "bpf_program__section_name")]
    internal static partial nint ProgramSectionName(nint prog);

    [LibraryImport(Lib, EntryPoint = "bpf_program__set_autoload")]
    internal static partial int ProgramSetAutoload(nint prog, [MarshalAs(UnmanagedType.U1)] bool autoload);

    [LibraryImport(Lib, EntryPoint = "bpf_program__attach", SetLastError = true)]
    internal static partial nint ProgramAttach(nint prog);

    [LibraryImport(Lib, EntryPoint = "bpf_program__attach_perf_event", SetLastError = true)]
    internal static partial nint ProgramAttachPerfEvent(nint prog, int perfEventFd);

    [LibraryImport(Lib, EntryPoint = "bpf_link__destroy")]
    internal static partial int LinkDestroy(nint link);

    [LibraryImport(Lib, EntryPoint = "bpf_map__set_max_entries")]
    internal static partial int MapSetMaxEntries(nint map, uint maxEntries);

    [LibraryImport(Lib, EntryPoint = "bpf_map__fd")]
    internal static partial int MapFd(nint map);

    [LibraryImport(Lib, EntryPoint = "bpf_map__value_size")]
    internal static partial uint MapValueSize(nint map);

    [LibraryImport(Lib, EntryPoint = "bpf_map__key_size")]
    internal static partial uint MapKeySize(nint map);

    [LibraryImport(Lib, EntryPoint = "bpf_map_lookup_and_delete_elem", SetLastError = true)]
    internal static partial int MapLookupAndDeleteElem(int fd, void* key, void* value);

    [LibraryImport(Lib, EntryPoint = "bpf_map_lookup_elem", SetLastError = true)]
    internal static partial int MapLookupElem(int fd, void* key, void* value);

    [LibraryImport(Lib, EntryPoint = "bpf_map_update_elem", SetLastError = true)]
    internal static partial int MapUpdateElem(int fd, void* key, void* value, ulong flags);

    [LibraryImport(Lib, EntryPoint = "bpf_map_delete_elem", SetLastError = true)]
    internal static partial int MapDeleteElem(int fd, void* key);

    /// <summary>bpf_map_lookup_and_delete_batch: 0 with more to come, -ENOENT when the last entries were returned.</summary>
    [LibraryImport(Lib, EntryPoint = "bpf_map_lookup_and_delete_batch", SetLastError = true)]
    internal static partial int MapLookupAndDeleteBatch(int fd, void* inBatch, void* outBatch, void* keys, void* values, uint* count, nint opts);

    [LibraryImport(Lib, EntryPoint = "bpf_map_get_next_key", SetLastError = true)]
    internal static partial int MapGetNextKey(int fd, void* key, void* nextKey);

    [LibraryImport(Lib, EntryPoint = "libbpf_num_possible_cpus")]
    internal static partial int NumPossibleCpus();

    [LibraryImport(Lib, EntryPoint = "ring_buffer__new", SetLastError = true)]
    internal static partial nint RingBufferNew(int mapFd, delegate* unmanaged<nint, void*, nuint, int> sampleCallback, nint ctx, nint opts);

    [LibraryImport(Lib, EntryPoint = "ring_buffer__poll", SetLastError = true)]
    internal static partial int RingBufferPoll(nint rb, int timeoutMs);

    [LibraryImport(Lib, EntryPoint = "ring_buffer__consume", SetLastError = true)]
    internal static partial int RingBufferConsume(nint rb);

    [LibraryImport(Lib, EntryPoint = "ring_buffer__free")]
    internal static partial void RingBufferFree(nint rb);

    [LibraryImport(Lib, EntryPoint = "libbpf_set_print")]
    internal static partial nint SetPrint(delegate* unmanaged<int, byte*, nint, int> print);

    /// <summary>Formats libbpf's printf-style log lines (x86-64: a va_list argument is a pointer).</summary>
    [LibraryImport("libc", EntryPoint = "vsnprintf")]
    internal static partial int VsnPrintf(byte* buffer, nuint size, byte* format, nint args);

    internal const ulong BpfAny = 0;
}
