using System.Diagnostics;
using System.Globalization;

namespace Devtools.Integration.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL 15 cluster: initdb into a scratch directory as user postgres
/// with trust authentication, started with pg_ctl on a free loopback port (no TLS
/// configured, so SSLRequest is answered 'N'), stopped and deleted on dispose.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    public const string BinDirectory = "/usr/lib/postgresql/15/bin";

    private PostgresServer(string directory, int port)
    {
        Directory = directory;
        Port = port;
    }

    /// <summary>Scratch directory holding the cluster (data/), its socket directory and its log.</summary>
    public string Directory { get; }

    public int Port { get; }

    public string DataDirectory => Path.Combine(Directory, "data");

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=false";

    /// <summary>The postmaster's pid (each connection is served by a child process).</summary>
    public int PostmasterPid => int.Parse(File.ReadLines(Path.Combine(DataDirectory, "postmaster.pid")).First(), CultureInfo.InvariantCulture);

    public static PostgresServer Start()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"devtools-pg-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(dir);
        System.IO.Directory.CreateDirectory(Path.Combine(dir, "sock"));
        int port = FreePort.Next();
        var server = new PostgresServer(dir, port);
        try
        {
            Run("chown", ["-R", "postgres", dir]);
            AsPostgres("initdb", ["-D", server.DataDirectory, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"]);
            AsPostgres("pg_ctl", [
                "-D", server.DataDirectory, "-l", Path.Combine(dir, "postgres.log"), "-w", "-t", "30",
                "-o", $"-k {Path.Combine(dir, "sock")} -p {port} -h 127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off",
                "start"]);
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    /// <summary>Runs psql against this server (no psqlrc, stop on nothing) and returns its output.</summary>
    public (int ExitCode, string Output) Psql(params string[] arguments) =>
        ManagedProcess.Run("psql", ["-X", "-h", "127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture), "-U", "postgres", "-d", "postgres", .. arguments], TimeSpan.FromSeconds(60));

    public void Dispose()
    {
        try
        {
            if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
                AsPostgres("pg_ctl", ["-D", DataDirectory, "-m", "immediate", "-w", "stop"]);
        }
        catch (InvalidOperationException)
        {
        }
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static void AsPostgres(string tool, IEnumerable<string> arguments) =>
        Run("runuser", ["-u", "postgres", "--", Path.Combine(BinDirectory, tool), .. arguments]);

    private static void Run(string fileName, IEnumerable<string> arguments)
    {
        var clock = Stopwatch.StartNew();
        (int exit, string output) = ManagedProcess.Run(fileName, arguments, TimeSpan.FromSeconds(60));
        if (exit != 0)
            throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} failed ({exit}) after {clock.Elapsed}:\n{output}");
    }
}
