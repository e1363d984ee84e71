using System.Text;
using Devtools.Core.Storage;

namespace Devtools.Core.Connections;

/// <summary>
/// What is known about a connection's two ends. Addresses come from the kernel's
/// socket at open time; the role is inferred later for sockets opened before capture.
/// </summary>
public sealed class ConnectionInfo
{
    private string _localAddress = "-";
    private string _remoteAddress = "-";
    private byte[]? _localAddressUtf8;
    private byte[]? _remoteAddressUtf8;

    public ConnectionInfo(ConnectionId id, Upid upid)
    {
        Id = id;
        Upid = upid;
    }

    public ConnectionId Id { get; }

    public Upid Upid { get; }

    public ConnectionRole Role { get; set; }

    /// <summary>True when the role came from the first message rather than connect/accept.</summary>
    public bool RoleInferred { get; set; }

    /// <summary>AF_INET (2) or AF_INET6 (10); 0 when the open event was lost.</summary>
    public int AddressFamily { get; set; }

    public string LocalAddress
    {
        get => _localAddress;
        set
        {
            _localAddress = value;
            _localAddressUtf8 = null;
        }
    }

    public int LocalPort { get; set; }

    public string RemoteAddress
    {
        get => _remoteAddress;
        set
        {
            _remoteAddress = value;
            _remoteAddressUtf8 = null;
        }
    }

    // Every record of the connection repeats its addresses: encode them once, not per row.
    internal byte[] LocalAddressUtf8 => _localAddressUtf8 ??= Encoding.UTF8.GetBytes(_localAddress);

    internal byte[] RemoteAddressUtf8 => _remoteAddressUtf8 ??= Encoding.UTF8.GetBytes(_remoteAddress);

    public int RemotePort { get; set; }

    /// <summary>IPPROTO_TCP (6) or IPPROTO_UDP (17).</summary>
    public int Transport { get; set; } = 6;

    /// <summary>Plaintext seen through TLS library uprobes rather than the socket.</summary>
    public bool Encrypted { get; set; }

    /// <summary>Kernel monotonic ns of the open (or of the first event seen).</summary>
    public long OpenedAtNs { get; set; }

    public override string ToString() =>
        $"pid {Id.Pid} fd {Id.Fd} {Role} {LocalAddress}:{LocalPort} -> {RemoteAddress}:{RemotePort}";
}
