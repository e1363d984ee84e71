namespace Devtools.Core.Profiling.EventPipe;

/// <summary>Why a managed profiling session could not start or did not finish.</summary>
public enum ManagedProfilerError
{
    /// <summary>No process has that pid (or it exited before we attached).</summary>
    ProcessNotFound,

    /// <summary>The process runs but is not a .NET (CoreCLR) process.</summary>
    NotDotNet,

    /// <summary>A .NET process whose diagnostics socket cannot be found (diagnostics disabled, or a TMPDIR we cannot see).</summary>
    DiagnosticsUnavailable,

    /// <summary>The socket exists but this user may not connect to it.</summary>
    AccessDenied,

    /// <summary>The process exited while the session was starting.</summary>
    ProcessExited,

    /// <summary>The runtime refused or broke the EventPipe session.</summary>
    SessionFailed,
}

/// <summary>
/// A managed profiling session could not start (or broke): the message says what
/// happened and what to do about it, in one or two sentences fit for a terminal.
/// </summary>
public sealed class ManagedProfilerException : Exception
{
    public ManagedProfilerException(ManagedProfilerError error, int pid, string message, Exception? inner = null)
        : base(message, inner)
    {
        Error = error;
        Pid = pid;
    }

    public ManagedProfilerError Error { get; }

    public int Pid { get; }
}
