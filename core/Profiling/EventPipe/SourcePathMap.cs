namespace Devtools.Core.Profiling.EventPipe;

/// <summary>
/// Rewrites source paths recorded in PDBs (where the code was built: "/src/Shop/Cart.cs"
/// in a container build) to where the sources are here ("/home/me/shop/Cart.cs").
/// The longest matching prefix wins; paths no prefix matches are kept as recorded.
/// </summary>
public sealed class SourcePathMap
{
    private readonly List<KeyValuePair<string, string>> _prefixes;

    public SourcePathMap(IEnumerable<KeyValuePair<string, string>> prefixes)
    {
        ArgumentNullException.ThrowIfNull(prefixes);
        _prefixes = [.. prefixes.Where(p => p.Key.Length > 0).OrderByDescending(p => p.Key.Length)];
    }

    public static SourcePathMap Empty { get; } = new([]);

    public string Map(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        foreach ((string from, string to) in _prefixes)
        {
            if (path.StartsWith(from, StringComparison.Ordinal))
                return string.Concat(to, path.AsSpan(from.Length));
        }
        return path;
    }
}
