using Devtools.Core.Api;
using Devtools.Core.Common;
using Devtools.Core.Storage;
using Devtools.Core.Storage.Schemas;
using Devtools.Core.Storage.Tables;

namespace Devtools.Core.Tests.Api;

/// <summary>
/// devtools/sqlStats: per normalised statement, each call counted once although eBPF sees both ends
/// when client and server run on the node; with a pid, that process's rows.
/// </summary>
public sealed class RuntimeQueriesSqlTests
{
    private static readonly Upid App = new(0, 100, 5000);
    private static readonly Upid OtherApp = new(0, 101, 5001);
    private static readonly Upid Postgres = new(0, 300, 7000);

    [Fact]
    public void Both_ends_traced_count_each_call_once_and_client_only_statements_still_count()
    {
        var store = new TableStore();
        long now = MonotonicClock.UnixNowNs();
        // Three calls seen by both ends (two client processes, one server) ...
        Append(store.PgsqlEvents, now - 3_000_000_000, App, TraceRoles.Client, "SELECT name FROM items WHERE id = $1", "SELECT 1", 2_000_000);
        Append(store.PgsqlEvents, now - 3_000_000_000, Postgres, TraceRoles.Server, "SELECT name FROM items WHERE id = $1", "SELECT 1", 1_000_000);
        Append(store.PgsqlEvents, now - 2_000_000_000, OtherApp, TraceRoles.Client, "SELECT name FROM items WHERE id = $1", "SELECT 1", 2_000_000);
        Append(store.PgsqlEvents, now - 2_000_000_000, Postgres, TraceRoles.Server, "SELECT name FROM items WHERE id = $1", "SELECT 1", 1_000_000);
        Append(store.PgsqlEvents, now - 1_000_000_000, App, TraceRoles.Client, "SELECT name FROM items WHERE id = $1", "ERROR: SQLSTATE 57014: canceled", 2_000_000);
        Append(store.PgsqlEvents, now - 1_000_000_000, Postgres, TraceRoles.Server, "SELECT name FROM items WHERE id = $1", "ERROR: SQLSTATE 57014: canceled", 1_000_000);
        // ... and one to a server elsewhere: only its client end.
        Append(store.PgsqlEvents, now - 1_000_000_000, App, TraceRoles.Client, "DELETE FROM items WHERE id = $1", "DELETE 1", 4_000_000);
        Append(store.PgsqlEvents, now - 120_000_000_000, App, TraceRoles.Client, "SELECT old FROM items", "SELECT 1", 4_000_000);
        store.SealAll();

        IReadOnlyList<SqlStatDto> stats = RuntimeQueries.SqlStats(store, pid: null, TimeSpan.FromSeconds(60));

        Assert.Equal(2, stats.Count);
        SqlStatDto select = stats[0];
        Assert.Equal(("pgsql", "SELECT name FROM items WHERE id = $1", 3L), (select.Protocol, select.NormalizedQuery, select.Count));
        Assert.Equal(3, select.CallsPerMinute, 9);
        Assert.Equal(1.0 / 3, select.ErrorRate, 9);
        Assert.Equal(1.0, select.P50Ms, 1); // the server's timing
        SqlStatDto delete = stats[1];
        Assert.Equal(("DELETE FROM items WHERE id = $1", 1L), (delete.NormalizedQuery, delete.Count));
        Assert.Equal(4.0, delete.P99Ms, 1);

        // One process: its own rows only.
        IReadOnlyList<SqlStatDto> app = RuntimeQueries.SqlStats(store, pid: 100, TimeSpan.FromSeconds(60));
        Assert.Equal([("SELECT name FROM items WHERE id = $1", 2L), ("DELETE FROM items WHERE id = $1", 1L)], app.Select(s => (s.NormalizedQuery, s.Count)));
    }

    private static void Append(Table<PgsqlEventsBuilder> table, long time, Upid upid, long role, string req, string resp, long latency)
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
        b.ReqCmd.Append("Execute");
        b.Req.Append(req);
        b.Resp.Append(resp);
        b.Latency.Append(latency);
        table.CommitRow();
    }
}
