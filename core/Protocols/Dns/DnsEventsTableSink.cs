using System.Text.Encodings.Web;
using System.Text.Json;
using Devtools.Core.Common;
using Devtools.Core.Connections;
using Devtools.Core.Storage.Columns;
using Devtools.Core.Storage.Schemas;
using Devtools.Core.Storage.Tables;

namespace Devtools.Core.Protocols.Dns;

/// <summary>
/// Appends each DNS query and its answer as one dns_events row, straight into the Arrow
/// column builders through one reused JSON writer (see <see cref="DnsJson"/> for the shapes).
/// Runs on the capture thread.
/// </summary>
/// <remarks>
/// time_ is when the answer's last byte was seen; latency runs from the query's first byte
/// to the answer's last, as the traced process saw them. Each body is bounded by
/// <see cref="ProtocolOptions.MaxHeadersJsonBytes"/>, records beyond it counted as "omitted".
/// </remarks>
public sealed class DnsEventsTableSink : IDnsTransactionSink, IDisposable
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // Values are ASCII already; the relaxed encoder only escapes what JSON requires.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    private readonly Table<DnsEventsBuilder> _table;
    private readonly int _maxBodyBytes;
    private readonly DnsJson _bodies = new();
    private readonly Utf8JsonWriter _json;

    public DnsEventsTableSink(Table<DnsEventsBuilder> table, ProtocolOptions options)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(options);
        _table = table;
        _maxBodyBytes = options.MaxHeadersJsonBytes;
        _json = new Utf8JsonWriter(table.Builder.ReqHeader, WriterOptions);
    }

    public void Write(in DnsTransaction transaction)
    {
        DnsEventsBuilder b = _table.Builder;
        ref readonly DnsMessage query = ref transaction.Query;
        ref readonly DnsMessage response = ref transaction.Response;
        ConnectionInfo c = transaction.Connection;
        b.Time.Append(MonotonicClock.ToUnixNs(response.EndNs));
        b.Upid.Append(c.Upid);
        b.RemoteAddr.Append(c.RemoteAddress);
        b.RemotePort.Append(c.RemotePort);
        b.LocalAddr.Append(c.LocalAddress);
        b.LocalPort.Append(c.LocalPort);
        b.TraceRole.Append((long)c.Role);
        b.Encrypted.Append(c.Encrypted);

        Begin(b.ReqHeader);
        DnsJson.WriteHeader(_json, query, withRcodeName: false);
        End(b.ReqHeader);
        Begin(b.ReqBody);
        _bodies.WriteBody(_json, query.Bytes, isQuery: true, _maxBodyBytes);
        End(b.ReqBody);
        Begin(b.RespHeader);
        DnsJson.WriteHeader(_json, response, withRcodeName: true);
        End(b.RespHeader);
        Begin(b.RespBody);
        _bodies.WriteBody(_json, response.Bytes, isQuery: false, _maxBodyBytes);
        End(b.RespBody);

        b.Latency.Append(Math.Max(0, transaction.LatencyNs));
        _table.CommitRow();
    }

    public void Dispose() => _json.Dispose();

    private void Begin(Utf8Column column) => _json.Reset(column);

    private void End(Utf8Column column)
    {
        _json.Flush();
        column.Commit();
    }
}
