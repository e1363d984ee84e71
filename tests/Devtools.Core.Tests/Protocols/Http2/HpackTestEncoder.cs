using System.Text;
using Devtools.Core.Protocols.Http2.Hpack;

namespace Devtools.Core.Tests.Protocols.Http2;

/// <summary>
/// A small HPACK encoder for tests (RFC 7541): indexes what it can, adds the rest to its
/// dynamic table, Huffman-codes strings when that is shorter, never indexes secrets.
/// </summary>
public sealed class HpackTestEncoder
{
    private static readonly (string Name, string Value)[] Static =
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

    private readonly List<(string Name, string Value)> _dynamic = [];
    private int _size;
    private int _pendingSizeUpdate = -1;

    public int MaxSize { get; private set; } = 4096;

    public bool Huffman { get; set; } = true;

    /// <summary>Announces a new table size at the start of the next block.</summary>
    public void SetMaxSize(int size)
    {
        MaxSize = size;
        _pendingSizeUpdate = size;
        Evict(0);
    }

    public byte[] Encode(params (string Name, string Value)[] fields)
    {
        var output = new List<byte>();
        if (_pendingSizeUpdate >= 0)
        {
            WriteInteger(output, 0x20, 5, _pendingSizeUpdate);
            _pendingSizeUpdate = -1;
        }
        foreach ((string name, string value) in fields)
        {
            int exact = FindExact(name, value);
            if (exact > 0)
            {
                WriteInteger(output, 0x80, 7, exact);
                continue;
            }
            int nameIndex = FindName(name);
            bool secret = name is "authorization" or "cookie";
            if (secret)
                WriteInteger(output, 0x10, 4, nameIndex);
            else
                WriteInteger(output, 0x40, 6, nameIndex);
            if (nameIndex == 0)
                WriteString(output, name);
            WriteString(output, value);
            if (!secret)
                Add(name, value);
        }
        return [.. output];
    }

    /// <summary>Huffman-encodes <paramref name="text"/> (Latin-1 bytes).</summary>
    public static byte[] HuffmanEncode(string text)
    {
        byte[] source = Encoding.Latin1.GetBytes(text);
        byte[] output = new byte[(source.Length * 4) + 1];
        return output.AsSpan(0, HpackHuffman.Encode(source, output)).ToArray();
    }

    private void WriteString(List<byte> output, string text)
    {
        byte[] raw = Encoding.Latin1.GetBytes(text);
        byte[] huffman = HuffmanEncode(text);
        if (Huffman && huffman.Length < raw.Length)
        {
            WriteInteger(output, 0x80, 7, huffman.Length);
            output.AddRange(huffman);
        }
        else
        {
            WriteInteger(output, 0x00, 7, raw.Length);
            output.AddRange(raw);
        }
    }

    private static void WriteInteger(List<byte> output, byte pattern, int prefixBits, int value)
    {
        int max = (1 << prefixBits) - 1;
        if (value < max)
        {
            output.Add((byte)(pattern | value));
            return;
        }
        output.Add((byte)(pattern | max));
        value -= max;
        while (value >= 128)
        {
            output.Add((byte)((value & 0x7F) | 0x80));
            value >>= 7;
        }
        output.Add((byte)value);
    }

    private int FindExact(string name, string value)
    {
        for (int i = 0; i < Static.Length; i++)
        {
            if (Static[i].Name == name && Static[i].Value == value)
                return i + 1;
        }
        for (int i = 0; i < _dynamic.Count; i++)
        {
            if (_dynamic[i].Name == name && _dynamic[i].Value == value)
                return Static.Length + 1 + i;
        }
        return 0;
    }

    private int FindName(string name)
    {
        for (int i = 0; i < Static.Length; i++)
        {
            if (Static[i].Name == name)
                return i + 1;
        }
        for (int i = 0; i < _dynamic.Count; i++)
        {
            if (_dynamic[i].Name == name)
                return Static.Length + 1 + i;
        }
        return 0;
    }

    private void Add(string name, string value)
    {
        int size = name.Length + value.Length + 32;
        Evict(size);
        if (size > MaxSize)
        {
            _dynamic.Clear();
            _size = 0;
            return;
        }
        _dynamic.Insert(0, (name, value));
        _size += size;
    }

    private void Evict(int incoming)
    {
        while (_dynamic.Count > 0 && _size + incoming > MaxSize)
        {
            (string n, string v) = _dynamic[^1];
            _size -= n.Length + v.Length + 32;
            _dynamic.RemoveAt(_dynamic.Count - 1);
        }
    }
}
