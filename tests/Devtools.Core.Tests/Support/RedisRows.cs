using Devtools.Core.Storage;
using Devtools.Core.Storage.Schemas;
using Devtools.Core.Storage.Tables;

namespace Devtools.Core.Tests.Support;

/// <summary>One redis_events row as plain values, and helpers to write rows into tables.</summary>
internal sealed record RedisRow(
    long Time,
    Upid Upid,
    string Command = "GET",
    string Args = "[\"k\"]",
    string Resp = "\"v\"",
    long Latency = 100_000)
{
    public void AppendTo(Table<RedisEventsBuilder> table)
    {
        RedisEventsBuilder b = table.Builder;
        b.Time.Append(Time);
        b.Upid.Append(Upid);
        b.RemoteAddr.Append("127.0.0.1");
        b.RemotePort.Append(50000);
        b.LocalAddr.Append("127.0.0.1");
        b.LocalPort.Append(6379);
        b.TraceRole.Append(TraceRoles.Server);
        b.Encrypted.Append(false);
        b.ReqCmd.Append(Command);
        b.ReqArgs.Append(Args);
        b.Resp.Append(Resp);
        b.Latency.Append(Latency);
        table.CommitRow();
    }

    public static Table<RedisEventsBuilder> NewTable(int maxBatchRows = 4096) =>
        new(new RedisEventsBuilder(), new TableOptions { BudgetBytes = long.MaxValue, MaxBatchRows = maxBatchRows });
}
