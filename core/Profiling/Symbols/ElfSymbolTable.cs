using System.Buffers.Binary;
using System.Text;

namespace Devtools.Core.Profiling.Symbols;

/// <summary>
/// Function symbols of one ELF file, sorted by address. Compact on purpose: two
/// arrays of numbers plus the file's own string table bytes; a name becomes a
/// string only when a sampled address lands in its function.
/// </summary>
public sealed class ElfSymbolTable
{
    private const int SttFunc = 2;
    private const int SttGnuIfunc = 10;

    private readonly ulong[] _starts;
    private readonly ulong[] _sizes;
    private readonly int[] _names; // offset into _strings of a NUL-terminated name
    private readonly byte[] _strings;

    private ElfSymbolTable(ulong[] starts, ulong[] sizes, int[] names, byte[] strings)
    {
        _starts = starts;
        _sizes = sizes;
        _names = names;
        _strings = strings;
    }

    public static ElfSymbolTable Empty { get; } = new([], [], [], []);

    public int Count => _starts.Length;

    /// <summary>Bytes this table keeps, for cache budgets.</summary>
    public long EstimatedBytes => (_starts.Length * 20L) + _strings.Length;

    /// <summary>
    /// The function containing <paramref name="address"/> (an address in the
    /// file's own address space). A symbol without a size (hand-written assembly)
    /// covers everything up to the next symbol.
    /// </summary>
    public bool TryFind(ulong address, out string name, out ulong offset)
    {
        int index = Array.BinarySearch(_starts, address);
        if (index < 0)
            index = ~index - 1;
        // Several symbols may share an address (aliases): any of them names the function.
        if (index >= 0)
        {
            ulong start = _starts[index];
            ulong size = _sizes[index];
            bool contains = size == 0 ? index + 1 >= _starts.Length || address < _starts[index + 1] : address - start < size;
            if (contains)
            {
                name = NameAt(_names[index]);
                offset = address - start;
                return true;
            }
        }
        name = string.Empty;
        offset = 0;
        return false;
    }

    private string NameAt(int offset)
    {
        int end = Array.IndexOf(_strings, (byte)0, offset);
        return Encoding.UTF8.GetString(_strings, offset, (end < 0 ? _strings.Length : end) - offset);
    }

    /// <summary>Collects symbols from one or more tables (.symtab, .dynsym), each with its string table.</summary>
    internal sealed class Builder
    {
        private readonly List<(ulong Start, ulong Size, int Name)> _symbols = [];
        private readonly List<byte> _strings = [];

        public int Count => _symbols.Count;

        public void AddTable(byte[] symbols, int entrySize, byte[] names)
        {
            int baseOffset = _strings.Count;
            _strings.AddRange(names);
            for (int pos = 0; pos + 24 <= symbols.Length; pos += entrySize)
            {
                ReadOnlySpan<byte> sym = symbols.AsSpan(pos, 24);
                int nameOffset = BinaryPrimitives.ReadInt32LittleEndian(sym);
                int type = sym[4] & 0xf;
                ushort section = BinaryPrimitives.ReadUInt16LittleEndian(sym[6..]);
                ulong value = BinaryPrimitives.ReadUInt64LittleEndian(sym[8..]);
                ulong size = BinaryPrimitives.ReadUInt64LittleEndian(sym[16..]);
                if (type is not (SttFunc or SttGnuIfunc) || section == 0 || value == 0 || nameOffset <= 0 || nameOffset >= names.Length)
                    continue;
                _symbols.Add((value, size, baseOffset + nameOffset));
            }
        }

        public ElfSymbolTable Build()
        {
            if (_symbols.Count == 0)
                return Empty;
            // Sized symbols first at equal addresses, so the one we keep says how far it reaches.
            _symbols.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.Size.CompareTo(a.Size));
            var starts = new List<ulong>(_symbols.Count);
            var sizes = new List<ulong>(_symbols.Count);
            var names = new List<int>(_symbols.Count);
            foreach ((ulong start, ulong size, int name) in _symbols)
            {
                if (starts.Count > 0 && starts[^1] == start)
                    continue;
                starts.Add(start);
                sizes.Add(size);
                names.Add(name);
            }
            return new ElfSymbolTable([.. starts], [.. sizes], [.. names], _strings.ToArray());
        }
    }
}
