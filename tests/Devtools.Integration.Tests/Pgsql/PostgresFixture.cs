using Devtools.Integration.Tests.Infrastructure;

namespace Devtools.Integration.Tests.Pgsql;

/// <summary>One PostgreSQL cluster for all the capture tests of a class (initdb costs seconds).</summary>
public sealed class PostgresFixture : IDisposable
{
    public PostgresServer Server { get; } = PostgresServer.Start();

    public void Dispose() => Server.Dispose();
}
