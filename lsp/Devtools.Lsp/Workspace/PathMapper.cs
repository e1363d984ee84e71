namespace Devtools.Lsp.Workspace;

/// <summary>
/// Maps a source path recorded at build time (in a PDB, maybe in a container or on a
/// build machine) to a file of the workspace: prefix mappings first, then the path as
/// is, then the workspace file sharing the longest path suffix (the file name at least;
/// ties are ambiguous and map to nothing, so nothing is shown on the wrong file).
/// </summary>
public sealed class PathMapper
{
    private readonly IReadOnlyList<(string From, string To)> _prefixes;
    private readonly Dictionary<string, List<string>> _byName = new(StringComparer.Ordinal);
    private readonly HashSet<string> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _cache = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public PathMapper(IEnumerable<string> workspaceFiles, IEnumerable<(string From, string To)>? prefixes = null)
    {
        ArgumentNullException.ThrowIfNull(workspaceFiles);
        _prefixes = [.. prefixes ?? []];
        foreach (string file in workspaceFiles)
            AddFile(file);
    }

    public void AddFile(string file)
    {
        lock (_gate)
        {
            string full = Normalize(file);
            if (!_files.Add(full))
                return;
            string name = Path.GetFileName(full);
            if (!_byName.TryGetValue(name, out List<string>? list))
                _byName[name] = list = [];
            list.Add(full);
            _cache.Clear();
        }
    }

    /// <summary>The workspace file for <paramref name="recordedPath"/>, or null.</summary>
    public string? Map(string recordedPath)
    {
        ArgumentNullException.ThrowIfNull(recordedPath);
        lock (_gate)
        {
            if (_cache.TryGetValue(recordedPath, out string? cached))
                return cached;
            string? result = MapCore(recordedPath);
            _cache[recordedPath] = result;
            return result;
        }
    }

    private string? MapCore(string recordedPath)
    {
        string path = Normalize(recordedPath);
        foreach ((string from, string to) in _prefixes)
        {
            string f = Normalize(from).TrimEnd('/');
            if (path.StartsWith(f + "/", StringComparison.Ordinal))
            {
                string candidate = Normalize(to).TrimEnd('/') + path[f.Length..];
                if (_files.Contains(candidate) || File.Exists(candidate))
                    return candidate;
            }
        }
        if (_files.Contains(path))
            return path;
        if (!_byName.TryGetValue(Path.GetFileName(path), out List<string>? candidates))
            return null;
        string[] wanted = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        int best = 0;
        string? bestFile = null;
        bool tie = false;
        foreach (string c in candidates)
        {
            string[] have = c.Split('/', StringSplitOptions.RemoveEmptyEntries);
            int n = 0;
            while (n < wanted.Length && n < have.Length && string.Equals(wanted[^(n + 1)], have[^(n + 1)], StringComparison.Ordinal))
                n++;
            if (n > best)
            {
                best = n;
                bestFile = c;
                tie = false;
            }
            else if (n == best)
            {
                tie = true;
            }
        }
        return tie ? null : bestFile;
    }

    private static string Normalize(string path)
    {
        string p = path.Replace('\\', '/');
        if (p.Length >= 2 && p[1] == ':')
            p = "/" + char.ToLowerInvariant(p[0]) + p[2..]; // C:/src → /c/src, compared by suffix anyway
        return p;
    }
}
