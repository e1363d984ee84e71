using System.Globalization;

namespace Devtools.Core.Api;

/// <summary>
/// Local processes one may attach to, read from /proc. A .NET process is one with a
/// diagnostics socket (EventPipe reaches it without root when the user owns it).
/// </summary>
public static class ProcessTargets
{
    public static IReadOnlyList<TargetInfo> List(string procRoot = "/proc", string tempDirectory = "/tmp")
    {
        HashSet<int> dotnetPids = DiagnosticSocketPids(tempDirectory);
        uint me = CurrentUid(procRoot);
        var targets = new List<TargetInfo>();
        foreach (string dir in Directory.EnumerateDirectories(procRoot))
        {
            if (!int.TryParse(Path.GetFileName(dir), CultureInfo.InvariantCulture, out int pid) || pid == Environment.ProcessId)
                continue;
            try
            {
                string name = File.ReadAllText(Path.Combine(dir, "comm")).Trim();
                string commandLine = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ').Trim();
                if (commandLine.Length == 0)
                    continue; // kernel threads
                bool isDotnet = dotnetPids.Contains(pid);
                bool owned = Uid(Path.Combine(dir, "status")) == me;
                targets.Add(new TargetInfo(pid, name, commandLine, isDotnet, isDotnet && (owned || me == 0)));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Gone meanwhile, or not ours to read.
            }
        }
        return [.. targets.OrderByDescending(t => t.IsDotnet).ThenBy(t => t.Name, StringComparer.Ordinal).ThenBy(t => t.Pid)];
    }

    /// <summary>Pids with a .NET diagnostics socket: dotnet-diagnostic-{pid}-{key}-socket.</summary>
    internal static HashSet<int> DiagnosticSocketPids(string tempDirectory)
    {
        var pids = new HashSet<int>();
        try
        {
            foreach (string path in Directory.EnumerateFiles(tempDirectory, "dotnet-diagnostic-*-socket"))
            {
                string[] parts = Path.GetFileName(path).Split('-');
                if (parts.Length >= 4 && int.TryParse(parts[2], CultureInfo.InvariantCulture, out int pid))
                    pids.Add(pid);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
        return pids;
    }

    private static uint CurrentUid(string procRoot) => Uid(Path.Combine(procRoot, "self", "status")) ?? uint.MaxValue;

    private static uint? Uid(string statusPath)
    {
        foreach (string line in File.ReadLines(statusPath))
        {
            if (line.StartsWith("Uid:", StringComparison.Ordinal))
            {
                string[] fields = line[4..].Split('\t', StringSplitOptions.RemoveEmptyEntries);
                return fields.Length > 1 && uint.TryParse(fields[1], CultureInfo.InvariantCulture, out uint uid) ? uid : null;
            }
        }
        return null;
    }
}
