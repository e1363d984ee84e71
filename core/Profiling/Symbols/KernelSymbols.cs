using System.Globalization;
using System.Text;

namespace Devtools.Core.Profiling.Symbols;

/// <summary>
/// Kernel text symbols from /proc/kallsyms, sorted by address for binary search.
/// Names are kept as one UTF-8 blob (the file has ~200k symbols; a string each
/// would cost several times the memory) and decoded when a frame needs one.
/// With kptr_restrict (or without root) every address reads as zero: then
/// <see cref="IsUsable"/> is false and kernel frames show their raw address.
/// </summary>
public sealed class KernelSymbols
{
    private readonly ulong[] _addresses;
    private readonly int[] _nameStarts;
    private readonly byte[] _names;

    private KernelSymbols(ulong[] addresses, int[] nameStarts, byte[] names)
    {
        _addresses = addresses;
        _nameStarts = nameStarts;
        _names = names;
    }

    public int Count => _addresses.Length;

    /// <summary>False when the kernel hid the addresses (kptr_restrict): nothing can be resolved.</summary>
    public bool IsUsable => _addresses.Length > 0;

    public static KernelSymbols Load(string path = "/proc/kallsyms")
    {
        try
        {
            using var reader = new StreamReader(path);
            return Parse(reader);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new KernelSymbols([], [], []);
        }
    }

    /// <summary>Parses kallsyms text: "ffffffff81000000 T _stext [module]".</summary>
    public static KernelSymbols Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var entries = new List<(ulong Address, int Start, int Length)>(1 << 16);
        var names = new MemoryStream(1 << 20);
        Span<byte> buffer = stackalloc byte[512];
        while (reader.ReadLine() is { } line)
        {
            ReadOnlySpan<char> s = line;
            int space = s.IndexOf(' ');
            if (space <= 0 || space + 3 >= s.Length)
                continue;
            char type = char.ToUpperInvariant(s[space + 1]);
            // Only code: T/t text, W/w weak (often functions). Data symbols never hold an IP.
            if (type is not ('T' or 'W'))
                continue;
            if (!ulong.TryParse(s[..space], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out ulong address) || address == 0)
                continue;
            ReadOnlySpan<char> name = s[(space + 3)..];
            int tab = name.IndexOfAny('\t', ' ');
            if (tab >= 0)
                name = name[..tab]; // the "[module]" column: the name alone reads better in a flame graph
            if (name.IsEmpty || name.Length > 256)
                continue;
            int length = Encoding.UTF8.GetBytes(name, buffer);
            entries.Add((address, (int)names.Position, length));
            names.Write(buffer[..length]);
        }
        entries.Sort((a, b) => a.Address.CompareTo(b.Address));
        var addresses = new ulong[entries.Count];
        var starts = new int[entries.Count + 1];
        byte[] blob = names.ToArray();
        // Rewrite the blob in address order so name i spans starts[i]..starts[i+1].
        var ordered = new byte[blob.Length];
        int position = 0;
        for (int i = 0; i < entries.Count; i++)
        {
            addresses[i] = entries[i].Address;
            starts[i] = position;
            blob.AsSpan(entries[i].Start, entries[i].Length).CopyTo(ordered.AsSpan(position));
            position += entries[i].Length;
        }
        starts[entries.Count] = position;
        return new KernelSymbols(addresses, starts, ordered);
    }

    /// <summary>The function containing <paramref name="address"/> (the nearest symbol at or below it), with the offset into it.</summary>
    public bool TryFind(ulong address, out string name, out ulong offset)
    {
        int index = Array.BinarySearch(_addresses, address);
        if (index < 0)
            index = ~index - 1;
        if (index < 0)
        {
            name = string.Empty;
            offset = 0;
            return false;
        }
        name = Encoding.UTF8.GetString(_names, _nameStarts[index], _nameStarts[index + 1] - _nameStarts[index]);
        offset = address - _addresses[index];
        return true;
    }
}
