using System.Globalization;
using System.Net.Sockets;
using Microsoft.Diagnostics.NETCore.Client;

namespace Devtools.Core.Profiling.EventPipe;

/// <summary>Turns what the diagnostics client throws into a <see cref="ManagedProfilerException"/> that says what to do.</summary>
internal static class SessionErrors
{
    public static bool IsExpected(Exception e) =>
        e is ServerNotAvailableException or ServerErrorException or UnsupportedCommandException or DiagnosticsClientException
            or IOException or SocketException or UnauthorizedAccessException or TimeoutException or ObjectDisposedException
            or EndOfStreamException or FormatException or InvalidOperationException;

    public static ManagedProfilerException Map(Exception e, int pid, string socket)
    {
        if (e is ManagedProfilerException known)
            return known;
        if (!ProcessIsAlive(pid))
            return new(ManagedProfilerError.ProcessExited, pid, $"Process {pid} exited while the profiling session was starting.", e);
        if (IsAccessDenied(e))
        {
            return new(ManagedProfilerError.AccessDenied, pid,
                $"Not allowed to connect to {socket}: the process belongs to another user. Run as that user, or as root.", e);
        }
        if (e is ServerNotAvailableException or SocketException)
        {
            return new(ManagedProfilerError.DiagnosticsUnavailable, pid,
                $"Process {pid} did not answer on its diagnostics socket {socket} (stale socket, or a runtime that is shutting down): {e.Message}", e);
        }
        return new(ManagedProfilerError.SessionFailed, pid, $"The runtime of process {pid} refused or broke the EventPipe session: {e.Message}", e);
    }

    public static bool ProcessIsAlive(int pid) => Directory.Exists("/proc/" + pid.ToString(CultureInfo.InvariantCulture));

    private static bool IsAccessDenied(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is UnauthorizedAccessException || (e is SocketException s && s.SocketErrorCode == SocketError.AccessDenied))
                return true;
        }
        return false;
    }
}
