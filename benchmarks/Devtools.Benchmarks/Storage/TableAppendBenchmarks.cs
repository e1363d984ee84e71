using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Devtools.Core.Storage;
using Devtools.Core.Storage.Schemas;
using Devtools.Core.Storage.Tables;

namespace Devtools.Benchmarks.Storage;

/// <summary>
/// Appending http_events rows on one thread, the capture loop's hot path. Times and allocations
/// are per row (OperationsPerInvoke). The table uses the default store's http_events budget, so
/// after warm-up every benchmark runs in the steady state of sealing and evicting.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class TableAppendBenchmarks
{
    private const int RowsPerInvoke = 50_000;

    private readonly HttpEventSamples _samples = new();
    private Table<HttpEventsBuilder> _table = null!;
    private HttpEventsBuilder _looseBuilder = null!;
    private Utf8JsonWriter _json = null!;
    private long _time;

    [GlobalSetup]
    public void Setup()
    {
        _table = new TableStore().HttpEvents;
        _looseBuilder = new HttpEventsBuilder();
        _json = new Utf8JsonWriter(_looseBuilder.ReqHeaders);
        _time = 1_700_000_000_000_000_000;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _json.Dispose();
        if (_table.TotalRows == 0)
        {
            return;
        }

        Console.WriteLine(
            $"// http_events: {_table.TotalRows:N0} rows appended, {_table.RetainedRows:N0} retained in {_table.RetainedBytes:N0} B "
            + $"({(double)_table.RetainedBytes / Math.Max(1, _table.RetainedRows):F0} B/row stored), {_table.EvictedRows:N0} evicted");
    }

    /// <summary>Full path: append every column, commit, seal every 4096 rows, evict over budget.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = RowsPerInvoke)]
    public void AppendSealAndEvict()
    {
        Table<HttpEventsBuilder> table = _table;
        for (int i = 0; i < RowsPerInvoke; i++)
        {
            AppendRow(table.Builder, i);
            table.CommitRow();
        }
    }

    /// <summary>As above, but request headers are written as JSON straight into the column.</summary>
    [Benchmark(OperationsPerInvoke = RowsPerInvoke)]
    public void AppendWithJsonHeaders()
    {
        Table<HttpEventsBuilder> table = _table;
        HttpEventsBuilder b = table.Builder;
        for (int i = 0; i < RowsPerInvoke; i++)
        {
            AppendRow(b, i, writeHeadersAsJson: true);
            table.CommitRow();
        }
    }

    /// <summary>Builder only, cleared instead of sealed: shows the append path itself allocates nothing.</summary>
    [Benchmark(OperationsPerInvoke = RowsPerInvoke)]
    public void AppendToBuilderOnly()
    {
        HttpEventsBuilder b = _looseBuilder;
        for (int i = 0; i < RowsPerInvoke; i++)
        {
            AppendRow(b, i);
            b.EndRow();
            if (b.RowCount == 4096)
            {
                b.Clear();
            }
        }
    }

    private void AppendRow(HttpEventsBuilder b, int i, bool writeHeadersAsJson = false)
    {
        bool post = (i & 7) == 0;
        b.Time.Append(_time++);
        b.Upid.Append(new Upid(0, 4242, 123_456));
        b.RemoteAddr.Append(HttpEventSamples.RemoteAddr);
        b.RemotePort.Append(40_000 + (i & 1023));
        b.LocalAddr.Append(HttpEventSamples.LocalAddr);
        b.LocalPort.Append(8080);
        b.TraceRole.Append(TraceRoles.Server);
        b.Encrypted.Append(false);
        b.MajorVersion.Append(1);
        b.MinorVersion.Append(1);
        b.ContentType.Append(1);
        if (writeHeadersAsJson)
        {
            WriteHeaders(b);
        }
        else
        {
            b.ReqHeaders.Append(_samples.ReqHeadersJson);
        }

        b.ReqMethod.Append(post ? HttpEventSamples.Post : HttpEventSamples.Get);
        b.ReqPath.Append(_samples.Paths[i & 63]);
        b.ReqBody.Append(post ? _samples.ReqBody : []);
        b.ReqBodySize.Append(post ? _samples.ReqBody.Length : 0);
        b.RespHeaders.Append(_samples.RespHeadersJson);
        b.RespStatus.Append(200);
        b.RespMessage.Append(HttpEventSamples.Ok);
        b.RespBody.Append(_samples.RespBody);
        b.RespBodySize.Append(_samples.RespBody.Length);
        b.Latency.Append(250_000 + (i & 0xFFFF));
    }

    private void WriteHeaders(HttpEventsBuilder b)
    {
        _json.Reset(b.ReqHeaders);
        _json.WriteStartObject();
        foreach ((string name, string value) in _samples.RequestHeaders)
        {
            _json.WriteString(name, value);
        }

        _json.WriteEndObject();
        _json.Flush();
        b.ReqHeaders.Commit();
    }

    private sealed class Config : ManualConfig
    {
        public Config() => AddColumn(PerSecondColumn.Rows);
    }
}
