namespace Devtools.Core.Capture.Bpf;

/// <summary>A libbpf call failed. The message says what was attempted and, where libbpf logged why, includes that.</summary>
public sealed class BpfException : Exception
{
    public BpfException(string message, int errno = 0)
        : base(errno == 0 ? message : $"{message}: {ErrnoText(errno)}")
    {
        Errno = errno;
    }

    public BpfException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public int Errno { get; }

    internal static string ErrnoText(int errno) => errno switch
    {
        1 => "operation not permitted (EPERM: run as root, or grant CAP_BPF and CAP_PERFMON)",
        2 => "no such file or directory (ENOENT)",
        7 => "argument list too long (E2BIG: the verifier's instruction limit)",
        12 => "out of memory (ENOMEM)",
        13 => "permission denied (EACCES: the verifier rejected the program)",
        16 => "device or resource busy (EBUSY)",
        22 => "invalid argument (EINVAL)",
        95 => "operation not supported (EOPNOTSUPP)",
        _ => $"errno {errno}",
    };
}
