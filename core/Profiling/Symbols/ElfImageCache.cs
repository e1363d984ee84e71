namespace Devtools.Core.Profiling.Symbols;

/// <summary>
/// Parsed ELF images shared by every process: keyed first by the file's
/// identity on disk (inode, size, modification time and name: the same file seen
/// through different /proc/PID/root paths is one entry), then by GNU build id, so
/// the same library in many processes or containers is parsed once. Least recently used images
/// go once the symbol bytes exceed the budget.
/// </summary>
public sealed class ElfImageCache
{
    private readonly long _budgetBytes;
    private readonly Dictionary<FileKey, Node> _byFile = [];
    private readonly Dictionary<string, ElfImage> _byBuildId = new(StringComparer.Ordinal);
    private readonly LinkedList<FileKey> _recency = [];
    private long _bytes;

    public ElfImageCache(long budgetBytes = 256L << 20) => _budgetBytes = budgetBytes;

    public int Count => _byFile.Count;

    public long Bytes => _bytes;

    /// <summary>The image of the file at <paramref name="path"/> (null when it is not ELF or cannot be read).</summary>
    public ElfImage? Get(string path, ulong inode)
    {
        FileKey key;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
                return null;
            key = new FileKey(info.Name, inode, info.Length, info.LastWriteTimeUtc.Ticks);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        if (_byFile.TryGetValue(key, out Node? node))
        {
            _recency.Remove(node.Recency);
            _recency.AddLast(node.Recency);
            return node.Image;
        }
        ElfImage? image = null;
        string? buildId = ElfImage.TryReadBuildId(path);
        if (buildId is not null && _byBuildId.TryGetValue(buildId, out ElfImage? known))
            image = known;
        image ??= ElfImage.TryRead(path);
        long cost = image?.Symbols.EstimatedBytes ?? 0;
        node = new Node(image, cost, _recency.AddLast(key));
        _byFile[key] = node;
        if (image?.BuildId is { } id)
            _byBuildId.TryAdd(id, image);
        _bytes += cost;
        Evict();
        return image;
    }

    private void Evict()
    {
        while (_bytes > _budgetBytes && _recency.First is { } oldest && _byFile.Count > 1)
        {
            FileKey key = oldest.Value;
            _recency.RemoveFirst();
            if (_byFile.Remove(key, out Node? node))
            {
                _bytes -= node.Cost;
                if (node.Image?.BuildId is { } id && !_byFile.Values.Any(n => ReferenceEquals(n.Image, node.Image)))
                    _byBuildId.Remove(id);
            }
        }
    }

    private readonly record struct FileKey(string Name, ulong Inode, long Size, long ModifiedTicks);

    private sealed record Node(ElfImage? Image, long Cost, LinkedListNode<FileKey> Recency);
}
