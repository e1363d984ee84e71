using System.Globalization;

namespace Devtools.Integration.Tests.Infrastructure;

/// <summary>nghttpd (nghttp2's server) over cleartext: h2c by prior knowledge and by Upgrade, serving static files.</summary>
public sealed class NghttpdServer : HttpServer
{
    private NghttpdServer(ManagedProcess process, int port, string directory)
        : base(process, port, directory)
    {
    }

    public static NghttpdServer Start()
    {
        string dir = NewScratchDirectory("nghttpd");
        StaticFiles.WriteTo(dir);
        int port = FreePort.Next();
        var process = ManagedProcess.Start("nghttpd", ["--no-tls", "-a", "127.0.0.1", "-d", dir, port.ToString(CultureInfo.InvariantCulture)]);
        process.WaitForPort(port, TimeSpan.FromSeconds(10));
        return new NghttpdServer(process, port, dir);
    }
}
