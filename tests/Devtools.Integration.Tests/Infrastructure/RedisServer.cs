using System.Globalization;

namespace Devtools.Integration.Tests.Infrastructure;

/// <summary>A redis-server on a free loopback port, no persistence, in a scratch directory; stopped on dispose.</summary>
public sealed class RedisServer : IDisposable
{
    private RedisServer(ManagedProcess process, int port, string directory)
    {
        Process = process;
        Port = port;
        Directory = directory;
    }

    public ManagedProcess Process { get; }

    public int Port { get; }

    public string Directory { get; }

    public string Endpoint => $"127.0.0.1:{Port}";

    public static RedisServer Start()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"devtools-redis-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(dir);
        int port = FreePort.Next();
        var process = ManagedProcess.Start("redis-server", [
            "--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
            "--dir", dir, "--protected-mode", "no", "--loglevel", "warning",
        ]);
        process.WaitForPort(port, TimeSpan.FromSeconds(10));
        return new RedisServer(process, port, dir);
    }

    /// <summary>Runs redis-cli against this server with <paramref name="arguments"/> and returns its output.</summary>
    public string Cli(params string[] arguments)
    {
        (int exit, string output) = ManagedProcess.Run("redis-cli", ["-p", Port.ToString(CultureInfo.InvariantCulture), .. arguments], TimeSpan.FromSeconds(30));
        Assert.True(exit == 0, $"redis-cli {string.Join(' ', arguments)} failed ({exit}): {output}");
        return output;
    }

    /// <summary>
    /// The server's own count of each command it was sent (INFO commandstats: calls plus
    /// rejected calls), by the name a redis_events row gives it ("GET", "CLIENT SETNAME").
    /// </summary>
    public Dictionary<string, long> CommandCounts()
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (string line in Cli("INFO", "commandstats").Split('\n'))
        {
            // cmdstat_client|setname:calls=1,usec=2,usec_per_call=2.00,rejected_calls=0,failed_calls=0
            if (!line.StartsWith("cmdstat_", StringComparison.Ordinal))
                continue;
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            string name = line[8..colon].Replace('|', ' ').ToUpperInvariant();
            long total = 0;
            foreach (string field in line[(colon + 1)..].Trim().Split(','))
            {
                string[] kv = field.Split('=');
                if (kv[0] is "calls" or "rejected_calls")
                    total += long.Parse(kv[1], CultureInfo.InvariantCulture);
            }
            counts[name] = total;
        }
        return counts;
    }

    /// <summary>What the server counted between two <see cref="CommandCounts"/>, without zeros.</summary>
    public static Dictionary<string, long> Delta(Dictionary<string, long> before, Dictionary<string, long> after) =>
        after.Select(kv => (kv.Key, Count: kv.Value - before.GetValueOrDefault(kv.Key)))
            .Where(kv => kv.Count != 0)
            .ToDictionary(kv => kv.Key, kv => kv.Count, StringComparer.Ordinal);

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
