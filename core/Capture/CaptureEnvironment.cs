using System.Globalization;
using System.Runtime.InteropServices;

namespace Devtools.Core.Capture;

/// <summary>The machine cannot capture, and the message says what to do about it.</summary>
public sealed class CaptureEnvironmentException(string message) : Exception(message);

/// <summary>
/// Checks, before anything is loaded, that this machine and this process can run
/// eBPF capture, so the user gets one clear sentence instead of a libbpf errno.
/// </summary>
public static partial class CaptureEnvironment
{
    private const string TracefsPath = "/sys/kernel/tracing";
    private const int CapSysAdmin = 21;
    private const int CapPerfmon = 38;
    private const int CapBpf = 39;

    /// <summary>Every problem found, each with its fix; empty when capture can start.</summary>
    public static IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!OperatingSystem.IsLinux())
        {
            problems.Add("eBPF capture needs Linux.");
            return problems;
        }
        if (!HasBpfPrivileges())
            problems.Add("Not allowed to load BPF programs: run as root (sudo), or grant CAP_BPF, CAP_PERFMON and CAP_SYS_PTRACE.");
        if (!File.Exists("/sys/kernel/btf/vmlinux"))
            problems.Add("This kernel exposes no BTF (/sys/kernel/btf/vmlinux is missing): CO-RE needs a kernel built with CONFIG_DEBUG_INFO_BTF=y.");
        if (!NativeLibrary.TryLoad("libbpf.so.1", out nint handle))
            problems.Add("libbpf.so.1 is not installed: apt-get install -y libbpf1 (./devtools installs it for you).");
        else
            NativeLibrary.Free(handle);
        return problems;
    }

    /// <summary>Throws <see cref="CaptureEnvironmentException"/> naming every problem; mounts tracefs if needed.</summary>
    public static void EnsureReady()
    {
        IReadOnlyList<string> problems = Problems();
        if (problems.Count > 0)
            throw new CaptureEnvironmentException(string.Join(Environment.NewLine, problems));
        EnsureTracefs();
    }

    /// <summary>True when this process may load BPF programs (root, or the capabilities).</summary>
    public static bool HasBpfPrivileges()
    {
        ulong caps = EffectiveCapabilities();
        bool has(int cap) => (caps & (1UL << cap)) != 0;
        return has(CapSysAdmin) || (has(CapBpf) && has(CapPerfmon));
    }

    /// <summary>
    /// Tracepoint attach looks tracepoints up in tracefs. Minimal systems (this
    /// one included) do not mount it, so we do, once, as root.
    /// </summary>
    public static void EnsureTracefs()
    {
        if (Directory.Exists(Path.Combine(TracefsPath, "events")) || Directory.Exists("/sys/kernel/debug/tracing/events"))
            return;
        if (Mount("nodev", TracefsPath, "tracefs", 0, 0) != 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            throw new CaptureEnvironmentException(
                $"tracefs is not mounted and mounting it at {TracefsPath} failed (errno {errno}): run `mount -t tracefs nodev {TracefsPath}` as root.");
        }
    }

    private static ulong EffectiveCapabilities()
    {
        try
        {
            foreach (string line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith("CapEff:", StringComparison.Ordinal))
                    return ulong.Parse(line.AsSpan(7).Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            }
        }
        catch (IOException)
        {
        }
        return 0;
    }

    [LibraryImport("libc", EntryPoint = "mount", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Mount(string source, string target, string fsType, ulong flags, nint data);
}
