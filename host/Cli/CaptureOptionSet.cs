using System.CommandLine;
using Devtools.Core.Capture;
using Devtools.Core.Capture.SocketTrace;
using Devtools.Core.Protocols;
using Devtools.Core.Storage;

namespace Devtools.Host.Cli;

/// <summary>The options every capturing command shares, and how they become <see cref="CaptureOptions"/>.</summary>
public sealed class CaptureOptionSet
{
    public Option<int?> Pid { get; } = new("--pid", "-p")
    {
        Description = "Capture only this process (default: every process on the node).",
        HelpName = "PID",
    };

    public Option<int> BodyBytes { get; } = new("--body-bytes")
    {
        Description = "Bytes of each request/response body kept in the table (true sizes are always recorded).",
        DefaultValueFactory = _ => 512,
    };

    public Option<bool> ShowSecrets { get; } = new("--show-secrets")
    {
        Description = "Keep values of Authorization, Cookie and similar headers and secret query parameters (redacted by default).",
    };

    public Option<int> MemoryMb { get; } = new("--memory")
    {
        Description = "Memory for captured rows, in MiB (oldest rows are evicted beyond it).",
        DefaultValueFactory = _ => 256,
        HelpName = "MiB",
    };

    public Option<int> RingBufferMb { get; } = new("--ring-buffer")
    {
        Description = "Kernel-to-user ring buffer size in MiB (a power of two); raise it if the summary shows drops.",
        DefaultValueFactory = _ => 16,
        HelpName = "MiB",
    };

    public Option<int> MaxBytesPerCall { get; } = new("--max-bytes-per-call")
    {
        Description = "Bytes captured per read/write syscall; beyond it only the length is kept.",
        DefaultValueFactory = _ => 128 * 1024,
        HelpName = "BYTES",
    };

    public void AddTo(Command command)
    {
        command.Add(Pid);
        command.Add(BodyBytes);
        command.Add(ShowSecrets);
        command.Add(MemoryMb);
        command.Add(RingBufferMb);
        command.Add(MaxBytesPerCall);
    }

    /// <summary>Builds the capture settings; throws <see cref="UsageException"/> for values that make no sense.</summary>
    public CaptureOptions Build(System.CommandLine.ParseResult parse, int? pidOverride = null)
    {
        int? pid = pidOverride ?? parse.GetValue(Pid);
        if (pid is <= 0)
            throw new UsageException($"--pid must be a positive process id, not {pid}.");
        if (pid is { } p && !Directory.Exists($"/proc/{p}"))
            throw new UsageException($"No process has pid {p}: check it with `ps -p {p}`.");
        int ring = parse.GetValue(RingBufferMb);
        if (ring is < 1 or > 1024 || (ring & (ring - 1)) != 0)
            throw new UsageException($"--ring-buffer must be a power of two between 1 and 1024 MiB, not {ring}.");
        int memory = parse.GetValue(MemoryMb);
        if (memory is < 8 or > 65536)
            throw new UsageException($"--memory must be between 8 and 65536 MiB, not {memory}.");
        int body = parse.GetValue(BodyBytes);
        if (body is < 0 or > 1 << 20)
            throw new UsageException($"--body-bytes must be between 0 and 1048576, not {body}.");
        int perCall = parse.GetValue(MaxBytesPerCall);
        if (perCall is < 0 or > 1 << 20)
            throw new UsageException($"--max-bytes-per-call must be between 0 and 1048576, not {perCall}.");

        return new CaptureOptions
        {
            Tracer = new SocketTracerOptions
            {
                TargetPid = pid ?? 0,
                RingBufferBytes = ring << 20,
                MaxBytesPerCall = perCall,
            },
            Protocols = new ProtocolOptions
            {
                MaxBodyBytes = body,
                RedactSecrets = !parse.GetValue(ShowSecrets),
            },
            Storage = new TableStoreOptions { TotalBudgetBytes = (long)memory << 20 },
        };
    }
}

/// <summary>A command-line value that makes no sense; the message says which and why.</summary>
public sealed class UsageException(string message) : Exception(message);
