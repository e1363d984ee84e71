using System.Globalization;

namespace Devtools.Integration.Tests.Infrastructure;

/// <summary>
/// dnsmasq answering from its own configuration only (no upstream, no /etc/hosts) on one
/// loopback address and port, UDP and TCP, stopped on dispose. The zone example.test is
/// local: names it does not define are NXDOMAIN; names outside it are REFUSED.
/// </summary>
public sealed class DnsmasqServer : IDisposable
{
    private DnsmasqServer(ManagedProcess process, string address, int port)
    {
        Process = process;
        Address = address;
        Port = port;
    }

    public ManagedProcess Process { get; }

    public string Address { get; }

    public int Port { get; }

    /// <summary>Names and answers the server knows (what dig should see).</summary>
    public static readonly string[] Records =
    [
        "--host-record=host.example.test,10.0.0.5,fd00::5",
        "--host-record=api.example.test,10.0.0.7",
        "--cname=alias.example.test,host.example.test",
        "--srv-host=_http._tcp.example.test,host.example.test,8080,10,20",
        "--txt-record=txt.example.test,hello world,second",
        "--mx-host=example.test,mail.example.test,10",
        "--address=/wild.example.test/10.1.2.3",
        "--dns-rr=weird.example.test,65534,010203",
    ];

    /// <summary>Starts on <paramref name="address"/>:<paramref name="port"/> (a free loopback port by default).</summary>
    public static DnsmasqServer Start(string address = "127.0.0.1", int? port = null)
    {
        int p = port ?? FreePort.Next();
        string[] arguments =
        [
            "--no-daemon",
            $"--port={p.ToString(CultureInfo.InvariantCulture)}",
            $"--listen-address={address}",
            "--bind-interfaces",
            "--no-resolv",
            "--no-hosts",
            "--no-negcache",
            "--local=/example.test/",
            "--log-facility=-",
            "--log-queries",
            "--pid-file=",
            "--user=root",
            .. Records,
        ];
        var process = ManagedProcess.Start("dnsmasq", arguments);
        WaitForTcp(process, address, p);
        return new DnsmasqServer(process, address, p);
    }

    /// <summary>Waits until <paramref name="process"/> accepts TCP on <paramref name="address"/>:<paramref name="port"/> (it serves UDP on the same port by then).</summary>
    internal static void WaitForTcp(ManagedProcess process, string address, int port)
    {
        var deadline = System.Diagnostics.Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(10))
        {
            if (process.HasExited)
                throw new InvalidOperationException($"The DNS server exited before listening on {address}:{port}:\n{process.Output}");
            try
            {
                using var client = new System.Net.Sockets.TcpClient();
                client.Connect(address, port);
                return;
            }
            catch (System.Net.Sockets.SocketException)
            {
                Thread.Sleep(50);
            }
        }
        throw new TimeoutException($"Nothing listened on {address}:{port}:\n{process.Output}");
    }

    public void Dispose() => Process.Dispose();
}
