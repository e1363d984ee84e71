using System.Globalization;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Devtools.Core.Profiling.Symbols;

/// <summary>
/// A perf map (/tmp/perf-PID.map) that a JIT writes for native profilers: one
/// "START SIZE name" line per compiled method or stub, hex numbers. The runtime
/// keeps appending while it compiles, so <see cref="Refresh"/> reads only the
/// new complete lines. Bounded: at most <see cref="MaxEntries"/> entries are kept.
/// </summary>
public sealed class PerfMap
{
    public const int MaxEntries = 1 << 20;

    private readonly string _path;
    private readonly List<Entry> _entries = [];
    private long _readOffset;
    private bool _sorted = true;
    private Entry[] _lookup = [];

    public PerfMap(string path) => _path = path;

    public string Path => _path;

    public int Count => _entries.Count;

    /// <summary>True once entries stopped being added because the map reached <see cref="MaxEntries"/>.</summary>
    public bool Truncated { get; private set; }

    /// <summary>Reads lines appended since the last call; returns how many entries were added (0 when the file is gone).</summary>
    public int Refresh()
    {
        byte[] added;
        try
        {
            using SafeFileHandle file = File.OpenHandle(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            long length = RandomAccess.GetLength(file);
            if (length < _readOffset)
            {
                // Rewritten from scratch (a new process with the same pid): start over.
                _entries.Clear();
                _readOffset = 0;
                _sorted = true;
            }
            if (length == _readOffset || Truncated)
                return 0;
            long toRead = Math.Min(length - _readOffset, 64L << 20);
            added = new byte[toRead];
            int read = RandomAccess.Read(file, added, _readOffset);
            added = added[..read];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
        // Only whole lines: the writer may be in the middle of one.
        int lastNewline = Array.LastIndexOf(added, (byte)'\n');
        if (lastNewline < 0)
            return 0;
        _readOffset += lastNewline + 1;
        return Parse(Encoding.UTF8.GetString(added, 0, lastNewline + 1));
    }

    /// <summary>Adds the entries of perf map text (for tests and for <see cref="Refresh"/>).</summary>
    public int Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int before = _entries.Count;
        foreach (ReadOnlySpan<char> line in text.AsSpan().EnumerateLines())
        {
            if (_entries.Count >= MaxEntries)
            {
                Truncated = true;
                break;
            }
            int first = line.IndexOf(' ');
            if (first <= 0)
                continue;
            ReadOnlySpan<char> rest = line[(first + 1)..];
            int second = rest.IndexOf(' ');
            if (second <= 0)
                continue;
            if (!TryHex(line[..first], out ulong start) || !TryHex(rest[..second], out ulong size) || size == 0)
                continue;
            string name = rest[(second + 1)..].Trim().ToString();
            if (name.Length == 0)
                continue;
            if (_entries.Count > 0 && start < _entries[^1].Start)
                _sorted = false;
            _entries.Add(new Entry(start, size, _entries.Count, name));
        }
        if (_entries.Count != before)
            _lookup = [];
        return _entries.Count - before;
    }

    /// <summary>The raw name of the code containing <paramref name="address"/>; later lines win over earlier ones at the same place.</summary>
    public bool TryFind(ulong address, out string name)
    {
        Entry[] lookup = Lookup();
        int lo = 0;
        int hi = lookup.Length - 1;
        int found = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (lookup[mid].Start <= address)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }
        // Code is rarely nested, but a block-level stub entry may cover a method: look back a little.
        for (int i = found, steps = 0; i >= 0 && steps < 8; i--, steps++)
        {
            if (address - lookup[i].Start < lookup[i].Size)
            {
                name = lookup[i].Name;
                return true;
            }
        }
        name = string.Empty;
        return false;
    }

    private Entry[] Lookup()
    {
        if (_lookup.Length == _entries.Count)
            return _lookup;
        if (!_sorted)
        {
            _entries.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.Order.CompareTo(b.Order));
            _sorted = true;
        }
        // At equal starts the latest line (re-jitted code at a reused address) comes last, and the search takes the last.
        _lookup = [.. _entries];
        return _lookup;
    }

    private static bool TryHex(ReadOnlySpan<char> text, out ulong value)
    {
        if (text.StartsWith("0x") || text.StartsWith("0X"))
            text = text[2..];
        return ulong.TryParse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
    }

    private readonly record struct Entry(ulong Start, ulong Size, int Order, string Name);
}
