using System.Buffers;
using Devtools.Core.Common;

namespace Devtools.Core.Protocols.Http2.Hpack;

/// <summary>What decoding one header block came to.</summary>
internal enum HpackResult : byte
{
    /// <summary>Every field was decoded (some may have been unknown in an incomplete context).</summary>
    Decoded,

    /// <summary>
    /// The block is not valid HPACK here (bad integer, string or Huffman code, an index
    /// past a complete table, a misplaced or oversized table size update). What the block
    /// did to the table is unknown, so the context is lost.
    /// </summary>
    Error,
}

/// <summary>
/// One HPACK decoding context (RFC 7541): the header blocks one endpoint sends on a
/// connection, decoded in order against the dynamic table they build. Never throws:
/// malformed input is an <see cref="HpackResult.Error"/>, after which the table is
/// forgotten and only fields that do not need it decode (static entries, literals),
/// until new entries make it useful again.
/// </summary>
/// <remarks>
/// When secrets will be redacted, a secret sent as a literal that is not added to the
/// table (never indexed, as encoders send credentials and cookies) is not decoded: its
/// value comes out empty, or as its scheme word ("Bearer "), which is all redaction
/// shows of it. Its Huffman code is then not checked either; a field added to the
/// table is always decoded whole, because the table's size accounting needs its length.
/// </remarks>
internal sealed class HpackDecoder : IDisposable
{
    /// <summary>Continuation bytes of an HPACK integer beyond which it cannot be a sane length or index.</summary>
    private const int MaxIntegerBytes = 4;

    /// <summary>No table size update above this is believed, whatever we did not see of the settings.</summary>
    private const long MaxPlausibleTableSize = 1 << 24;

    private readonly HpackDynamicTable _table;
    private readonly HpackStringReader _strings;
    private readonly bool _redactSecrets;
    private byte[] _scratch = [];

    /// <param name="maxTableBytes">Most bytes of dynamic table kept (the peer may allow more; older entries then become unknown).</param>
    /// <param name="redactSecrets">Secret values will be redacted: those not added to the table need not be decoded.</param>
    public HpackDecoder(int maxTableBytes, bool redactSecrets = false)
    {
        _table = new HpackDynamicTable(maxTableBytes);
        _redactSecrets = redactSecrets;
        _strings = new HpackStringReader(redactSecrets);
    }

    /// <summary>Largest table size the receiver allows this encoder (SETTINGS_HEADER_TABLE_SIZE), when known.</summary>
    public long? AllowedMaxSize { get; private set; }

    /// <summary>True while every dynamic table entry is known: the context was seen from its start.</summary>
    public bool IsComplete => _table.IsComplete;

    internal HpackDynamicTable Table => _table;

    /// <summary>The context starts here (a new connection): an empty table of the allowed size.</summary>
    public void StartFresh() => _table.StartFresh(AllowedMaxSize ?? 4096);

    /// <summary>Bytes of this context were missed: forget the table.</summary>
    public void LoseContext() => _table.LoseContext();

    /// <summary>The receiver's SETTINGS_HEADER_TABLE_SIZE. The encoder announces its own size (at most this) in a block.</summary>
    public void AllowMaxSize(long size)
    {
        // Settings take effect once acknowledged; an observer cannot tell when, so the
        // largest value seen bounds the updates believed.
        AllowedMaxSize = Math.Max(AllowedMaxSize ?? 0, size);
        if (size < _table.MaxSize)
        {
            // A lower limit forces the encoder to shrink (§4.2): entries beyond it are gone.
            _table.SetMaxSize(size);
        }
    }

    /// <summary>Decodes one whole header block, handing each field to <paramref name="sink"/>.</summary>
    public HpackResult Decode(ReadOnlySpan<byte> block, IHpackFieldSink sink)
    {
        int pos = 0;
        bool fieldSeen = false;
        _strings.StartBlock();
        while (pos < block.Length)
        {
            byte first = block[pos];
            bool ok;
            if ((first & 0x80) != 0)
            {
                ok = TryReadInteger(block, ref pos, 7, out int index) && Indexed(index, sink);
                fieldSeen = true;
            }
            else if ((first & 0x40) != 0)
            {
                ok = Literal(block, ref pos, 6, addToTable: true, sink);
                fieldSeen = true;
            }
            else if ((first & 0x20) != 0)
            {
                // A size update belongs at the start of a block (§4.2).
                ok = !fieldSeen && TryReadInteger(block, ref pos, 5, out int size) && SizeUpdate(size);
            }
            else
            {
                // Without indexing (0000) and never indexed (0001) decode alike.
                ok = Literal(block, ref pos, 4, addToTable: false, sink);
                fieldSeen = true;
            }
            if (!ok)
            {
                _table.LoseContext();
                return HpackResult.Error;
            }
        }
        return HpackResult.Decoded;
    }

    public void Dispose()
    {
        _table.Dispose();
        _strings.Dispose();
        if (_scratch.Length > 0)
            ArrayPool<byte>.Shared.Return(_scratch);
        _scratch = [];
    }

    private bool Indexed(int index, IHpackFieldSink sink)
    {
        if (index == 0)
            return false;
        if (index <= HpackStaticTable.Count)
        {
            ReadOnlySpan<byte> entry = HpackStaticTable.Field(index, out int entryNameLength);
            sink.OnField(HpackStaticTable.KnownName(index), entry, entryNameLength);
            return true;
        }
        if (_table.TryGet(index - HpackStaticTable.Count - 1, out ReadOnlySpan<byte> field, out int nameLength, out KnownField known))
        {
            sink.OnField(known, field, nameLength);
            return true;
        }
        if (_table.IsComplete && index - HpackStaticTable.Count > _table.Count)
            return false;
        sink.OnUnknownField();
        return true;
    }

    private bool Literal(ReadOnlySpan<byte> block, ref int pos, int prefixBits, bool addToTable, IHpackFieldSink sink)
    {
        if (!TryReadInteger(block, ref pos, prefixBits, out int nameIndex))
            return false;
        // The field is laid out in the scratch buffer, name then value, so the sink can
        // keep it with one copy (and the table's bytes may move when the entry is added).
        int room = HpackHuffman.MaxDecodedLength(block.Length - pos);
        bool nameKnown = true;
        int nameLength = 0;
        KnownField known = KnownField.None;
        if (nameIndex == 0)
        {
            EnsureScratch(room * 2);
            if (!_strings.TryRead(block, ref pos, _scratch, valueFollows: true, out nameLength))
                return false;
            known = KnownFields.Of(_scratch.AsSpan(0, nameLength));
        }
        else if (nameIndex <= HpackStaticTable.Count)
        {
            ReadOnlySpan<byte> staticName = HpackStaticTable.Name(nameIndex);
            EnsureScratch(staticName.Length + room);
            ShortCopy.Copy(staticName, _scratch);
            nameLength = staticName.Length;
            known = HpackStaticTable.KnownName(nameIndex);
        }
        else if (_table.TryGet(nameIndex - HpackStaticTable.Count - 1, out ReadOnlySpan<byte> tableField, out int tableNameLength, out known))
        {
            EnsureScratch(tableNameLength + room);
            ShortCopy.Copy(tableField[..tableNameLength], _scratch);
            nameLength = tableNameLength;
        }
        else
        {
            if (_table.IsComplete && nameIndex - HpackStaticTable.Count > _table.Count)
                return false;
            EnsureScratch(room);
            nameKnown = false;
        }
        Span<byte> scratch = _scratch;
        int valueLength;
        bool read = _redactSecrets && !addToTable && known.IsSecret()
            ? _strings.TryReadSecret(block, ref pos, scratch[nameLength..], keepScheme: known == KnownField.Credentials, out valueLength)
            : _strings.TryRead(block, ref pos, scratch[nameLength..], valueFollows: false, out valueLength);
        if (!read)
            return false;
        ReadOnlySpan<byte> field = scratch[..(nameLength + valueLength)];
        if (nameKnown)
            sink.OnField(known, field, nameLength);
        else
            sink.OnUnknownField();
        if (addToTable)
        {
            if (nameKnown)
                _table.Add(known, field[..nameLength], field[nameLength..]);
            else
                _table.AddUnknown(field);
        }
        return true;
    }

    private bool SizeUpdate(int size)
    {
        long allowed = AllowedMaxSize ?? MaxPlausibleTableSize;
        if (size > allowed)
            return false;
        _table.SetMaxSize(size);
        return true;
    }

    /// <summary>An integer with an N-bit prefix (§5.1); at most 2^28 or so, far more than any sane index or length.</summary>
    internal static bool TryReadInteger(ReadOnlySpan<byte> block, ref int pos, int prefixBits, out int value)
    {
        int max = (1 << prefixBits) - 1;
        value = block[pos++] & max;
        if (value < max)
            return true;
        int shift = 0;
        for (int i = 0; i < MaxIntegerBytes; i++)
        {
            if (pos >= block.Length)
                return false;
            byte b = block[pos++];
            value += (b & 0x7F) << shift;
            shift += 7;
            if ((b & 0x80) == 0)
                return true;
        }
        return false;
    }

    private void EnsureScratch(int size)
    {
        if (_scratch.Length >= size)
            return;
        if (_scratch.Length > 0)
            ArrayPool<byte>.Shared.Return(_scratch);
        _scratch = ArrayPool<byte>.Shared.Rent(Math.Max(size, 1024));
    }
}
