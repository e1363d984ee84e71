using System.Globalization;
using System.Runtime.InteropServices;
using Devtools.Core.Capture;
using Devtools.Core.Capture.Bpf;

namespace Devtools.Core.Profiling.Bpf;

/// <summary>
/// perf_event_open(2) for CPU-clock sampling: one software event per online CPU,
/// in frequency mode, created disabled (libbpf enables it when the BPF program is
/// attached, so no sample is taken before something handles it).
/// </summary>
internal static unsafe partial class PerfEvents
{
    private const uint PerfTypeSoftware = 1;
    private const ulong PerfCountSwCpuClock = 0;
    private const ulong FlagDisabled = 1UL << 0;
    private const ulong FlagFreq = 1UL << 10;
    private const ulong PerfFlagFdCloexec = 8;
    private const int ENODEV = 19;

    /// <summary>Opens a CPU-clock sampling event on <paramref name="cpu"/> for every process; null when the CPU is offline.</summary>
    public static int? OpenCpuClock(int cpu, int samplesPerSecond)
    {
        var attr = new PerfEventAttr
        {
            Type = PerfTypeSoftware,
            Size = (uint)sizeof(PerfEventAttr),
            Config = PerfCountSwCpuClock,
            SampleFreq = (ulong)samplesPerSecond,
            Flags = FlagDisabled | FlagFreq,
        };
        long fd = Syscall(SyscallNumber, &attr, -1, cpu, -1, PerfFlagFdCloexec);
        if (fd >= 0)
            return (int)fd;
        int errno = Marshal.GetLastPInvokeError();
        if (errno == ENODEV)
            return null;
        if (errno is 1 or 13)
            throw new CaptureEnvironmentException($"Not allowed to open perf events (perf_event_open on CPU {cpu}: errno {errno}): run as root, or grant CAP_PERFMON (kernel.perf_event_paranoid is {Paranoid()}).");
        throw new BpfException($"perf_event_open (CPU clock, {samplesPerSecond} Hz) failed on CPU {cpu}", errno);
    }

    public static void Close(int fd) => _ = CloseFd(fd);

    /// <summary>The CPUs in /sys/devices/system/cpu/online ("0-3,6").</summary>
    public static IReadOnlyList<int> OnlineCpus()
    {
        try
        {
            return ParseCpuList(File.ReadAllText("/sys/devices/system/cpu/online"));
        }
        catch (IOException)
        {
            return [.. Enumerable.Range(0, Environment.ProcessorCount)];
        }
    }

    internal static List<int> ParseCpuList(string text)
    {
        var cpus = new List<int>();
        foreach (string part in text.Trim().Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] range = part.Split('-');
            int first = int.Parse(range[0], CultureInfo.InvariantCulture);
            int last = range.Length > 1 ? int.Parse(range[1], CultureInfo.InvariantCulture) : first;
            for (int cpu = first; cpu <= last; cpu++)
                cpus.Add(cpu);
        }
        return cpus;
    }

    /// <summary>The highest rate the kernel allows (kernel.perf_event_max_sample_rate).</summary>
    public static int MaxSampleRate()
    {
        try
        {
            return int.Parse(File.ReadAllText("/proc/sys/kernel/perf_event_max_sample_rate").Trim(), CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException)
        {
            return 100_000;
        }
    }

    private static string Paranoid()
    {
        try
        {
            return File.ReadAllText("/proc/sys/kernel/perf_event_paranoid").Trim();
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static long SyscallNumber => RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.X64 => 298,
        Architecture.Arm64 => 241,
        var other => throw new PlatformNotSupportedException($"perf_event_open: no syscall number known for {other}"),
    };

    /// <summary>struct perf_event_attr up to sig_data (PERF_ATTR_SIZE_VER8 is larger; the kernel takes older sizes).</summary>
    [StructLayout(LayoutKind.Explicit, Size = 128)]
    private struct PerfEventAttr
    {
        [FieldOffset(0)]
        public uint Type;

        [FieldOffset(4)]
        public uint Size;

        [FieldOffset(8)]
        public ulong Config;

        /// <summary>sample_period, or sample_freq with the freq flag.</summary>
        [FieldOffset(16)]
        public ulong SampleFreq;

        [FieldOffset(24)]
        public ulong SampleType;

        [FieldOffset(32)]
        public ulong ReadFormat;

        /// <summary>The bit fields: disabled, inherit, ..., freq (bit 10).</summary>
        [FieldOffset(40)]
        public ulong Flags;
    }

    [LibraryImport("libc", EntryPoint = "syscall", SetLastError = true)]
    private static partial long Syscall(long number, PerfEventAttr* attr, int pid, int cpu, int groupFd, ulong flags);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int CloseFd(int fd);
}
