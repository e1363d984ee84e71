namespace Devtools.Lsp.Analysis.Workspace;

/// <summary>Finds the C# sources under the workspace roots.</summary>
internal static class WorkspaceFiles
{
    // Build output and tool folders hold generated or copied sources that would double every method.
    private static readonly HashSet<string> s_skipped = new(StringComparer.OrdinalIgnoreCase)
    {
        "bin", "obj", "node_modules", ".git", ".vs", ".vscode", ".idea",
    };

    public static bool IsSource(string path) => path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Whether a path lies in a skipped folder below the root that holds it (a watcher reports
    /// changes in obj/ too). Only folders below the root count: a root may itself live under "bin".
    /// </summary>
    public static bool IsInSkippedFolder(string path, IEnumerable<string> roots)
    {
        foreach (string root in roots)
        {
            string relative = System.IO.Path.GetRelativePath(root, path);
            if (relative.StartsWith("..", StringComparison.Ordinal) || System.IO.Path.IsPathRooted(relative))
                continue;
            string[] parts = relative.Split(System.IO.Path.DirectorySeparatorChar, System.IO.Path.AltDirectorySeparatorChar);
            return parts[..^1].Any(s_skipped.Contains);
        }
        return false;
    }

    public static List<string> Enumerate(IEnumerable<string> roots)
    {
        var files = new HashSet<string>(StringComparer.Ordinal);
        foreach (string root in roots)
        {
            if (File.Exists(root) && IsSource(root))
                files.Add(System.IO.Path.GetFullPath(root));
            else if (Directory.Exists(root))
                Walk(System.IO.Path.GetFullPath(root), files);
        }
        return [.. files.Order(StringComparer.Ordinal)];
    }

    private static void Walk(string directory, HashSet<string> files)
    {
        var pending = new Stack<string>();
        pending.Push(directory);
        var options = new EnumerationOptions { IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint };
        while (pending.Count > 0)
        {
            string current = pending.Pop();
            foreach (string file in Directory.EnumerateFiles(current, "*.cs", options))
                files.Add(file);
            foreach (string child in Directory.EnumerateDirectories(current, "*", options))
            {
                if (!s_skipped.Contains(System.IO.Path.GetFileName(child)))
                    pending.Push(child);
            }
        }
    }
}
