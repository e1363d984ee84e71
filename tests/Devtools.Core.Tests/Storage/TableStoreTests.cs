using Devtools.Core.Storage;
using Devtools.Core.Storage.Schemas;
using Devtools.Core.Storage.Tables;
using Devtools.Core.Tests.Support;

namespace Devtools.Core.Tests.Storage;

public sealed class TableStoreTests
{
    [Fact]
    public void DefaultsSplit256MiBWithFortyPercentForHttp()
    {
        var store = new TableStore();

        Assert.Equal(256L << 20, store.Options.TotalBudgetBytes);
        Assert.Equal((long)((256L << 20) * 0.4), store.HttpEvents.BudgetBytes);
        Assert.True(store.All.Sum(t => t.BudgetBytes) <= 256L << 20);
        Assert.All(store.All, t => Assert.True(t.BudgetBytes > 0));
        Assert.Equal(1.0, TableStoreOptions.DefaultShares.Values.Sum(), precision: 9);
    }

    [Fact]
    public void TablesAreFoundByNameAndTyped()
    {
        var store = new TableStore();

        Assert.Equal(TableSchemas.Names, store.All.Select(t => t.Name));
        Assert.Same(store.HttpEvents, store[TableNames.HttpEvents]);
        Assert.Same(store.StackTraces, store["stack_traces.beta"]);
        Assert.True(store.TryGetTable(TableNames.ConnStats, out Table? conn));
        Assert.Same(store.ConnStats, conn);
        Assert.False(store.TryGetTable("nope", out _));
        Assert.Throws<KeyNotFoundException>(() => store["nope"]);
    }

    [Fact]
    public void SharesAreConfigurable()
    {
        var shares = TableSchemas.Names.ToDictionary(n => n, _ => 0.1);
        shares[TableNames.HttpEvents] = 0.3;

        var store = new TableStore(new TableStoreOptions { TotalBudgetBytes = 1000, Shares = shares });

        Assert.Equal(300, store.HttpEvents.BudgetBytes);
        Assert.Equal(100, store.DnsEvents.BudgetBytes);
    }

    [Fact]
    public void SharesMustCoverEveryTableAndFitTheTotal()
    {
        var missing = new Dictionary<string, double> { [TableNames.HttpEvents] = 0.5 };
        var tooMuch = TableSchemas.Names.ToDictionary(n => n, _ => 0.2);

        Assert.Throws<ArgumentException>(() => new TableStore(new TableStoreOptions { Shares = missing }));
        Assert.Throws<ArgumentException>(() => new TableStore(new TableStoreOptions { Shares = tooMuch }));
    }

    [Fact]
    public void SealAllAndTickReachEveryTable()
    {
        var clock = new ManualTimeProvider();
        var store = new TableStore(new TableStoreOptions { TimeProvider = clock });
        new HttpRow(1, new Upid(0, 1, 1)).AppendTo(store.HttpEvents);
        var redis = store.RedisEvents.Builder;
        redis.Time.Append(2);
        redis.Upid.Append(new Upid(0, 1, 1));
        redis.RemoteAddr.Append("10.0.0.2");
        redis.RemotePort.Append(6379);
        redis.LocalAddr.Append("10.0.0.1");
        redis.LocalPort.Append(50000);
        redis.TraceRole.Append(TraceRoles.Client);
        redis.Encrypted.Append(false);
        redis.ReqCmd.Append("GET");
        redis.ReqArgs.Append("[\"key\"]");
        redis.Resp.Append("value");
        redis.Latency.Append(1000);
        store.RedisEvents.CommitRow();

        clock.Advance(TimeSpan.FromSeconds(1));
        store.Tick();
        Assert.Equal(1, store.HttpEvents.RetainedRows);
        Assert.False(store.RedisEvents.Snapshot().Batches[0].IsFinal);

        store.SealAll();
        Assert.True(store.RedisEvents.Snapshot().Batches[0].IsFinal);
        Assert.Equal(store.All.Sum(t => t.RetainedBytes), store.RetainedBytes);
    }
}
