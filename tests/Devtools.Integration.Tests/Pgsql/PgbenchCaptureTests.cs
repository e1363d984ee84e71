using System.Globalization;
using System.Text.RegularExpressions;
using Devtools.Core.Capture;
using Devtools.Core.Query.Sql;
using Devtools.Integration.Tests.Infrastructure;

namespace Devtools.Integration.Tests.Pgsql;

/// <summary>
/// pgbench's TPC-B-like transactions over the extended protocol, with named prepared
/// statements (-M prepared: Parse once, then Bind/Execute/Sync) and unnamed ones
/// (-M extended: Parse/Bind/Describe/Execute/Sync each time): every statement of every
/// transaction pgbench reports is one Execute row, on both sides, with its statement
/// text, in script order on each connection.
/// </summary>
[Collection(RealCapture.Name)]
public sealed partial class PgbenchCaptureTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private const int Clients = 2;
    private const int TransactionsPerClient = 200;

    [Theory]
    [InlineData("prepared")]
    [InlineData("extended")]
    public void Pgbench_every_statement_of_every_transaction_once(string mode)
    {
        PostgresServer pg = postgres.Server;
        postgres.EnsurePgbenchTables();

        using CaptureSession session = Infrastructure.Capture.Start();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using ManagedProcess pgbench = ManagedProcess.Start("pgbench", [
            "-n", "-r", "-M", mode, "-c", Clients.ToString(CultureInfo.InvariantCulture), "-t", TransactionsPerClient.ToString(CultureInfo.InvariantCulture),
            "-h", "127.0.0.1", "-p", pg.Port.ToString(CultureInfo.InvariantCulture), "-U", "postgres", "postgres"]);
        Assert.True(Pgsql.Clients.WaitForExit(pgbench, TimeSpan.FromSeconds(60)), pgbench.Output);
        long elapsed = (long)clock.Elapsed.TotalNanoseconds;
        List<PgsqlEvent> rows = PgsqlEvent.StopAndRead(session);

        string output = pgbench.Output;
        Match processed = TransactionsProcessed().Match(output);
        Assert.True(processed.Success, output);
        int transactions = int.Parse(processed.Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.Equal(Clients * TransactionsPerClient, transactions);

        // pgbench's per-statement report: the script's statements, :variables and all.
        var normalizer = new SqlNormalizer();
        string[] statements = [.. StatementLine().Matches(output).Select(m => normalizer.Normalize(Numbered(m.Groups[3].Value)))];
        Assert.Equal(7, statements.Length);
        List<PgsqlEvent> server = [.. rows.Where(r => r.TraceRole == 2 && r.LocalPort == pg.Port)];
        List<PgsqlEvent> client = [.. rows.Where(r => r.TraceRole == 1 && r.RemotePort == pg.Port && r.Upid.Pid == (uint)pgbench.Pid)];
        foreach ((string side, List<PgsqlEvent> all) in (ReadOnlySpan<(string, List<PgsqlEvent>)>)[("server side (postgres)", server), ("client side (pgbench)", client)])
        {
            // Before its transactions pgbench asks, with simple queries, for the scale and for partitioning.
            Assert.Equal(
                ["Query [select count(*) from pgbench_branches] -> [SELECT 1]", "Query -> [SELECT 1]"],
                all.Where(r => r.ReqCmd != "Execute").Select(r => r.Req.Contains("pgbench_accounts", StringComparison.Ordinal) ? $"{r.ReqCmd} -> [{r.Resp}]" : r.Describe()));
            List<PgsqlEvent> captured = [.. all.Where(r => r.ReqCmd == "Execute")];
            Assert.All(captured, r => Assert.DoesNotContain("ERROR", r.Resp, StringComparison.Ordinal));
            var byStatement = captured.GroupBy(r => normalizer.Normalize(r.Req)).ToDictionary(g => g.Key, g => g.ToList());
            string summary = string.Join("\n", byStatement.Select(g => $"  {g.Value.Count} x {g.Key} -> {g.Value[0].Resp}"));
            Assert.True(statements.Order().SequenceEqual(byStatement.Keys.Order()), $"{side}: statements differ from pgbench's:\n{summary}\npgbench:\n{output}");
            foreach ((string statement, List<PgsqlEvent> executions) in byStatement)
            {
                Assert.True(transactions == executions.Count, $"{side}: {executions.Count} executions of {statement}, pgbench processed {transactions} transactions\n{summary}");
                // pgbench samples its clock lazily (pg_time_now_lazy) and its per-statement figures
                // are not precise enough to bound single statements: its run time is the bound.
                Assert.All(executions, r => Assert.True(r.LatencyNs > 0 && r.LatencyNs <= elapsed, $"{side}: {r.Describe()} has latency {r.LatencyNs}, pgbench ran {elapsed} ns"));
            }

            // Per connection, the statements of each transaction in script order.
            foreach (IGrouping<long, PgsqlEvent> connection in captured.GroupBy(r => r.TraceRole == 2 ? r.RemotePort : r.LocalPort))
            {
                List<PgsqlEvent> ordered = [.. connection.OrderBy(r => r.TimeUnixNs)];
                Assert.Equal(TransactionsPerClient * statements.Length, ordered.Count);
                for (int i = 0; i < ordered.Count; i++)
                    Assert.Equal(statements[i % statements.Length], normalizer.Normalize(ordered[i].Req));
            }

            // The parameters pgbench bound are shown with each execution.
            Assert.Contains(captured, r => r.Req.StartsWith("UPDATE pgbench_accounts SET abalance = abalance + $1 WHERE aid = $2", StringComparison.Ordinal) && r.Req.Contains("/* $1 = '", StringComparison.Ordinal));
        }
        Assert.Equal(0, session.Counters.Protocol("pgsql").ParseErrors);
    }

    /// <summary>pgbench's ":name" variables as the $1, $2 … it sends in extended modes.</summary>
    private static string Numbered(string command)
    {
        int n = 0;
        return Variable().Replace(command, _ => "$" + (++n).ToString(CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"number of transactions actually processed: (\d+)/")]
    private static partial Regex TransactionsProcessed();

    [GeneratedRegex(@"^\s+([0-9.]+)\s+(\d+)\s+([A-Z][^\n]*?);?\s*$", RegexOptions.Multiline)]
    private static partial Regex StatementLine();

    [GeneratedRegex(@":[a-z_]+")]
    private static partial Regex Variable();
}
