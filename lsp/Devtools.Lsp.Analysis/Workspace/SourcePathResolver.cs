namespace Devtools.Lsp.Analysis.Workspace;

/// <summary>
/// Maps a source path recorded elsewhere (in a PDB built in a container, on a Windows build
/// agent) to a workspace file by the longest common path suffix. Only a unique best candidate
/// maps: a lens on the wrong file is worse than none. Windows-looking paths (drive letter or
/// backslashes) compare case-insensitively, as their file system did.
/// </summary>
internal sealed class SourcePathResolver
{
    private readonly HashSet<string> _files;
    private readonly Dictionary<string, List<string[]>> _byFileName = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string[], string> _paths = new(ReferenceEqualityComparer.Instance);

    public SourcePathResolver(IEnumerable<string> files)
    {
        _files = new HashSet<string>(files, StringComparer.Ordinal);
        foreach (string file in _files)
        {
            string[] segments = Segments(file);
            if (segments.Length == 0)
                continue;
            if (!_byFileName.TryGetValue(segments[^1], out List<string[]>? list))
                _byFileName[segments[^1]] = list = [];
            list.Add(segments);
            _paths[segments] = file;
        }
    }

    public string? Resolve(string recordedPath)
    {
        ArgumentNullException.ThrowIfNull(recordedPath);
        if (_files.Contains(recordedPath))
            return recordedPath;
        string[] recorded = Segments(recordedPath);
        if (recorded.Length == 0 || !_byFileName.TryGetValue(recorded[^1], out List<string[]>? candidates))
            return null;
        bool ignoreCase = recordedPath.Contains('\\', StringComparison.Ordinal)
            || (recordedPath.Length >= 2 && char.IsAsciiLetter(recordedPath[0]) && recordedPath[1] == ':');
        StringComparison comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        int best = 0;
        string? bestFile = null;
        bool tie = false;
        foreach (string[] candidate in candidates)
        {
            int common = CommonSuffix(recorded, candidate, comparison);
            if (common > best)
            {
                best = common;
                bestFile = _paths[candidate];
                tie = false;
            }
            else if (common == best && common > 0)
            {
                tie = true;
            }
        }
        return tie ? null : bestFile;
    }

    private static int CommonSuffix(string[] a, string[] b, StringComparison comparison)
    {
        int n = 0;
        while (n < a.Length && n < b.Length && string.Equals(a[a.Length - 1 - n], b[b.Length - 1 - n], comparison))
            n++;
        return n;
    }

    /// <summary>Path segments without drive letter or empty parts; both separators split.</summary>
    private static string[] Segments(string path)
    {
        string[] parts = path.Split(['/', '\\'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length > 0 && parts[0].Length == 2 && parts[0][1] == ':')
            parts = parts[1..];
        return parts;
    }
}
