using System.Globalization;

namespace Devtools.Integration.Tests.Infrastructure;

/// <summary>
/// unbound on a loopback port (UDP and TCP), stopped on dispose: serves local.test itself,
/// refuses refused.test, forwards example.test to a backend (dnsmasq) and broken.test to the
/// same backend, which refuses it, so unbound answers SERVFAIL at once.
/// </summary>
public sealed class UnboundServer : IDisposable
{
    private UnboundServer(ManagedProcess process, int port, string directory)
    {
        Process = process;
        Port = port;
        Directory = directory;
    }

    public ManagedProcess Process { get; }

    public int Port { get; }

    public string Directory { get; }

    public static UnboundServer Start(int backendPort)
    {
        string dir = Path.Combine(Path.GetTempPath(), $"devtools-unbound-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(dir);
        int port = FreePort.Next();
        string p = port.ToString(CultureInfo.InvariantCulture);
        string backend = backendPort.ToString(CultureInfo.InvariantCulture);
        string config = $$"""
            server:
              interface: 127.0.0.1@{{p}}
              port: {{p}}
              do-daemonize: no
              username: ""
              chroot: ""
              directory: "{{dir}}"
              pidfile: ""
              use-syslog: no
              logfile: ""
              verbosity: 0
              do-ip6: no
              num-threads: 1
              so-reuseport: no
              do-not-query-localhost: no
              module-config: "iterator"
              qname-minimisation: no
              minimal-responses: yes
              local-zone: "test." nodefault
              local-zone: "local.test." static
              local-data: "www.local.test. 300 IN A 192.0.2.10"
              local-data: "www.local.test. 300 IN AAAA 2001:db8::10"
              local-zone: "refused.test." refuse
              domain-insecure: "example.test."
              domain-insecure: "broken.test."
            forward-zone:
              name: "example.test."
              forward-addr: 127.0.0.1@{{backend}}
            forward-zone:
              name: "broken.test."
              forward-addr: 127.0.0.1@{{backend}}
            remote-control:
              control-enable: no
            """;
        string configPath = Path.Combine(dir, "unbound.conf");
        File.WriteAllText(configPath, config);
        var process = ManagedProcess.Start("unbound", ["-d", "-c", configPath]);
        DnsmasqServer.WaitForTcp(process, "127.0.0.1", port);
        return new UnboundServer(process, port, dir);
    }

    public void Dispose()
    {
        Process.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
