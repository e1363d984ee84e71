using Devtools.Core.Query.Latency;
using Devtools.Core.Query.Sql;
using Devtools.Core.Storage;
using Devtools.Core.Storage.Schemas;
using Devtools.Core.Storage.Tables;

namespace Devtools.Core.Tests.Query.Sql;

public sealed class SqlStatementStatsTests
{
    private static readonly Upid Api = new(0, 100, 5000);
    private static readonly Upid Worker = new(0, 200, 6000);

    [Fact]
    public void GroupsPgsqlRowsByProcessAndNormalisedStatement()
    {
        Table<PgsqlEventsBuilder> table = NewPgsqlTable();
        AppendPgsql(table, 1_000, Api, "Query", "SELECT * FROM users WHERE id = 1", "SELECT 1", 2_000_000);
        AppendPgsql(table, 2_000, Api, "Query", "select * from users where id = 2", "SELECT 1", 4_000_000);
        AppendPgsql(table, 3_000, Api, "Query", "SELECT * FROM users WHERE id = 3", "ERROR: SQLSTATE 57014: canceling statement due to statement timeout", 6_000_000);
        AppendPgsql(table, 4_000, Api, "Execute", "UPDATE accounts SET balance = $1 WHERE id = $2 /* $1 = '5', $2 = '7' */", "UPDATE 1", 1_000_000);
        AppendPgsql(table, 5_000, Api, "Query", "BEGIN; INSERT INTO t VALUES (1); COMMIT", "BEGIN; ERROR: SQLSTATE 23505: duplicate key", 1_000_000);
        AppendPgsql(table, 6_000, Worker, "Query", "SELECT * FROM users WHERE id = 9", "SELECT 1", 1_000_000);
        table.Seal();

        LatencyAggregation<SqlStatementKey> result = SqlStatementStats.Compute(table, new SqlStatsQuery { FromUnixNs = 0, ToUnixNs = 2_000_000_000 });

        Assert.Equal(6, result.TotalCount);
        Assert.Equal(2.0, result.WindowSeconds);
        LatencyGroup<SqlStatementKey> top = result.Groups[0];
        Assert.Equal(new SqlStatementKey(Api, "SELECT * FROM users WHERE id = ?"), top.Key);
        Assert.Equal(3, top.Stats.Count);
        Assert.Equal(1, top.Stats.ServerErrors);
        Assert.Equal(1.0 / 3, top.Stats.ErrorRate, 12);
        Assert.Equal(6_000_000, top.Stats.MaxLatencyNs);
        Assert.Equal(1.5, top.Stats.RatePerSecond);
        Assert.Equal(
            [
                "100 SELECT * FROM users WHERE id = ? x3 errors 1",
                "100 UPDATE accounts SET balance = $1 WHERE id = $2 x1 errors 0",
                "100 BEGIN; INSERT INTO t VALUES (?); COMMIT x1 errors 1",
                "200 SELECT * FROM users WHERE id = ? x1 errors 0",
            ],
            result.Groups.Select(g => $"{g.Key.Upid.Pid} {g.Key.Statement} x{g.Stats.Count} errors {g.Stats.ServerErrors}"));
    }

    [Fact]
    public void GroupsMysqlRowsWithErrStatusAsErrors()
    {
        var table = new Table<MysqlEventsBuilder>(new MysqlEventsBuilder(), new TableOptions { BudgetBytes = long.MaxValue });
        AppendMysql(table, 1_000, Api, "SELECT * FROM t WHERE name = \"a\" AND x IN (1, 2)", 3, 1_000_000);
        AppendMysql(table, 2_000, Api, "select * from t where name = 'b\\'c' and x in (3)", 2, 3_000_000);
        AppendMysql(table, 3_000, Api, "INSERT INTO t VALUES (1, 'a'), (2, 'b')", 3, 2_000_000);
        table.Seal();

        LatencyAggregation<SqlStatementKey> result = SqlStatementStats.Compute(table, new SqlStatsQuery());

        Assert.Equal(
            ["SELECT * FROM t WHERE name = ? AND x IN (?) x2 errors 1", "INSERT INTO t VALUES (?) x1 errors 0"],
            result.Groups.Select(g => $"{g.Key.Statement} x{g.Stats.Count} errors {g.Stats.ServerErrors}"));
        Assert.Equal(1.0, result.WindowSeconds);
    }

    [Fact]
    public void FiltersByPidAndTimeWindow()
    {
        Table<PgsqlEventsBuilder> table = NewPgsqlTable(maxBatchRows: 3);
        for (int i = 0; i < 20; i++)
            AppendPgsql(table, i * 1_000_000_000L, i % 2 == 0 ? Api : Worker, "Query", $"SELECT {i}", "SELECT 1", 1000);
        table.Seal();

        LatencyAggregation<SqlStatementKey> result = SqlStatementStats.Compute(table, new SqlStatsQuery { FromUnixNs = 5_000_000_000, ToUnixNs = 15_000_000_000, Pid = 200 });

        LatencyGroup<SqlStatementKey> only = Assert.Single(result.Groups);
        Assert.Equal(new SqlStatementKey(Worker, "SELECT ?"), only.Key);
        Assert.Equal(5, only.Stats.Count);
        Assert.Equal(0.5, only.Stats.RatePerSecond);
    }

    [Fact]
    public void FiltersByTraceRoleAndGroupsAcrossProcessesWhenAsked()
    {
        var db = new Upid(0, 300, 7000);
        Table<PgsqlEventsBuilder> table = NewPgsqlTable();
        AppendPgsql(table, 1_000, Api, "Execute", "SELECT name FROM items WHERE id = $1", "SELECT 1", 1_000_000);
        AppendPgsql(table, 2_000, Worker, "Execute", "SELECT name FROM items WHERE id = $1", "SELECT 1", 1_000_000);
        AppendPgsql(table, 1_500, db, "Execute", "SELECT name FROM items WHERE id = $1", "SELECT 1", 500_000, TraceRoles.Server);
        AppendPgsql(table, 2_500, db, "Execute", "SELECT name FROM items WHERE id = $1", "SELECT 1", 500_000, TraceRoles.Server);
        table.Seal();

        LatencyAggregation<SqlStatementKey> clients = SqlStatementStats.Compute(table, new SqlStatsQuery { TraceRole = TraceRoles.Client, ByProcess = false });
        LatencyGroup<SqlStatementKey> both = Assert.Single(clients.Groups);
        Assert.Equal(new SqlStatementKey(default, "SELECT name FROM items WHERE id = $1"), both.Key);
        Assert.Equal(2, both.Stats.Count);

        LatencyAggregation<SqlStatementKey> server = SqlStatementStats.Compute(table, new SqlStatsQuery { TraceRole = TraceRoles.Server });
        LatencyGroup<SqlStatementKey> db2 = Assert.Single(server.Groups);
        Assert.Equal(db, db2.Key.Upid);
        Assert.Equal(2, db2.Stats.Count);
        Assert.Equal(4, SqlStatementStats.Compute(table, new SqlStatsQuery()).TotalCount);
    }

    [Fact]
    public void StatementsBeyondTheCapAreCountedTogether()
    {
        Table<PgsqlEventsBuilder> table = NewPgsqlTable();
        for (int i = 0; i < 10; i++)
            AppendPgsql(table, 1_000 + i, Api, "Query", $"SELECT c{i} FROM t", "SELECT 1", 1000);
        table.Seal();
        LatencyAggregation<SqlStatementKey> result = SqlStatementStats.Compute(table, new SqlStatsQuery { MaxStatements = 4 });
        Assert.Equal(4, result.Groups.Count);
        Assert.Equal(6, result.OverflowCount);
        Assert.Equal(6, result.Other?.Count);
    }

    [Fact]
    public void OtherTablesAreRejected()
    {
        var http = new Table<HttpEventsBuilder>(new HttpEventsBuilder(), new TableOptions { BudgetBytes = long.MaxValue });
        Assert.Throws<ArgumentException>(() => SqlStatementStats.Compute(http, new SqlStatsQuery()));
    }

    [Theory]
    [InlineData("ERROR: SQLSTATE 42P01: relation \"x\" does not exist", true)]
    [InlineData("FATAL: SQLSTATE 57P01: terminating connection", true)]
    [InlineData("BEGIN; INSERT 0 1; ERROR: SQLSTATE 23505: duplicate key", true)]
    [InlineData("SELECT 1", false)]
    [InlineData("INSERT 0 1", false)]
    [InlineData("", false)]
    public void RecognisesPgsqlErrors(string response, bool error)
    {
        Assert.Equal(error, SqlStatementStats.IsPgsqlError(System.Text.Encoding.UTF8.GetBytes(response)));
    }

    private static Table<PgsqlEventsBuilder> NewPgsqlTable(int maxBatchRows = 4096) =>
        new(new PgsqlEventsBuilder(), new TableOptions { BudgetBytes = long.MaxValue, MaxBatchRows = maxBatchRows });

    private static void AppendPgsql(Table<PgsqlEventsBuilder> table, long time, Upid upid, string command, string req, string resp, long latency, long role = TraceRoles.Client)
    {
        PgsqlEventsBuilder b = table.Builder;
        b.Time.Append(time);
        b.Upid.Append(upid);
        b.RemoteAddr.Append("127.0.0.1");
        b.RemotePort.Append(5432);
        b.LocalAddr.Append("127.0.0.1");
        b.LocalPort.Append(40000);
        b.TraceRole.Append(role);
        b.Encrypted.Append(false);
        b.ReqCmd.Append(command);
        b.Req.Append(req);
        b.Resp.Append(resp);
        b.Latency.Append(latency);
        table.CommitRow();
    }

    private static void AppendMysql(Table<MysqlEventsBuilder> table, long time, Upid upid, string req, long status, long latency)
    {
        MysqlEventsBuilder b = table.Builder;
        b.Time.Append(time);
        b.Upid.Append(upid);
        b.RemoteAddr.Append("127.0.0.1");
        b.RemotePort.Append(3306);
        b.LocalAddr.Append("127.0.0.1");
        b.LocalPort.Append(40000);
        b.TraceRole.Append(TraceRoles.Client);
        b.Encrypted.Append(false);
        b.ReqCmd.Append(3);
        b.ReqBody.Append(req);
        b.RespStatus.Append(status);
        b.RespBody.Append("");
        b.Latency.Append(latency);
        table.CommitRow();
    }
}
