namespace Devtools.Integration.Tests.Infrastructure;

/// <summary>A real HTTP server on a loopback port, stopped on dispose.</summary>
public abstract class HttpServer : IDisposable
{
    protected HttpServer(ManagedProcess process, int port, string directory)
    {
        Process = process;
        Port = port;
        Directory = directory;
    }

    public ManagedProcess Process { get; }

    public int Port { get; }

    /// <summary>A scratch directory owned by this server (config, served files).</summary>
    public string Directory { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    public virtual void Dispose()
    {
        Process.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
        GC.SuppressFinalize(this);
    }

    protected static string NewScratchDirectory(string name)
    {
        string dir = Path.Combine(Path.GetTempPath(), $"devtools-{name}-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(dir);
        return dir;
    }
}

/// <summary>Files with known sizes that the static servers serve.</summary>
public static class StaticFiles
{
    public const int SmallSize = 100;
    public const int JsonSize = 2048;
    public const int BigSize = 1 << 20;

    public static void WriteTo(string directory)
    {
        System.IO.Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "small.txt"), new string('s', SmallSize));
        File.WriteAllText(Path.Combine(directory, "data.json"), "{\"v\":\"" + new string('j', JsonSize - 8) + "\"}");
        File.WriteAllBytes(Path.Combine(directory, "big.bin"), Enumerable.Range(0, BigSize).Select(i => (byte)(i * 31)).ToArray());
    }
}

/// <summary>nginx with one worker, static files (served with sendfile) and a few fixed answers.</summary>
public sealed class NginxServer : HttpServer
{
    private NginxServer(ManagedProcess process, int port, string directory)
        : base(process, port, directory)
    {
    }

    public static NginxServer Start()
    {
        string dir = NewScratchDirectory("nginx");
        int port = FreePort.Next();
        string www = Path.Combine(dir, "www");
        StaticFiles.WriteTo(www);
        string config = $$"""
            worker_processes 1;
            daemon off;
            master_process on;
            pid {{dir}}/nginx.pid;
            error_log {{dir}}/error.log warn;
            events { worker_connections 1024; }
            http {
              access_log off;
              sendfile on;
              keepalive_requests 100000;
              client_body_temp_path {{dir}}/body;
              proxy_temp_path {{dir}}/proxy;
              fastcgi_temp_path {{dir}}/fastcgi;
              uwsgi_temp_path {{dir}}/uwsgi;
              scgi_temp_path {{dir}}/scgi;
              types { text/plain txt; application/json json; application/octet-stream bin; }
              server {
                listen 127.0.0.1:{{port}};
                root {{www}};
                etag on;
                location = /status/204 { return 204; }
                location = /hello { default_type text/plain; return 200 "hello from nginx\n"; }
                location = /upload { client_max_body_size 16m; default_type text/plain; return 201 "stored\n"; }
                location /copied/ { sendfile off; alias {{www}}/; }
              }
            }
            """;
        string configPath = Path.Combine(dir, "nginx.conf");
        File.WriteAllText(configPath, config);
        var process = ManagedProcess.Start("nginx", ["-c", configPath, "-p", dir, "-e", Path.Combine(dir, "error.log")]);
        process.WaitForPort(port, TimeSpan.FromSeconds(10));
        return new NginxServer(process, port, dir);
    }
}

/// <summary>python3 -m http.server: HTTP/1.0, one connection per request.</summary>
public sealed class PythonHttpServer : HttpServer
{
    private PythonHttpServer(ManagedProcess process, int port, string directory)
        : base(process, port, directory)
    {
    }

    public static PythonHttpServer Start()
    {
        string dir = NewScratchDirectory("python");
        StaticFiles.WriteTo(dir);
        int port = FreePort.Next();
        var process = ManagedProcess.Start("python3", ["-m", "http.server", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--directory", dir]);
        process.WaitForPort(port, TimeSpan.FromSeconds(15));
        return new PythonHttpServer(process, port, dir);
    }
}

/// <summary>The repository's sample ASP.NET Core service (Kestrel).</summary>
public sealed class SampleShopServer : HttpServer
{
    private SampleShopServer(ManagedProcess process, int port, string directory)
        : base(process, port, directory)
    {
    }

    public static SampleShopServer Start()
    {
        string dir = NewScratchDirectory("sampleshop");
        int port = FreePort.Next();
        if (!File.Exists(Repository.SampleShopDll))
            throw new FileNotFoundException($"Build the solution first: {Repository.SampleShopDll} is missing.");
        var process = ManagedProcess.Start("dotnet", [Repository.SampleShopDll, "--urls", $"http://127.0.0.1:{port}"], dir);
        process.WaitForPort(port, TimeSpan.FromSeconds(30));
        return new SampleShopServer(process, port, dir);
    }
}
