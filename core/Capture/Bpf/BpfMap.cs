using System.Runtime.InteropServices;

namespace Devtools.Core.Capture.Bpf;

/// <summary>A loaded BPF map, reached through its fd.</summary>
public sealed unsafe class BpfMap
{
    private readonly nint _map;

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

    public void Update<TKey, TValue>(TKey key, TValue value)
        where TKey : unmanaged
        where TValue : unmanaged
    {
        if (LibBpf.MapUpdateElem(Fd, &key, &value, LibBpf.BpfAny) != 0)
            throw new BpfException($"Cannot update BPF map {Name}", Marshal.GetLastPInvokeError());
    }

    public bool Delete<TKey>(TKey key)
        where TKey : unmanaged => LibBpf.MapDeleteElem(Fd, &key) == 0;

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
