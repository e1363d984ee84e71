using System.Text;
using Devtools.Core.Connections;
using Devtools.Core.Protocols.Mysql;
using Devtools.Core.Query.Latency;
using Devtools.Core.Query.Mysql;
using Devtools.Core.Storage;
using Devtools.Core.Storage.Schemas;
using Devtools.Core.Storage.Tables;

namespace Devtools.Core.Tests.Query;

/// <summary>mysql_events rows written by the table sink, and the per-command stats over them.</summary>
public sealed class MysqlCommandStatsTests
{
    private static readonly Upid Shop = new(0, 100, 5000);
    private static readonly Upid Api = new(0, 200, 6000);

    [Fact]
    public void SinkWritesOneRowPerRecord()
    {
        Table<MysqlEventsBuilder> table = NewTable();
        var sink = new MysqlEventsTableSink(table);
        var info = new ConnectionInfo(new ConnectionId(100, 9, 1), Shop)
        {
            Role = ConnectionRole.Client,
            LocalAddress = "127.0.0.1",
            LocalPort = 50000,
            RemoteAddress = "127.0.0.1",
            RemotePort = 3306,
        };
        sink.Write(new MysqlRecord
        {
            Connection = info,
            RequestStartNs = 1_000,
            ResponseEndNs = 5_000,
            Command = MysqlCommand.Query,
            RequestBody = "SELECT 1"u8,
            Status = MysqlResponseStatus.Ok,
            ResponseBody = "Resultset rows = 1, columns = 1"u8,
        });
        sink.Write(new MysqlRecord
        {
            Connection = info,
            RequestStartNs = 6_000,
            ResponseEndNs = 6_500,
            Command = MysqlCommand.StmtClose,
            RequestBody = [0xC3, 0x28], // not UTF-8
            Status = MysqlResponseStatus.None,
        });
        table.Seal();

        List<MysqlEvent> rows = MysqlEvent.ReadAll(table);
        Assert.Equal(2, rows.Count);
        MysqlEvent query = rows[0];
        Assert.Equal((Shop, "127.0.0.1", 3306L, 50000L, 1L), (query.Upid, query.RemoteAddr, query.RemotePort, query.LocalPort, query.TraceRole));
        Assert.Equal((3L, "SELECT 1", 3L, "Resultset rows = 1, columns = 1", 4_000L), (query.ReqCmd, query.ReqBody, query.RespStatus, query.RespBody, query.LatencyNs));
        MysqlEvent close = rows[1];
        Assert.Equal((0x19L, 1L, 0L, ""), (close.ReqCmd, close.RespStatus, close.LatencyNs, close.RespBody));
        Assert.Equal("\uFFFD(", close.ReqBody);
        Assert.True(close.TimeUnixNs > query.TimeUnixNs);
    }

    [Fact]
    public void GroupsByProcessAndCommandWithErrors()
    {
        Table<MysqlEventsBuilder> table = NewTable();
        Append(table, Shop, MysqlCommand.Query, MysqlResponseStatus.Ok, 2_000_000);
        Append(table, Shop, MysqlCommand.Query, MysqlResponseStatus.Err, 4_000_000);
        Append(table, Shop, MysqlCommand.Query, MysqlResponseStatus.Ok, 6_000_000);
        Append(table, Shop, MysqlCommand.StmtExecute, MysqlResponseStatus.Ok, 1_000_000);
        Append(table, Api, MysqlCommand.Query, MysqlResponseStatus.Ok, 1_000_000);
        table.Seal();

        LatencyAggregation<MysqlCommandKey> result = MysqlCommandStats.Compute(table, new MysqlCommandQuery());
        Assert.Equal(5, result.TotalCount);
        Assert.Equal(["COM_QUERY 100", "COM_STMT_EXECUTE 100", "COM_QUERY 200"], result.Groups.Select(g => $"{g.Key.Command} {g.Key.Upid.Pid}"));
        LatencyStats top = result.Groups[0].Stats;
        Assert.Equal(3, top.Count);
        Assert.Equal(1, top.ServerErrors);
        Assert.Equal(1.0 / 3, top.ErrorRate, 12);
        Assert.InRange(top.P50Ns, 3_960_000, 4_040_000);
        Assert.Equal(6_000_000, top.MaxLatencyNs);
    }

    [Fact]
    public void FiltersByPidAndTimeWindow()
    {
        Table<MysqlEventsBuilder> table = NewTable(maxBatchRows: 3);
        for (int i = 0; i < 20; i++)
            Append(table, i % 2 == 0 ? Shop : Api, MysqlCommand.Ping, MysqlResponseStatus.Ok, 1_000, endNs: 1_000_000_000L * (i + 1));
        table.Seal();
        List<MysqlEvent> rows = MysqlEvent.ReadAll(table);

        LatencyAggregation<MysqlCommandKey> result = MysqlCommandStats.Compute(
            table,
            new MysqlCommandQuery { FromUnixNs = rows[5].TimeUnixNs, ToUnixNs = rows[15].TimeUnixNs, Pid = 200 });
        LatencyGroup<MysqlCommandKey> only = Assert.Single(result.Groups);
        Assert.Equal(new MysqlCommandKey(Api, "COM_PING"), only.Key);
        Assert.Equal(5, only.Stats.Count);
        Assert.Equal(10, result.WindowSeconds, 6);
    }

    [Fact]
    public void RejectsOtherTables()
    {
        var other = new Table<PgsqlEventsBuilder>(new PgsqlEventsBuilder(), new TableOptions { BudgetBytes = long.MaxValue });
        Assert.Throws<ArgumentException>(() => MysqlCommandStats.Compute(other, new MysqlCommandQuery()));
    }

    private static Table<MysqlEventsBuilder> NewTable(int maxBatchRows = 4096) =>
        new(new MysqlEventsBuilder(), new TableOptions { BudgetBytes = long.MaxValue, MaxBatchRows = maxBatchRows });

    private static void Append(Table<MysqlEventsBuilder> table, Upid upid, MysqlCommand command, MysqlResponseStatus status, long latencyNs, long endNs = 10_000_000_000)
    {
        var info = new ConnectionInfo(new ConnectionId(upid.Pid, 3, 1), upid) { Role = ConnectionRole.Server };
        new MysqlEventsTableSink(table).Write(new MysqlRecord
        {
            Connection = info,
            RequestStartNs = endNs - latencyNs,
            ResponseEndNs = endNs,
            Command = command,
            RequestBody = Encoding.UTF8.GetBytes("SELECT 1"),
            Status = status,
        });
    }
}
