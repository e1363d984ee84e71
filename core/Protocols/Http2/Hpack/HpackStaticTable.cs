using System.Text;

namespace Devtools.Core.Protocols.Http2.Hpack;

/// <summary>
/// The 61 entries of RFC 7541 Appendix A, indexed from 1. Names and values live in
/// one byte array built once, so a lookup hands out spans and allocates nothing.
/// </summary>
internal static class HpackStaticTable
{
    /// <summary>Indices 1..Count are static; the dynamic table starts at Count + 1.</summary>
    public const int Count = 61;

    private static readonly (string Name, string Value)[] Entries =
    [
        (":authority", ""), (":method", "GET"), (":method", "POST"), (":path", "/"), (":path", "/index.html"),
        (":scheme", "http"), (":scheme", "https"), (":status", "200"), (":status", "204"), (":status", "206"),
        (":status", "304"), (":status", "400"), (":status", "404"), (":status", "500"), ("accept-charset", ""),
        ("accept-encoding", "gzip, deflate"), ("accept-language", ""), ("accept-ranges", ""), ("accept", ""),
        ("access-control-allow-origin", ""), ("age", ""), ("allow", ""), ("authorization", ""), ("cache-control", ""),
        ("content-disposition", ""), ("content-encoding", ""), ("content-language", ""), ("content-length", ""),
        ("content-location", ""), ("content-range", ""), ("content-type", ""), ("cookie", ""), ("date", ""),
        ("etag", ""), ("expect", ""), ("expires", ""), ("from", ""), ("host", ""), ("if-match", ""),
        ("if-modified-since", ""), ("if-none-match", ""), ("if-range", ""), ("if-unmodified-since", ""),
        ("last-modified", ""), ("link", ""), ("location", ""), ("max-forwards", ""), ("proxy-authenticate", ""),
        ("proxy-authorization", ""), ("range", ""), ("referer", ""), ("refresh", ""), ("retry-after", ""),
        ("server", ""), ("set-cookie", ""), ("strict-transport-security", ""), ("transfer-encoding", ""),
        ("user-agent", ""), ("vary", ""), ("via", ""), ("www-authenticate", ""),
    ];

    private static readonly byte[] Bytes;
    private static readonly (int Offset, int NameLength, int ValueLength)[] Ranges;
    private static readonly KnownField[] Known;

#pragma warning disable CA1810 // The arrays are built from Entries in one pass.
    static HpackStaticTable()
#pragma warning restore CA1810
    {
        var bytes = new List<byte>();
        Ranges = new (int, int, int)[Count + 1];
        Known = new KnownField[Count + 1];
        for (int i = 0; i < Entries.Length; i++)
        {
            (string name, string value) = Entries[i];
            Ranges[i + 1] = (bytes.Count, name.Length, value.Length);
            bytes.AddRange(Encoding.ASCII.GetBytes(name));
            bytes.AddRange(Encoding.ASCII.GetBytes(value));
            Known[i + 1] = KnownFields.OfStatic(Encoding.ASCII.GetBytes(name));
        }
        Bytes = [.. bytes];
    }

    /// <summary>The name of entry <paramref name="index"/> (1..61).</summary>
    public static ReadOnlySpan<byte> Name(int index)
    {
        (int offset, int nameLength, _) = Ranges[index];
        return Bytes.AsSpan(offset, nameLength);
    }

    /// <summary>The value of entry <paramref name="index"/> (1..61).</summary>
    public static ReadOnlySpan<byte> Value(int index)
    {
        (int offset, int nameLength, int valueLength) = Ranges[index];
        return Bytes.AsSpan(offset + nameLength, valueLength);
    }

    /// <summary>Entry <paramref name="index"/> (1..61): its name then its value, one span.</summary>
    public static ReadOnlySpan<byte> Field(int index, out int nameLength)
    {
        (int offset, nameLength, int valueLength) = Ranges[index];
        return Bytes.AsSpan(offset, nameLength + valueLength);
    }

    /// <summary>Which known field the name of entry <paramref name="index"/> (1..61) is.</summary>
    public static KnownField KnownName(int index) => Known[index];
}
