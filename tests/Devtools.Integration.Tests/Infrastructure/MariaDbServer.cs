using System.Globalization;

namespace Devtools.Integration.Tests.Infrastructure;

/// <summary>
/// A throwaway MariaDB server: a fresh data directory in a temp folder, mariadbd on a free
/// loopback port (no grant checks, no TLS, no binary log), stopped and deleted on dispose.
/// </summary>
public sealed class MariaDbServer : IDisposable
{
    private MariaDbServer(ManagedProcess process, int port, string directory)
    {
        Process = process;
        Port = port;
        Directory = directory;
    }

    public ManagedProcess Process { get; }

    public int Port { get; }

    public string Directory { get; }

    /// <summary>MySqlConnector's connection string: no pooling (each test sees its own handshake), no TLS.</summary>
    public string ConnectionString(string database = "shop") =>
        $"Server=127.0.0.1;Port={Port};User ID=root;Database={database};Pooling=false;SslMode=None;AllowPublicKeyRetrieval=true";

    public static MariaDbServer Start()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"devtools-mariadb-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(dir);
        string data = Path.Combine(dir, "data");
        (int exit, string output) = ManagedProcess.Run(
            "mariadb-install-db",
            ["--no-defaults", $"--datadir={data}", "--auth-root-authentication-method=normal", "--user=root", "--skip-test-db", "--skip-name-resolve"],
            TimeSpan.FromSeconds(60));
        if (exit != 0)
            throw new InvalidOperationException($"mariadb-install-db failed ({exit}):\n{output}");
        int port = FreePort.Next();
        var process = ManagedProcess.Start("mariadbd",
        [
            "--no-defaults",
            $"--datadir={data}",
            $"--socket={Path.Combine(dir, "mariadb.sock")}",
            $"--pid-file={Path.Combine(dir, "mariadb.pid")}",
            $"--port={port.ToString(CultureInfo.InvariantCulture)}",
            "--bind-address=127.0.0.1",
            "--user=root",
            "--skip-grant-tables",
            "--skip-name-resolve",
            "--skip-log-bin",
            "--innodb-buffer-pool-size=16M",
            $"--log-error={Path.Combine(dir, "error.log")}",
        ]);
        process.WaitForPort(port, TimeSpan.FromSeconds(30));
        return new MariaDbServer(process, port, dir);
    }

    /// <summary>Runs the mariadb command-line client with <paramref name="sql"/> (batch mode, no auto-rehash).</summary>
    public (int ExitCode, string Output) Client(string sql, string? database = null)
    {
        var args = new List<string> { "-h", "127.0.0.1", "-P", Port.ToString(CultureInfo.InvariantCulture), "-u", "root", "-A", "--batch" };
        if (database is not null)
            args.Add(database);
        args.AddRange(["-e", sql]);
        return ManagedProcess.Run("mariadb", args, TimeSpan.FromSeconds(30));
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
