using System.Globalization;

namespace Devtools.Core.Profiling.Symbols;

/// <summary>One executable mapping of a process (a line of /proc/PID/maps).</summary>
public readonly record struct Mapping(ulong Start, ulong End, ulong FileOffset, ulong Inode, string Path, ulong Device = 0)
{
    /// <summary>A regular file (not anonymous memory, [vdso], or a memfd such as .NET's W^X double mapping).</summary>
    public bool IsFile => Path.StartsWith('/') && !Path.StartsWith("/memfd:", StringComparison.Ordinal) && Inode != 0;

    /// <summary>The file's name without directories, e.g. "libc.so.6".</summary>
    public string ModuleName => Path.Length == 0 ? "[anon]" : System.IO.Path.GetFileName(Path) is { Length: > 0 } name ? name : Path;
}

/// <summary>The executable mappings of one process, sorted by address.</summary>
public sealed class ProcessMappings
{
    private readonly Mapping[] _mappings;

    private ProcessMappings(Mapping[] mappings) => _mappings = mappings;

    public static ProcessMappings Empty { get; } = new([]);

    public int Count => _mappings.Length;

    /// <summary>Reads /proc/PID/maps; empty when the process is gone.</summary>
    public static ProcessMappings Read(uint pid, string procRoot = "/proc")
    {
        try
        {
            return Parse(File.ReadAllText($"{procRoot}/{pid}/maps"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Empty;
        }
    }

    /// <summary>Parses maps text; keeps executable mappings only (sampled instruction pointers are never elsewhere).</summary>
    public static ProcessMappings Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return Parse(reader.ReadToEnd());
    }

    /// <summary>
    /// Parses maps text. A .NET process has hundreds of mappings, few of them
    /// executable: lines are sliced, and only executable ones become strings.
    /// </summary>
    public static ProcessMappings Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var mappings = new List<Mapping>();
        foreach (ReadOnlySpan<char> line in text.AsSpan().EnumerateLines())
        {
            // start-end perms offset dev inode   path
            ReadOnlySpan<char> s = line;
            if (!Next(ref s, out ReadOnlySpan<char> range) || !Next(ref s, out ReadOnlySpan<char> perms) || !Next(ref s, out ReadOnlySpan<char> offset)
                || !Next(ref s, out ReadOnlySpan<char> device) || !Next(ref s, out ReadOnlySpan<char> inode))
                continue;
            if (perms.Length < 3 || perms[2] != 'x')
                continue;
            int dash = range.IndexOf('-');
            if (dash < 0
                || !ulong.TryParse(range[..dash], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out ulong start)
                || !ulong.TryParse(range[(dash + 1)..], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out ulong end)
                || !ulong.TryParse(offset, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out ulong fileOffset)
                || !ulong.TryParse(inode, NumberStyles.None, CultureInfo.InvariantCulture, out ulong ino))
                continue;
            string path = s.Trim().ToString();
            const string Deleted = " (deleted)";
            if (path.EndsWith(Deleted, StringComparison.Ordinal))
                path = path[..^Deleted.Length];
            mappings.Add(new Mapping(start, end, fileOffset, ino, path, ParseDevice(device)));
        }
        // The kernel lists mappings in address order already; sort only if not.
        for (int i = 1; i < mappings.Count; i++)
        {
            if (mappings[i].Start < mappings[i - 1].Start)
            {
                mappings.Sort((a, b) => a.Start.CompareTo(b.Start));
                break;
            }
        }
        return new ProcessMappings([.. mappings]);
    }

    /// <summary>True when some mapping matches.</summary>
    public bool Any(Func<Mapping, bool> predicate) => _mappings.Any(predicate);

    public bool TryFind(ulong address, out Mapping mapping)
    {
        int lo = 0;
        int hi = _mappings.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            Mapping m = _mappings[mid];
            if (address < m.Start)
                hi = mid - 1;
            else if (address >= m.End)
                lo = mid + 1;
            else
            {
                mapping = m;
                return true;
            }
        }
        mapping = default;
        return false;
    }

    /// <summary>"fe:01" (major:minor, hex) as one number; 0 when malformed.</summary>
    private static ulong ParseDevice(ReadOnlySpan<char> text)
    {
        int colon = text.IndexOf(':');
        return colon > 0
            && ulong.TryParse(text[..colon], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out ulong major)
            && ulong.TryParse(text[(colon + 1)..], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out ulong minor)
            ? (major << 32) | minor
            : 0;
    }

    private static bool Next(ref ReadOnlySpan<char> s, out ReadOnlySpan<char> field)
    {
        s = s.TrimStart(' ');
        int space = s.IndexOf(' ');
        if (space < 0)
        {
            field = s;
            s = [];
            return !field.IsEmpty;
        }
        field = s[..space];
        s = s[(space + 1)..];
        return true;
    }
}
