using System.Text;

namespace Devtools.Core.Protocols.Http;

/// <summary>One header field as UTF-8 (or Latin-1) bytes, valid while the frame it came from is.</summary>
public readonly ref struct HttpHeader(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value)
{
    public ReadOnlySpan<byte> Name { get; } = name;

    public ReadOnlySpan<byte> Value { get; } = value;
}

/// <summary>Where one decoded field's name and value sit in a byte store (HTTP/2 after HPACK).</summary>
public readonly record struct HttpFieldRange(int NameOffset, int NameLength, int ValueOffset, int ValueLength);

/// <summary>
/// The header fields of one message, enumerable as (name, value) byte spans without
/// allocating. Two shapes hide behind it: HTTP/1's raw field lines ("Name: value\r\n",
/// as they arrived, a second block holding trailer lines) and a decoded field list
/// (a byte store plus ranges, as an HPACK decoder produces). Consumers never see which.
/// </summary>
public readonly ref struct HttpHeaders
{
    private readonly ReadOnlySpan<byte> _lines;
    private readonly ReadOnlySpan<byte> _moreLines;
    private readonly ReadOnlySpan<byte> _store;
    private readonly ReadOnlySpan<HttpFieldRange> _fields;
    private readonly bool _isFieldList;

    private HttpHeaders(ReadOnlySpan<byte> lines, ReadOnlySpan<byte> moreLines, ReadOnlySpan<byte> store, ReadOnlySpan<HttpFieldRange> fields, bool isFieldList)
    {
        _lines = lines;
        _moreLines = moreLines;
        _store = store;
        _fields = fields;
        _isFieldList = isFieldList;
    }

    /// <summary>
    /// HTTP/1 field lines, each ending with LF or CRLF; <paramref name="trailerLines"/>
    /// (fields that followed a chunked body) are enumerated after them.
    /// </summary>
    public static HttpHeaders FromHttp1Lines(ReadOnlySpan<byte> lines, ReadOnlySpan<byte> trailerLines = default) =>
        new(lines, trailerLines, default, default, isFieldList: false);

    /// <summary>A decoded field list: each range points into <paramref name="store"/>.</summary>
    public static HttpHeaders FromFieldList(ReadOnlySpan<byte> store, ReadOnlySpan<HttpFieldRange> fields) =>
        new(default, default, store, fields, isFieldList: true);

    public bool IsEmpty => _isFieldList ? _fields.IsEmpty : _lines.IsEmpty && _moreLines.IsEmpty;

    // The bytes every name and value is cut from, for consumers that check them all in
    // one pass rather than field by field.
    internal bool IsFieldList => _isFieldList;

    /// <summary>HTTP/1 field lines (empty for a field list).</summary>
    internal ReadOnlySpan<byte> Lines => _lines;

    /// <summary>HTTP/1 trailer lines (empty for a field list).</summary>
    internal ReadOnlySpan<byte> TrailerLines => _moreLines;

    /// <summary>A field list's byte store (empty for HTTP/1).</summary>
    internal ReadOnlySpan<byte> Store => _store;

    /// <summary>The number of fields (walks the lines of an HTTP/1 block).</summary>
    public int Count
    {
        get
        {
            if (_isFieldList)
                return _fields.Length;
            int count = 0;
            foreach (HttpHeader _ in this)
                count++;
            return count;
        }
    }

    public Enumerator GetEnumerator() => new(_lines, _moreLines, _store, _fields, _isFieldList);

    /// <summary>The value of the first field named <paramref name="name"/> (ASCII case-insensitive).</summary>
    public bool TryGetValue(ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value)
    {
        foreach (HttpHeader header in this)
        {
            if (Ascii.EqualsIgnoreCase(header.Name, name))
            {
                value = header.Value;
                return true;
            }
        }
        value = default;
        return false;
    }

    /// <summary>Walks the fields in order. Malformed lines (which a parser would have rejected) are skipped.</summary>
    public ref struct Enumerator
    {
        private ReadOnlySpan<byte> _rest;
        private ReadOnlySpan<byte> _next;
        private readonly ReadOnlySpan<byte> _store;
        private readonly ReadOnlySpan<HttpFieldRange> _fields;
        private readonly bool _isFieldList;
        private int _index;
        private HttpHeader _current;

        internal Enumerator(ReadOnlySpan<byte> lines, ReadOnlySpan<byte> moreLines, ReadOnlySpan<byte> store, ReadOnlySpan<HttpFieldRange> fields, bool isFieldList)
        {
            _rest = lines;
            _next = moreLines;
            _store = store;
            _fields = fields;
            _isFieldList = isFieldList;
            _index = -1;
            _current = default;
        }

        public readonly HttpHeader Current => _current;

        public bool MoveNext() => _isFieldList ? MoveNextField() : MoveNextLine();

        private bool MoveNextField()
        {
            while (++_index < _fields.Length)
            {
                HttpFieldRange f = _fields[_index];
                // Ranges come from our own decoder, but a bad one must not throw on the capture path.
                if ((uint)f.NameOffset > (uint)_store.Length || (uint)f.NameLength > (uint)(_store.Length - f.NameOffset)
                    || (uint)f.ValueOffset > (uint)_store.Length || (uint)f.ValueLength > (uint)(_store.Length - f.ValueOffset))
                    continue;
                _current = new HttpHeader(_store.Slice(f.NameOffset, f.NameLength), _store.Slice(f.ValueOffset, f.ValueLength));
                return true;
            }
            return false;
        }

        private bool MoveNextLine()
        {
            while (true)
            {
                if (_rest.IsEmpty)
                {
                    if (_next.IsEmpty)
                        return false;
                    _rest = _next;
                    _next = default;
                }
                int newline = _rest.IndexOf((byte)'\n');
                ReadOnlySpan<byte> line = newline < 0 ? _rest : _rest[..newline];
                _rest = newline < 0 ? default : _rest[(newline + 1)..];
                if (!line.IsEmpty && line[^1] == (byte)'\r')
                    line = line[..^1];
                int colon = line.IndexOf((byte)':');
                if (colon <= 0)
                    continue;
                _current = new HttpHeader(line[..colon], HttpSyntax.TrimWhitespace(line[(colon + 1)..]));
                return true;
            }
        }
    }
}
