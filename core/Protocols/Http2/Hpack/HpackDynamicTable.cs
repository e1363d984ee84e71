using System.Buffers;

namespace Devtools.Core.Protocols.Http2.Hpack;

/// <summary>
/// The dynamic table of one HPACK decoding context (RFC 7541 §2.3.2, §4): entries
/// newest first, evicted oldest first when their size (name + value + 32) exceeds the
/// table's maximum size.
/// </summary>
/// <remarks>
/// <para>An observer may join a connection late or lose bytes, and then does not know
/// every entry the encoder has. Entries that arrive later still become known, at the
/// newest end, and the n-th newest entry is the n-th newest whatever was evicted
/// since: so the table keeps the entries it knows and says whether they are all
/// there (<see cref="IsComplete"/>). An index past the known entries is a field we
/// cannot name, not an error, in an incomplete table.</para>
/// <para>An entry whose name came from an entry we never saw is kept as a placeholder:
/// it takes a slot (so later indices stay right) but cannot be read.</para>
/// <para>Bytes are appended to one pooled buffer and compacted when it fills; the
/// table never holds more than <see cref="MemoryLimit"/> bytes of entries, whatever
/// size the peer allows (older entries then become unknown).</para>
/// </remarks>
internal sealed class HpackDynamicTable : IDisposable
{
    /// <summary>Per-entry overhead of RFC 7541 §4.1.</summary>
    public const int EntryOverhead = 32;

    private byte[] _bytes = [];
    private Entry[] _entries = new Entry[8];
    private int _oldest;        // index in _entries of the oldest entry
    private int _count;
    private int _bytesEnd;      // one past the newest entry's bytes
    private long _size;         // RFC size of the entries held

    public HpackDynamicTable(int memoryLimit)
    {
        MemoryLimit = Math.Max(EntryOverhead, memoryLimit);
    }

    /// <summary>Most RFC size this table keeps, whatever the encoder's maximum.</summary>
    public int MemoryLimit { get; }

    /// <summary>The encoder's maximum table size, as its last size update set it.</summary>
    public long MaxSize { get; private set; } = 4096;

    public int Count => _count;

    /// <summary>True when every entry the encoder has is here (we saw the context from its start).</summary>
    public bool IsComplete { get; private set; }

    /// <summary>Forgets every entry and starts a context we see from its beginning (a new connection).</summary>
    public void StartFresh(long maxSize)
    {
        Clear();
        MaxSize = maxSize;
        IsComplete = true;
    }

    /// <summary>Forgets every entry: the encoder's table is unknown from here on (bytes were missed).</summary>
    public void LoseContext()
    {
        Clear();
        IsComplete = false;
    }

    /// <summary>A dynamic table size update (RFC 7541 §6.3).</summary>
    public void SetMaxSize(long maxSize)
    {
        MaxSize = maxSize;
        Evict(0);
    }

    /// <summary>
    /// Entry <paramref name="index"/> (0 = newest): its name then its value, one span.
    /// False when it is not known: past the known entries, or a placeholder.
    /// </summary>
    public bool TryGet(int index, out ReadOnlySpan<byte> field, out int nameLength, out KnownField known)
    {
        field = default;
        nameLength = 0;
        known = KnownField.None;
        if ((uint)index >= (uint)_count)
            return false;
        ref Entry entry = ref _entries[Slot(_count - 1 - index)];
        if (entry.Unknown)
            return false;
        field = _bytes.AsSpan(entry.Offset, entry.NameLength + entry.ValueLength);
        nameLength = entry.NameLength;
        known = entry.Known;
        return true;
    }

    /// <summary>Entry <paramref name="index"/> (0 = newest), name and value apart; false when it is not known.</summary>
    public bool TryGet(int index, out ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value)
    {
        value = default;
        if (!TryGet(index, out name, out int nameLength, out _))
            return false;
        value = name[nameLength..];
        name = name[..nameLength];
        return true;
    }

    /// <summary>Adds an entry at the newest end (RFC 7541 §4.4), evicting as needed.</summary>
    public void Add(scoped ReadOnlySpan<byte> name, scoped ReadOnlySpan<byte> value) => Add(KnownFields.Of(name), name, value);

    /// <summary>Adds an entry whose name is already recognised as <paramref name="known"/>.</summary>
    public void Add(KnownField known, scoped ReadOnlySpan<byte> name, scoped ReadOnlySpan<byte> value) => Add(name, value, unknown: false, known);

    /// <summary>Adds a placeholder for an entry whose name we could not resolve; <paramref name="value"/> gives its least size.</summary>
    public void AddUnknown(scoped ReadOnlySpan<byte> value) => Add(default, value, unknown: true, KnownField.None);

    public void Dispose()
    {
        if (_bytes.Length > 0)
            ArrayPool<byte>.Shared.Return(_bytes);
        _bytes = [];
        Clear();
    }

    private void Add(scoped ReadOnlySpan<byte> name, scoped ReadOnlySpan<byte> value, bool unknown, KnownField known)
    {
        long size = (long)name.Length + value.Length + EntryOverhead;
        if (size > Math.Min(MaxSize, MemoryLimit))
        {
            // An entry larger than the table empties it (§4.4). One larger than our own
            // limit but not the encoder's leaves it holding entries we do not.
            if (size <= MaxSize)
                IsComplete = false;
            Clear();
            return;
        }
        Evict(size);
        int length = unknown ? 0 : name.Length + value.Length;
        EnsureRoom(length);
        if (!unknown)
        {
            name.CopyTo(_bytes.AsSpan(_bytesEnd));
            value.CopyTo(_bytes.AsSpan(_bytesEnd + name.Length));
        }
        if (_count == _entries.Length)
            GrowEntries();
        _entries[Slot(_count)] = new Entry(_bytesEnd, unknown ? 0 : name.Length, unknown ? 0 : value.Length, (int)size, unknown, known);
        _count++;
        _bytesEnd += length;
        _size += size;
    }

    /// <summary>Evicts oldest entries until <paramref name="incoming"/> more fits.</summary>
    private void Evict(long incoming)
    {
        while (_count > 0 && _size + incoming > MaxSize)
            RemoveOldest();
        while (_count > 0 && _size + incoming > MemoryLimit)
        {
            // The encoder still has this entry; we cannot keep it.
            RemoveOldest();
            IsComplete = false;
        }
    }

    private void RemoveOldest()
    {
        _size -= _entries[_oldest].Size;
        _oldest = Slot(1);
        _count--;
        if (_count == 0)
            _bytesEnd = 0;
    }

    private void EnsureRoom(int length)
    {
        if (_bytesEnd + length <= _bytes.Length)
            return;
        int start = _count > 0 ? _entries[_oldest].Offset : _bytesEnd;
        int used = _bytesEnd - start;
        byte[] target = _bytes;
        if (used + length > _bytes.Length / 2)
        {
            // Live bytes never exceed the memory limit: twice that leaves room to append
            // for a while before the next compaction.
            int size = Math.Max(256, Math.Max(_bytes.Length * 2, (used + length) * 2));
            target = ArrayPool<byte>.Shared.Rent(size);
        }
        _bytes.AsSpan(start, used).CopyTo(target);
        if (!ReferenceEquals(target, _bytes))
        {
            if (_bytes.Length > 0)
                ArrayPool<byte>.Shared.Return(_bytes);
            _bytes = target;
        }
        for (int i = 0; i < _count; i++)
            _entries[Slot(i)].Offset -= start;
        _bytesEnd = used;
    }

    private void GrowEntries()
    {
        var bigger = new Entry[_entries.Length * 2];
        for (int i = 0; i < _count; i++)
            bigger[i] = _entries[Slot(i)];
        _entries = bigger;
        _oldest = 0;
    }

    /// <summary>Where the entry <paramref name="fromOldest"/> places after the oldest sits (the ring's length is a power of two).</summary>
    private int Slot(int fromOldest) => (_oldest + fromOldest) & (_entries.Length - 1);

    private void Clear()
    {
        _oldest = 0;
        _count = 0;
        _bytesEnd = 0;
        _size = 0;
    }

    private struct Entry(int offset, int nameLength, int valueLength, int size, bool unknown, KnownField known)
    {
        public int Offset = offset;
        public readonly int NameLength = nameLength;
        public readonly int ValueLength = valueLength;
        public readonly int Size = size;
        public readonly bool Unknown = unknown;
        public readonly KnownField Known = known;
    }
}
