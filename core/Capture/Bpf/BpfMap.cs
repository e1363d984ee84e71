using System.Runtime.InteropServices;

namespace Devtools.Core.Capture.Bpf;

/// <summary>A loaded BPF map, reached through its fd.</summary>
public sealed unsafe class BpfMap
{
    private readonly nint _map;
    private bool _noLookupAndDelete;

    internal BpfMap(nint map, string name)
    {
        _map = map;
        Name = name;
    }

    public string Name { get; }

    public int Fd => LibBpf.MapFd(_map);

    public int KeySize => (int)LibBpf.MapKeySize(_map);

    public int ValueSize => (int)LibBpf.MapValueSize(_map);

    /// <summary>Sizes the map; only before the object is loaded.</summary>
    public void SetMaxEntries(uint maxEntries)
    {
        int rc = LibBpf.MapSetMaxEntries(_map, maxEntries);
        if (rc != 0)
            throw new BpfException($"Cannot size BPF map {Name} to {maxEntries} entries", -rc);
    }

    public bool TryLookup<TKey, TValue>(TKey key, out TValue value)
        where TKey : unmanaged
        where TValue : unmanaged
    {
        TValue v = default;
        int rc = LibBpf.MapLookupElem(Fd, &key, &v);
        value = v;
        return rc == 0;
    }

    /// <summary>
    /// Reads and deletes one entry in one system call. Where the kernel has no such
    /// operation for this map type, falls back to a lookup and a delete (and remembers).
    /// </summary>
    public bool TryTake<TKey, TValue>(TKey key, out TValue value)
        where TKey : unmanaged
        where TValue : unmanaged
    {
        TValue v = default;
        if (!_noLookupAndDelete)
        {
            int rc = LibBpf.MapLookupAndDeleteElem(Fd, &key, &v);
            int errno = rc == 0 ? 0 : Marshal.GetLastPInvokeError();
            if (rc == 0 || !IsUnsupported(errno))
            {
                value = v;
                return rc == 0;
            }
            _noLookupAndDelete = true;
        }
        bool found = TryLookup(key, out value);
        Delete(key);
        return found;
    }

    private static bool IsUnsupported(int errno) => errno is 22 /* EINVAL */ or 95 /* EOPNOTSUPP */ or 524 /* ENOTSUPP */;

    public void Update<TKey, TValue>(TKey key, TValue value)
        where TKey : unmanaged
        where TValue : unmanaged
    {
        if (LibBpf.MapUpdateElem(Fd, &key, &value, LibBpf.BpfAny) != 0)
            throw new BpfException($"Cannot update BPF map {Name}", Marshal.GetLastPInvokeError());
    }

    public bool Delete<TKey>(TKey key)
        where TKey : unmanaged => LibBpf.MapDeleteElem(Fd, &key) == 0;

    /// <summary>
    /// Reads and deletes every entry of a hash map with the kernel's batch operation:
    /// a few system calls for the whole map instead of three per entry. Returns false,
    /// with nothing taken, when the kernel cannot (no batch support for this map or
    /// kernel, or a hash bucket larger than a chunk); callers fall back to per-key calls.
    /// </summary>
    public bool TryTakeAll<TKey, TValue>(List<KeyValuePair<TKey, TValue>> into, int chunk = 1024)
        where TKey : unmanaged
        where TValue : unmanaged
    {
        const int ENOENT = 2;
        var keys = new TKey[chunk];
        var values = new TValue[chunk];
        ulong batch = 0; // the kernel's resume token (a bucket index for hash maps)
        bool first = true;
        while (true)
        {
            uint count = (uint)chunk;
            int rc;
            fixed (TKey* k = keys)
            fixed (TValue* v = values)
            {
                rc = LibBpf.MapLookupAndDeleteBatch(Fd, first ? null : &batch, &batch, k, v, &count, 0);
            }
            int errno = rc == 0 ? 0 : Marshal.GetLastPInvokeError();
            if (rc != 0 && errno != ENOENT && -rc != ENOENT)
                return false;
            for (int i = 0; i < count; i++)
                into.Add(new KeyValuePair<TKey, TValue>(keys[i], values[i]));
            first = false;
            if (rc != 0)
                return true;
        }
    }

    /// <summary>Every key in a hash map (a snapshot: the kernel may change the map meanwhile).</summary>
    public List<TKey> Keys<TKey>()
        where TKey : unmanaged
    {
        var keys = new List<TKey>();
        TKey next = default;
        void* previous = null;
        TKey current = default;
        while (LibBpf.MapGetNextKey(Fd, previous, &next) == 0)
        {
            keys.Add(next);
            current = next;
            previous = &current;
        }
        return keys;
    }

    /// <summary>Sum over CPUs of a per-CPU array of u64 counters at <paramref name="index"/>.</summary>
    public ulong SumPerCpu(uint index)
    {
        int cpus = LibBpf.NumPossibleCpus();
        if (cpus <= 0)
            return 0;
        ulong* values = stackalloc ulong[cpus];
        if (LibBpf.MapLookupElem(Fd, &index, values) != 0)
            return 0;
        ulong sum = 0;
        for (int i = 0; i < cpus; i++)
            sum += values[i];
        return sum;
    }
}
