using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Devtools.Host.Demo;

/// <summary>The bundled sample service, run as a child process on a loopback port.</summary>
public sealed class SampleShopProcess : IDisposable
{
    private readonly Process _process;

    private SampleShopProcess(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Pid => _process.Id;

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    /// <summary>Where the sample was built: next to the CLI, or DEVTOOLS_SAMPLESHOP.</summary>
    public static string Locate()
    {
        string? configured = Environment.GetEnvironmentVariable("DEVTOOLS_SAMPLESHOP");
        if (!string.IsNullOrEmpty(configured))
            return configured;
        return Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "sampleshop", "SampleShop.dll"));
    }

    public static async Task<SampleShopProcess> StartAsync(CancellationToken cancellationToken)
    {
        string dll = Locate();
        if (!File.Exists(dll))
            throw new FileNotFoundException($"The sample service is not built at {dll}. Run ./devtools (it builds it) or set DEVTOOLS_SAMPLESHOP.");
        int port = FreePort();
        var info = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add($"http://127.0.0.1:{port}");
        info.Environment["DOTNET_gcServer"] = "0";
        var process = Process.Start(info) ?? throw new InvalidOperationException("Cannot start the sample service.");
        process.OutputDataReceived += static (_, _) => { };
        process.ErrorDataReceived += static (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var shop = new SampleShopProcess(process, port);
        try
        {
            await shop.WaitUntilListeningAsync(TimeSpan.FromSeconds(30), cancellationToken);
            return shop;
        }
        catch
        {
            shop.Dispose();
            throw;
        }
    }

    private async Task WaitUntilListeningAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_process.HasExited)
                throw new InvalidOperationException($"The sample service exited with code {_process.ExitCode} before it listened.");
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port, cancellationToken);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100, cancellationToken);
            }
        }
        throw new TimeoutException($"The sample service did not listen on port {Port} within {timeout.TotalSeconds:0} s.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
        }
        _process.Dispose();
    }
}
