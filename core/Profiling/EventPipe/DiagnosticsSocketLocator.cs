using System.Globalization;

namespace Devtools.Core.Profiling.EventPipe;

/// <summary>
/// Finds the diagnostics socket a .NET process listens on
/// (<c>$TMPDIR/dotnet-diagnostic-{pid}-{key}-socket</c>), including for a process in
/// another container, and turns every way of not finding it into a
/// <see cref="ManagedProfilerException"/> that says what to do.
/// </summary>
/// <remarks>
/// The runtime names the socket with the pid it sees itself as (the last NSpid entry
/// of /proc/PID/status: different from ours inside a pid namespace) and creates it in
/// its own TMPDIR, in its own mount namespace; /proc/PID/root reaches that filesystem.
/// The key is the process start time, which tells the live socket from a stale one
/// left by an earlier process with the same pid. We locate the socket ourselves rather
/// than relying on the client library, so that both cases work with any client version
/// and fail with our own messages.
/// </remarks>
internal static class DiagnosticsSocketLocator
{
    private const string Proc = "/proc";

    /// <summary>The socket's path as this process can reach it.</summary>
    /// <exception cref="ManagedProfilerException">No such process, not .NET, no socket, or not allowed.</exception>
    public static string Find(int pid)
    {
        string procDir = $"{Proc}/{pid.ToString(CultureInfo.InvariantCulture)}";
        if (pid <= 0 || !Directory.Exists(procDir))
            throw new ManagedProfilerException(ManagedProfilerError.ProcessNotFound, pid, $"No process has pid {pid}.");

        string name = ProcessName(procDir) ?? $"pid {pid}";
        int namespacePid = NamespacePid(procDir) ?? pid;
        bool sameMounts = SameMountNamespace(procDir);
        string? startKey = StartTimeKey(procDir);

        var searched = new List<string>();
        foreach (string directory in CandidateDirectories(procDir, sameMounts))
        {
            if (searched.Contains(directory))
                continue;
            searched.Add(directory);
            string? socket = FindIn(directory, namespacePid, startKey);
            if (socket is not null)
                return socket;
        }

        if (!Directory.Exists(procDir))
            throw new ManagedProfilerException(ManagedProfilerError.ProcessExited, pid, $"Process {pid} exited.");
        bool? loadsCoreClr = MapsCoreClr(procDir);
        string where = string.Join(", ", searched);
        throw loadsCoreClr switch
        {
            false => new ManagedProfilerException(ManagedProfilerError.NotDotNet, pid,
                $"Process {pid} ({name}) is not a .NET process: libcoreclr.so is not loaded (NativeAOT apps have no EventPipe endpoint either). Use the eBPF profiler (`devtools profile`) for it."),
            null => new ManagedProfilerException(ManagedProfilerError.AccessDenied, pid,
                $"Cannot inspect process {pid} ({name}): it belongs to another user. Run as that user, or as root."),
            true => new ManagedProfilerException(ManagedProfilerError.DiagnosticsUnavailable, pid,
                $"Process {pid} ({name}) is a .NET process but no diagnostics socket dotnet-diagnostic-{namespacePid}-*-socket was found in {where}. "
                + "Either it runs with DOTNET_EnableDiagnostics=0 (restart it without), or its TMPDIR is not reachable from here "
                + $"(for a container: run on the host as root, so that /proc/{pid}/root is readable)."),
        };
    }

    private static IEnumerable<string> CandidateDirectories(string procDir, bool sameMounts)
    {
        // The runtime uses its own TMPDIR, else /tmp; we can read its environment when we are allowed to attach anyway.
        string? targetTmp = TargetTmpDir(procDir);
        if (sameMounts)
        {
            if (targetTmp is not null)
                yield return targetTmp;
            yield return Path.TrimEndingDirectorySeparator(Path.GetTempPath());
            yield return "/tmp";
        }
        else
        {
            string root = procDir + "/root";
            if (targetTmp is not null)
                yield return root + targetTmp;
            yield return root + "/tmp";
        }
    }

    private static string? FindIn(string directory, int namespacePid, string? startKey)
    {
        string[] sockets;
        try
        {
            sockets = Directory.GetFiles(directory, $"dotnet-diagnostic-{namespacePid.ToString(CultureInfo.InvariantCulture)}-*-socket");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        if (sockets.Length == 0)
            return null;
        if (startKey is not null)
        {
            string exact = Path.Combine(directory, $"dotnet-diagnostic-{namespacePid.ToString(CultureInfo.InvariantCulture)}-{startKey}-socket");
            if (Array.IndexOf(sockets, exact) >= 0)
                return exact;
        }
        // Stale sockets of earlier processes with this pid may remain: the newest is ours.
        return sockets.OrderByDescending(File.GetLastWriteTimeUtc).First();
    }

    private static string? ProcessName(string procDir)
    {
        try
        {
            return File.ReadAllText(procDir + "/comm").TrimEnd('\n');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The pid the process has in its own pid namespace (last NSpid field).</summary>
    internal static int? NamespacePid(string procDir)
    {
        try
        {
            foreach (string line in File.ReadLines(procDir + "/status"))
            {
                if (!line.StartsWith("NSpid:", StringComparison.Ordinal))
                    continue;
                string[] fields = line[6..].Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries);
                return fields.Length > 0 && int.TryParse(fields[^1], NumberStyles.None, CultureInfo.InvariantCulture, out int nspid) ? nspid : null;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
        return null;
    }

    private static bool SameMountNamespace(string procDir)
    {
        try
        {
            string? ours = new FileInfo(Proc + "/self/ns/mnt").LinkTarget;
            string? theirs = new FileInfo(procDir + "/ns/mnt").LinkTarget;
            return ours is null || theirs is null || ours == theirs;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not allowed to look: assume the common case, one namespace.
            return true;
        }
    }

    /// <summary>Start time in clock ticks since boot (/proc/PID/stat field 22): the socket's disambiguation key.</summary>
    private static string? StartTimeKey(string procDir)
    {
        try
        {
            string stat = File.ReadAllText(procDir + "/stat");
            string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return fields.Length > 19 ? fields[19] : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static string? TargetTmpDir(string procDir)
    {
        try
        {
            foreach (string variable in File.ReadAllText(procDir + "/environ").Split('\0'))
            {
                if (variable.StartsWith("TMPDIR=", StringComparison.Ordinal) && variable.Length > 7)
                    return Path.TrimEndingDirectorySeparator(variable[7..]);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
        return null;
    }

    /// <summary>True when libcoreclr.so is mapped; null when we may not read the maps.</summary>
    private static bool? MapsCoreClr(string procDir)
    {
        try
        {
            foreach (string line in File.ReadLines(procDir + "/maps"))
            {
                if (line.EndsWith("/libcoreclr.so", StringComparison.Ordinal))
                    return true;
            }
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
        catch (IOException)
        {
            return false;
        }
    }
}
