using System.Text;

namespace Devtools.Core.Protocols.Pgsql;

/// <summary>A statement prepared with Parse: its text and parameter types, as far as they were kept.</summary>
internal sealed class PreparedStatement
{
    public Utf8TextBuilder Text { get; } = new(PgsqlMessageRules.MaxStatementBytes);

    /// <summary>Parameter type oids from Parse or ParameterDescription (0: unspecified).</summary>
    public uint[] ParameterTypes { get; } = new uint[PgsqlStatementCache.MaxParameterTypes];

    public int ParameterTypeCount { get; set; }

    public uint ParameterType(int index) => index < ParameterTypeCount ? ParameterTypes[index] : 0;

    /// <summary>Reads int16 count + int32 oids (Parse's tail, or ParameterDescription).</summary>
    public void SetParameterTypes(ref PgsqlReader reader)
    {
        ParameterTypeCount = 0;
        if (!reader.TryReadInt16(out short count))
            return;
        int n = Math.Clamp((int)count, 0, ParameterTypes.Length);
        for (int i = 0; i < n && reader.TryReadInt32(out int oid); i++)
        {
            ParameterTypes[i] = (uint)oid;
            ParameterTypeCount = i + 1;
        }
    }
}

/// <summary>A portal made by Bind: what an Execute of it runs, as text (statement and parameters).</summary>
internal sealed class BoundPortal
{
    /// <summary>The statement's text followed by its rendered parameters.</summary>
    public Utf8TextBuilder Text { get; } = new(PgsqlMessageRules.MaxStatementBytes + PgsqlBindRenderer.MaxParametersBytes);
}

/// <summary>
/// One connection's prepared statements and portals by name, so that an Execute shows the
/// statement prepared (maybe many requests) earlier. Bounded: beyond
/// <see cref="MaxStatements"/> statements or <see cref="MaxPortals"/> portals an old one is
/// forgotten and counted. Only a new name allocates; the unnamed statement and portal,
/// used by most drivers for one-off statements, are reused in place.
/// </summary>
internal sealed class PgsqlStatementCache
{
    public const int MaxStatements = 128;
    public const int MaxPortals = 32;
    public const int MaxParameterTypes = 64;

    private readonly NamedObjects<PreparedStatement> _statements;
    private readonly NamedObjects<BoundPortal> _portals;

    // Most drivers send one-off statements through the unnamed statement and portal:
    // they get fields of their own, no lookup.
    private readonly PreparedStatement _unnamedStatement = new();
    private readonly BoundPortal _unnamedPortal = new();
    private bool _unnamedStatementDefined;
    private bool _unnamedPortalDefined;

    public PgsqlStatementCache(PgsqlCounters counters)
    {
        _statements = new NamedObjects<PreparedStatement>(MaxStatements, counters);
        _portals = new NamedObjects<BoundPortal>(MaxPortals, counters);
    }

    public PreparedStatement? FindStatement(ReadOnlySpan<byte> name) =>
        name.IsEmpty ? (_unnamedStatementDefined ? _unnamedStatement : null) : _statements.Find(name);

    public PreparedStatement? DefineStatement(ReadOnlySpan<byte> name)
    {
        if (!name.IsEmpty)
            return _statements.GetOrAdd(name);
        _unnamedStatementDefined = true;
        return _unnamedStatement;
    }

    public BoundPortal? FindPortal(ReadOnlySpan<byte> name) =>
        name.IsEmpty ? (_unnamedPortalDefined ? _unnamedPortal : null) : _portals.Find(name);

    public BoundPortal? DefinePortal(ReadOnlySpan<byte> name)
    {
        if (!name.IsEmpty)
            return _portals.GetOrAdd(name);
        _unnamedPortalDefined = true;
        return _unnamedPortal;
    }

    /// <summary>Close: 'S' a statement, 'P' a portal.</summary>
    public void Close(byte kind, ReadOnlySpan<byte> name)
    {
        if (kind == (byte)'S')
        {
            if (name.IsEmpty)
                _unnamedStatementDefined = false;
            else
                _statements.Remove(name);
        }
        else if (name.IsEmpty)
        {
            _unnamedPortalDefined = false;
        }
        else
        {
            _portals.Remove(name);
        }
    }

    /// <summary>Objects by name; names are looked up as Latin-1 chars so a lookup allocates nothing.</summary>
    private sealed class NamedObjects<T>(int capacity, PgsqlCounters counters)
        where T : class, new()
    {
        /// <summary>PostgreSQL keeps 63 bytes of a name; longer ones are not tracked.</summary>
        private const int MaxNameBytes = 256;

        private readonly Dictionary<string, T> _items = new(StringComparer.Ordinal);

        public T? Find(ReadOnlySpan<byte> name)
        {
            if (name.Length > MaxNameBytes)
                return null;
            Span<char> chars = stackalloc char[name.Length];
            Encoding.Latin1.GetChars(name, chars);
            return _items.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(chars, out T? item) ? item : null;
        }

        public T? GetOrAdd(ReadOnlySpan<byte> name)
        {
            // (The unnamed object lives outside: every name here has a character.)
            if (name.Length > MaxNameBytes)
                return null;
            T? item = Find(name);
            if (item is not null)
                return item;
            if (_items.Count >= capacity)
                EvictOne();
            item = new T();
            _items[Encoding.Latin1.GetString(name)] = item;
            return item;
        }

        public void Remove(ReadOnlySpan<byte> name)
        {
            if (name.Length > MaxNameBytes)
                return;
            Span<char> chars = stackalloc char[name.Length];
            Encoding.Latin1.GetChars(name, chars);
            _items.GetAlternateLookup<ReadOnlySpan<char>>().Remove(chars);
        }

        private void EvictOne()
        {
            // Rare (a client preparing ever new names): any entry will do.
            foreach (string key in _items.Keys)
            {
                _items.Remove(key);
                counters.StatementsEvicted.Value++;
                return;
            }
        }
    }
}
