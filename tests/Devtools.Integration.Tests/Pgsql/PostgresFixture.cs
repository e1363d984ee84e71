using System.Globalization;
using Devtools.Integration.Tests.Infrastructure;

namespace Devtools.Integration.Tests.Pgsql;

/// <summary>One PostgreSQL cluster for all the capture tests of a class (initdb costs seconds).</summary>
public sealed class PostgresFixture : IDisposable
{
    private readonly Lock _gate = new();
    private bool _pgbenchReady;

    public PostgresServer Server { get; } = PostgresServer.Start();

    /// <summary>pgbench's tables at scale 1, created once (not captured).</summary>
    public void EnsurePgbenchTables()
    {
        lock (_gate)
        {
            if (_pgbenchReady)
                return;
            (int exit, string output) = ManagedProcess.Run(
                "pgbench",
                ["-i", "-q", "-s", "1", "-h", "127.0.0.1", "-p", Server.Port.ToString(CultureInfo.InvariantCulture), "-U", "postgres", "postgres"],
                TimeSpan.FromSeconds(120));
            if (exit != 0)
                throw new InvalidOperationException($"pgbench -i failed ({exit}):\n{output}");
            _pgbenchReady = true;
        }
    }

    public void Dispose() => Server.Dispose();
}
