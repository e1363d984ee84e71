using System.Text;

namespace Devtools.Core.Query.Common;

/// <summary>
/// Maps short UTF-8 values with few distinct values (HTTP methods, DNS names) to shared strings,
/// so a scan over many rows allocates one string per distinct value instead of one per row.
/// </summary>
/// <param name="maxEntries">Distinct values kept; later ones are allocated each time.</param>
/// <param name="maxCachedBytes">Longest value cached (at most 1024); longer ones are allocated each time.</param>
internal sealed class Utf8StringCache(int maxEntries = 256, int maxCachedBytes = 64)
{
    private readonly int _maxCachedBytes = Math.Clamp(maxCachedBytes, 0, 1024);
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);

    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > _maxCachedBytes)
        {
            return Encoding.UTF8.GetString(utf8);
        }

        Span<char> chars = stackalloc char[_maxCachedBytes];
        int length = Encoding.UTF8.GetChars(utf8, chars);
        Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(chars[..length], out string? cached))
        {
            return cached;
        }

        string created = chars[..length].ToString();
        if (_strings.Count < maxEntries)
        {
            _strings.Add(created, created);
        }

        return created;
    }
}
