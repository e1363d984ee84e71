using System.Globalization;

namespace Devtools.Core.Profiling.EventPipe;

/// <summary>
/// Reaches files by the paths the target process uses: the same path when it shares our
/// mount namespace, else through /proc/PID/root (a container's /app/Shop.dll is
/// /proc/PID/root/app/Shop.dll from the host).
/// </summary>
internal sealed class TargetFileSystem
{
    private readonly string? _root;

    public TargetFileSystem(int pid)
    {
        string procDir = "/proc/" + pid.ToString(CultureInfo.InvariantCulture);
        try
        {
            string? ours = new FileInfo("/proc/self/ns/mnt").LinkTarget;
            string? theirs = new FileInfo(procDir + "/ns/mnt").LinkTarget;
            if (ours is not null && theirs is not null && ours != theirs)
                _root = procDir + "/root";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    /// <summary>The path to open here for the target's <paramref name="targetPath"/>.</summary>
    public string Map(string targetPath) =>
        _root is null || !Path.IsPathRooted(targetPath) ? targetPath : _root + targetPath;
}
