using System.Diagnostics;
using Devtools.Core.Capture;
using Devtools.Integration.Tests.Infrastructure;
using Npgsql;
using NpgsqlTypes;

namespace Devtools.Integration.Tests.Pgsql;

/// <summary>
/// Npgsql (extended protocol only) from this test process against a real PostgreSQL 15,
/// on a connection opened before capture began (so both ends' roles are inferred from
/// the first message): parameters of several types, a prepared statement executed
/// three times, a pipelined batch, and errors at Parse and at Execute. Every command
/// is captured once on each side with its statement, parameters and outcome, within
/// what the client timed; tshark decodes the same statements, tags and error codes.
/// </summary>
[Collection(RealCapture.Name)]
public sealed class NpgsqlCaptureTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private static readonly Guid Reference = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");

    [Fact]
    public async Task Npgsql_parameters_prepared_batch_and_errors_once_on_both_sides()
    {
        PostgresServer pg = postgres.Server;
        await using var connection = new NpgsqlConnection(pg.ConnectionString);
        await connection.OpenAsync();
        int backendPid;
        await using (var who = new NpgsqlCommand("SELECT pg_backend_pid()", connection))
            backendPid = (int)(await who.ExecuteScalarAsync())!;

        var expected = new List<(string Row, long ClientNs)>();
        async Task Timed(Func<Task> action, params string[] rows)
        {
            var clock = Stopwatch.StartNew();
            await action();
            long elapsed = (long)clock.Elapsed.TotalNanoseconds;
            expected.AddRange(rows.Select(r => (r, elapsed)));
        }

        using TsharkCapture tshark = TsharkCapture.Start(pg.Port);
        using CaptureSession session = Infrastructure.Capture.Start();

        await Timed(
            () => Execute(connection, "CREATE TABLE orders (id int PRIMARY KEY, customer text, total float8, paid bool, ref uuid, note text)"),
            "Execute [CREATE TABLE orders (id int PRIMARY KEY, customer text, total float8, paid bool, ref uuid, note text)] -> [CREATE TABLE]");
        await Timed(
            () => Execute(connection, "INSERT INTO orders VALUES (@id, @customer, @total, @paid, @ref, @note)",
                new NpgsqlParameter<int>("id", 1), new NpgsqlParameter<string>("customer", "ada"), new NpgsqlParameter<double>("total", 12.5),
                new NpgsqlParameter<bool>("paid", true), new NpgsqlParameter<Guid>("ref", Reference), new NpgsqlParameter("note", NpgsqlDbType.Text) { Value = DBNull.Value }),
            $"Execute [INSERT INTO orders VALUES ($1, $2, $3, $4, $5, $6) /* $1 = 1, $2 = 'ada', $3 = 12.5, $4 = true, $5 = '{Reference}', $6 = NULL */] -> [INSERT 0 1]");
        await Timed(
            () => Execute(connection, "SELECT customer FROM orders WHERE id = @id AND customer LIKE @pattern", new NpgsqlParameter<long>("id", 1), new NpgsqlParameter<string>("pattern", "a%'*/")),
            "Execute [SELECT customer FROM orders WHERE id = $1 AND customer LIKE $2 /* $1 = 1, $2 = 'a%''* /' */] -> [SELECT 0]");

        // Prepared once (Parse, Describe, Sync: no record), executed three times with its parameters.
        await using (var update = new NpgsqlCommand("UPDATE orders SET total = total + $1 WHERE id = $2", connection))
        {
            update.Parameters.Add(new NpgsqlParameter<double> { TypedValue = 0 });
            update.Parameters.Add(new NpgsqlParameter<int> { TypedValue = 1 });
            await update.PrepareAsync();
            for (int i = 1; i <= 3; i++)
            {
                ((NpgsqlParameter<double>)update.Parameters[0]).TypedValue = i;
                await Timed(() => update.ExecuteNonQueryAsync(), $"Execute [UPDATE orders SET total = total + $1 WHERE id = $2 /* $1 = {i}, $2 = 1 */] -> [UPDATE 1]");
            }
        }

        // One batch: Parse/Bind/Describe/Execute three times, one Sync.
        await Timed(
            async () =>
            {
                await using var batch = new NpgsqlBatch(connection)
                {
                    BatchCommands =
                    {
                        new NpgsqlBatchCommand("INSERT INTO orders (id, customer) VALUES ($1, 'bob')") { Parameters = { new NpgsqlParameter<int> { TypedValue = 2 } } },
                        new NpgsqlBatchCommand("INSERT INTO orders (id, customer) VALUES ($1, 'cy')") { Parameters = { new NpgsqlParameter<int> { TypedValue = 3 } } },
                        new NpgsqlBatchCommand("SELECT count(*) FROM orders"),
                    },
                };
                await using NpgsqlDataReader reader = await batch.ExecuteReaderAsync();
                while (await reader.NextResultAsync())
                {
                }
            },
            "Execute [INSERT INTO orders (id, customer) VALUES ($1, 'bob') /* $1 = 2 */] -> [INSERT 0 1]",
            "Execute [INSERT INTO orders (id, customer) VALUES ($1, 'cy') /* $1 = 3 */] -> [INSERT 0 1]",
            "Execute [SELECT count(*) FROM orders] -> [SELECT 1]");

        // The table is missing: Parse fails. The key exists: Execute fails.
        await Timed(
            () => Assert.ThrowsAsync<PostgresException>(() => Execute(connection, "SELECT * FROM missing_table")),
            "Parse [SELECT * FROM missing_table] -> [ERROR: SQLSTATE 42P01: relation \"missing_table\" does not exist]");
        await Timed(
            () => Assert.ThrowsAsync<PostgresException>(() => Execute(connection, "INSERT INTO orders (id) VALUES (@id)", new NpgsqlParameter<int>("id", 1))),
            "Execute [INSERT INTO orders (id) VALUES ($1) /* $1 = 1 */] -> [ERROR: SQLSTATE 23505: duplicate key value violates unique constraint \"orders_pkey\"]");
        await Timed(() => Execute(connection, "DROP TABLE orders"), "Execute [DROP TABLE orders] -> [DROP TABLE]");

        List<PgsqlEvent> rows = PgsqlEvent.StopAndRead(session);
        tshark.Stop();

        List<PgsqlEvent> client = [.. rows.Where(r => r.Upid.Pid == (uint)Environment.ProcessId)];
        List<PgsqlEvent> server = [.. rows.Where(r => r.Upid.Pid == (uint)backendPid)];
        foreach ((string side, List<PgsqlEvent> captured, long role) in (ReadOnlySpan<(string, List<PgsqlEvent>, long)>)[("client side (Npgsql)", client, 1), ("server side (postgres)", server, 2)])
        {
            string all = string.Join("\n", captured.Select(r => "  " + r.Describe()));
            Assert.True(expected.Count == captured.Count, $"{side}: expected {expected.Count} rows, captured {captured.Count}:\n{all}");
            for (int i = 0; i < expected.Count; i++)
            {
                PgsqlEvent row = captured[i];
                Assert.Equal(expected[i].Row, row.Describe());
                Assert.Equal(role, row.TraceRole);
                Assert.True(row.LatencyNs > 0 && row.LatencyNs <= expected[i].ClientNs, $"{side}: {row.Describe()} latency {row.LatencyNs} ns, Npgsql measured {expected[i].ClientNs} ns");
            }
        }

        // tshark, reading the same packets, decodes the same statements, tags and errors.
        IReadOnlyList<List<string>> decoded = tshark.Read("pgsql", "pgsql.type", "pgsql.query", "pgsql.tag", "pgsql.code");
        Assert.Equal(
            server.Select(r => r.Req.Split(" /* ")[0]).Where(q => !q.StartsWith("UPDATE", StringComparison.Ordinal)).Prepend("UPDATE orders SET total = total + $1 WHERE id = $2").Order(),
            decoded[1].Order());
        Assert.Equal(server.Where(r => !r.Resp.StartsWith("ERROR", StringComparison.Ordinal)).Select(r => r.Resp), decoded[2]);
        Assert.Equal(server.Where(r => r.Resp.StartsWith("ERROR", StringComparison.Ordinal)).Select(r => r.Resp.Split(' ')[2].TrimEnd(':')), decoded[3]);
        Assert.Equal(0, session.Counters.Protocol("pgsql").ParseErrors);
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, params NpgsqlParameter[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddRange(parameters);
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync();
        while (await reader.NextResultAsync())
        {
        }
    }
}
