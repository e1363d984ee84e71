using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Devtools.Core.Capture;
using Devtools.Integration.Tests.Infrastructure;

namespace Devtools.Integration.Tests.Pgsql;

/// <summary>
/// psql (simple query protocol, SSLRequest refused, then startup) against a real
/// PostgreSQL 15, captured with real eBPF on both sides and by tshark: every statement
/// of the script is one row with its text and outcome, latency within what psql timed,
/// and tshark decodes the same queries, command tags and error codes.
/// </summary>
[Collection(RealCapture.Name)]
public sealed partial class PsqlCaptureTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private static readonly (string Sql, string Req, string Resp)[] Script =
    [
        ("CREATE TABLE items (id int PRIMARY KEY, name text, price numeric);", "CREATE TABLE items (id int PRIMARY KEY, name text, price numeric);", "CREATE TABLE"),
        ("INSERT INTO items VALUES (1, 'one', 1.5), (2, 'two', 2.5);", "INSERT INTO items VALUES (1, 'one', 1.5), (2, 'two', 2.5);", "INSERT 0 2"),
        ("SELECT id, name FROM items WHERE id IN (1, 2) ORDER BY id;", "SELECT id, name FROM items WHERE id IN (1, 2) ORDER BY id;", "SELECT 2"),
        ("SELECT * FROM missing;", "SELECT * FROM missing;", "ERROR: SQLSTATE 42P01: relation \"missing\" does not exist"),
        ("BEGIN \\; UPDATE items SET name = 'uno' WHERE id = 1 \\; COMMIT;", "BEGIN ; UPDATE items SET name = 'uno' WHERE id = 1 ; COMMIT;", "BEGIN; UPDATE 1; COMMIT"),
        ("COPY items FROM STDIN;\n3\tthree\t3.5\n4\tfour\t4.5\n\\.", "COPY items FROM STDIN;", "COPY 2"),
        ("COPY items TO STDOUT;", "COPY items TO STDOUT;", "COPY 4"),
        ("DO $$ BEGIN RAISE NOTICE 'hi'; END $$;", "DO $$ BEGIN RAISE NOTICE 'hi'; END $$;", "DO"),
        ("SELECT pg_sleep(0.05);", "SELECT pg_sleep(0.05);", "SELECT 1"),
        ("SELECT 1/0;", "SELECT 1/0;", "ERROR: SQLSTATE 22012: division by zero"),
        ("DROP TABLE items;", "DROP TABLE items;", "DROP TABLE"),
    ];

    [Fact]
    public void Psql_script_every_statement_once_on_both_sides_and_as_tshark_decodes_it()
    {
        PostgresServer pg = postgres.Server;
        string script = Path.Combine(pg.Directory, "script.sql");
        File.WriteAllText(script, "\\timing on\n" + string.Join("\n", Script.Select(s => s.Sql)) + "\n");

        using TsharkCapture tshark = TsharkCapture.Start(pg.Port);
        using CaptureSession session = Infrastructure.Capture.Start();
        var clock = Stopwatch.StartNew();
        using ManagedProcess psql = ManagedProcess.Start("psql", ["-X", "-h", "127.0.0.1", "-p", pg.Port.ToString(CultureInfo.InvariantCulture), "-U", "postgres", "-d", "postgres", "-f", script]);
        Assert.True(Clients.WaitForExit(psql, TimeSpan.FromSeconds(30)), psql.Output);
        long elapsed = (long)clock.Elapsed.TotalNanoseconds;
        List<PgsqlEvent> rows = PgsqlEvent.StopAndRead(session);
        tshark.Stop();

        // psql times each statement (display rounded to µs); COPY's timing leaves out the data transfer.
        long[] timed = [.. TimingLine().Matches(psql.Output).Select(m => (long)(double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) * 1e6) + 1_000)];
        Assert.True(timed.Length == Script.Length, psql.Output);

        List<PgsqlEvent> server = [.. rows.Where(r => r.TraceRole == 2 && r.LocalPort == pg.Port)];
        List<PgsqlEvent> client = [.. rows.Where(r => r.TraceRole == 1 && r.RemotePort == pg.Port && r.Upid.Pid == (uint)psql.Pid)];
        foreach ((string side, List<PgsqlEvent> captured) in (ReadOnlySpan<(string, List<PgsqlEvent>)>)[("server side (postgres)", server), ("client side (psql)", client)])
        {
            string all = string.Join("\n", captured.Select(r => "  " + r.Describe()));
            Assert.True(Script.Length == captured.Count, $"{side}: expected {Script.Length} rows, captured {captured.Count}:\n{all}");
            for (int i = 0; i < Script.Length; i++)
            {
                PgsqlEvent row = captured[i];
                Assert.Equal($"Query [{Script[i].Req}] -> [{Script[i].Resp}]", row.Describe());
                long limit = Script[i].Req.StartsWith("COPY", StringComparison.Ordinal) ? elapsed : timed[i];
                Assert.True(row.LatencyNs > 0 && row.LatencyNs <= limit, $"{side}: {row.Describe()} latency {row.LatencyNs} ns, psql measured {limit} ns");
            }
        }
        Assert.All(server, r => Assert.Equal("127.0.0.1", r.RemoteAddr));
        Assert.Equal(0, session.Counters.Protocol("pgsql").ParseErrors);
        Assert.True(session.Counters.Protocol("pgsql").Specific("startups").Value >= 2, "psql's StartupMessage, seen on both sides");

        // tshark, reading the same packets, must decode the same exchanges.
        IReadOnlyList<List<string>> decoded = tshark.Read("pgsql", "pgsql.type", "pgsql.query", "pgsql.tag", "pgsql.code");
        List<string> types = decoded[0];
        Assert.Equal(Script.Length, types.Count(t => t == "Simple query"));
        Assert.Equal(2, types.Count(t => t == "SSL request") + types.Count(t => t == "Startup message"));
        Assert.Equal(server.Select(r => r.Req), decoded[1]);
        Assert.Equal(server.SelectMany(r => r.Resp.Split("; ")).Where(t => !t.StartsWith("ERROR", StringComparison.Ordinal)), decoded[2]);
        // Notices carry a success code too (00000): only errors are in resp.
        Assert.Equal(
            server.Where(r => r.Resp.StartsWith("ERROR", StringComparison.Ordinal)).Select(r => r.Resp.Split(' ')[2].TrimEnd(':')),
            decoded[3].Where(code => !code.StartsWith("00", StringComparison.Ordinal) && !code.StartsWith("01", StringComparison.Ordinal)));
    }

    [GeneratedRegex(@"^Time: ([0-9.]+) ms", RegexOptions.Multiline)]
    private static partial Regex TimingLine();
}
