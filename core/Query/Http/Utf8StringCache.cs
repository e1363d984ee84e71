using System.Text;

namespace Devtools.Core.Query.Http;

/// <summary>
/// Maps short UTF-8 values with few distinct values (HTTP methods) to shared strings, so a scan
/// over many rows allocates one string per distinct value instead of one per row.
/// </summary>
internal sealed class Utf8StringCache
{
    private const int MaxEntries = 256;
    private const int MaxCachedBytes = 64;

    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public Utf8StringCache() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxCachedBytes)
        {
            return Encoding.UTF8.GetString(utf8);
        }

        Span<char> chars = stackalloc char[MaxCachedBytes];
        int length = Encoding.UTF8.GetChars(utf8, chars);
        if (_lookup.TryGetValue(chars[..length], out string? cached))
        {
            return cached;
        }

        string created = chars[..length].ToString();
        if (_strings.Count < MaxEntries)
        {
            _strings.Add(created, created);
        }

        return created;
    }
}
