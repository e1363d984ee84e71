using System.Globalization;

namespace Devtools.Core.Profiling.EventPipe;

/// <summary>
/// Names addresses that no method event covers by the file mapped there in the target
/// (/proc/PID/maps): "libcoreclr.so+0x1a2b0" for runtime code, the assembly for
/// precompiled code; anonymous memory (stubs, dynamic code) has no name.
/// </summary>
internal sealed class NativeModuleMap(int pid)
{
    // Mappings appear as the process loads libraries: re-read on a miss, but not on every miss.
    private static readonly TimeSpan MinRefreshInterval = TimeSpan.FromSeconds(2);

    private readonly string _mapsPath = $"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/maps";
    private Mapping[] _mappings = [];
    private long? _lastReadMs;

    /// <summary>The mapped file and the offset in it, or null for anonymous or unmapped memory.</summary>
    public (string Module, ulong Offset)? Find(ulong address)
    {
        Mapping? hit = Lookup(address);
        if (hit is null && (_lastReadMs is not { } last || Environment.TickCount64 - last >= MinRefreshInterval.TotalMilliseconds))
        {
            Refresh();
            hit = Lookup(address);
        }
        return hit is { } m ? (m.Name, address - m.Start + m.FileOffset) : null;
    }

    private Mapping? Lookup(ulong address)
    {
        Mapping[] mappings = _mappings;
        int lo = 0, hi = mappings.Length - 1;
        while (lo <= hi)
        {
            int mid = lo + ((hi - lo) >> 1);
            if (address < mappings[mid].Start)
                hi = mid - 1;
            else if (address >= mappings[mid].End)
                lo = mid + 1;
            else
                return mappings[mid];
        }
        return null;
    }

    private void Refresh()
    {
        _lastReadMs = Environment.TickCount64;
        var mappings = new List<Mapping>();
        try
        {
            foreach (string line in File.ReadLines(_mapsPath))
            {
                if (TryParse(line, out Mapping mapping))
                    mappings.Add(mapping);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Gone or not ours: keep what we had.
            return;
        }
        mappings.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        _mappings = [.. mappings];
    }

    /// <summary>"start-end perms offset dev inode path"; only file-backed mappings are kept.</summary>
    internal static bool TryParse(string line, out Mapping mapping)
    {
        mapping = default;
        string[] parts = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 6 || !parts[5].StartsWith('/'))
            return false;
        int dash = parts[0].IndexOf('-', StringComparison.Ordinal);
        if (dash < 0
            || !ulong.TryParse(parts[0].AsSpan(0, dash), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out ulong start)
            || !ulong.TryParse(parts[0].AsSpan(dash + 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out ulong end)
            || !ulong.TryParse(parts[2], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out ulong offset))
        {
            return false;
        }
        string path = parts[5].Trim();
        mapping = new Mapping(start, end, offset, Path.GetFileName(path));
        return true;
    }

    internal readonly record struct Mapping(ulong Start, ulong End, ulong FileOffset, string Name);
}
