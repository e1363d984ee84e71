namespace Devtools.Core.Connections;

/// <summary>
/// Identity of one connection as the kernel side sees it: the process, its file
/// descriptor, and a generation that tells apart successive sockets on a reused fd.
/// </summary>
public readonly record struct ConnectionId(uint Pid, int Fd, ulong Generation)
{
    public override string ToString() => $"{Pid}:{Fd}:{Generation}";
}
