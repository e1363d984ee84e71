using Devtools.Core.Storage;
using Devtools.Core.Storage.Schemas;
using Devtools.Core.Storage.Tables;

namespace Devtools.Core.Tests.Support;

/// <summary>One http_events row as plain values, and helpers to write rows into tables.</summary>
internal sealed record HttpRow(
    long Time,
    Upid Upid,
    string Method = "GET",
    string Path = "/",
    long Status = 200,
    long Latency = 1_000_000,
    string? ReqBody = "",
    string RemoteAddr = "10.0.0.1",
    long RemotePort = 43210,
    bool Encrypted = false,
    long MajorVersion = 1,
    long ContentType = 1,
    string RespHeaders = "{\"Content-Type\":\"application/json\"}",
    string? RespMessage = null)
{
    public void AppendTo(HttpEventsBuilder b)
    {
        b.Time.Append(Time);
        b.Upid.Append(Upid);
        b.RemoteAddr.Append(RemoteAddr);
        b.RemotePort.Append(RemotePort);
        b.LocalAddr.Append("127.0.0.1");
        b.LocalPort.Append(8080);
        b.TraceRole.Append(TraceRoles.Server);
        b.Encrypted.Append(Encrypted);
        b.MajorVersion.Append(MajorVersion);
        b.MinorVersion.Append(MajorVersion == 2 ? 0 : 1);
        b.ContentType.Append(ContentType);
        b.ReqHeaders.Append("{\"Host\":\"shop\"}");
        b.ReqMethod.Append(Method);
        b.ReqPath.Append(Path);
        b.ReqBody.Append(ReqBody);
        b.ReqBodySize.Append(ReqBody?.Length ?? 0);
        b.RespHeaders.Append(RespHeaders);
        b.RespStatus.Append(Status);
        b.RespMessage.Append(RespMessage ?? (Status >= 500 ? "Internal Server Error" : "OK"));
        b.RespBody.Append("{}");
        b.RespBodySize.Append(2);
        b.Latency.Append(Latency);
    }

    public void AppendTo(Table<HttpEventsBuilder> table)
    {
        AppendTo(table.Builder);
        table.CommitRow();
    }
}

/// <summary>Tables of http_events rows for tests.</summary>
internal static class HttpRows
{
    public static Table<HttpEventsBuilder> NewTable(
        long budgetBytes = long.MaxValue,
        int maxBatchRows = 4096,
        TimeProvider? clock = null) =>
        new(new HttpEventsBuilder(), new TableOptions
        {
            BudgetBytes = budgetBytes,
            MaxBatchRows = maxBatchRows,
            TimeProvider = clock ?? TimeProvider.System,
        });

    /// <summary>Appends rows with time_ = start, start + step, ... and commits each.</summary>
    public static void AppendMany(Table<HttpEventsBuilder> table, int count, long start = 1_000, long step = 10, uint pid = 42)
    {
        for (int i = 0; i < count; i++)
        {
            new HttpRow(start + (i * step), new Upid(0, pid, 7), Path: $"/orders/{i}", Latency: 1000 + i).AppendTo(table);
        }
    }
}
