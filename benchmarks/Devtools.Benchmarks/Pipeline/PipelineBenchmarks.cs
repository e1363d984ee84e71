using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Devtools.Core.Capture;
using Devtools.Core.Capture.SocketTrace;
using Devtools.Core.Connections;
using Devtools.Core.Diagnostics;
using Devtools.Core.Metadata;
using Devtools.Core.Protocols;
using Devtools.Core.Storage;

namespace Devtools.Benchmarks.Pipeline;

/// <summary>
/// The whole user-space pipeline on one core, from decoded kernel events to Arrow
/// rows: connection lookup, reassembly, HTTP/1 parsing, stitching, header JSON and
/// redaction, appending to http_events (with its publishing and eviction). Each
/// operation is one request event and one response event on server-side keep-alive
/// connections, as the capture thread sees them. Target: ≥ 100k transactions/s.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class PipelineBenchmarks
{
    private const int Transactions = 20_000;
    private const int Connections = 64;

    private const string OrderBody = "{\"item\":\"book\",\"quantity\":2,\"gift\":false}";
    private const string OrderJson = "{\"id\":1234,\"item\":\"item-2\",\"price\":12.99,\"currency\":\"EUR\",\"stock\":17,\"tags\":[\"a\",\"b\"],\"updated\":\"2026-11-26T10:00:00Z\"}";
    private const string CreatedJson = "{\"bytesReceived\":41}";

    // Lengths are computed so that every message is framed exactly as sent: one
    // transaction per pair, no parse error, no resynchronisation (checked in Setup).
    private static readonly byte[][] Requests =
    [
        Encoding.ASCII.GetBytes("GET /orders/1234 HTTP/1.1\r\nHost: shop.local:8080\r\nUser-Agent: Mozilla/5.0 (X11; Linux x86_64)\r\nAccept: application/json\r\nAccept-Encoding: gzip, deflate\r\nAuthorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.abc\r\nX-Request-Id: 5b8c3c1e-4c47-4f0e-9a56-0d1f4f3c2a11\r\nConnection: keep-alive\r\n\r\n"),
        Encoding.ASCII.GetBytes($"POST /orders HTTP/1.1\r\nHost: shop.local:8080\r\nContent-Type: application/json\r\nContent-Length: {OrderBody.Length}\r\nAccept: */*\r\n\r\n{OrderBody}"),
    ];

    private static readonly byte[][] Responses =
    [
        Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=utf-8\r\nDate: Thu, 26 Nov 2026 10:00:00 GMT\r\nServer: Kestrel\r\nContent-Length: {OrderJson.Length}\r\n\r\n{OrderJson}"),
        Encoding.ASCII.GetBytes($"HTTP/1.1 201 Created\r\nContent-Type: application/json; charset=utf-8\r\nDate: Thu, 26 Nov 2026 10:00:00 GMT\r\nServer: Kestrel\r\nTransfer-Encoding: chunked\r\n\r\n{CreatedJson.Length:x}\r\n{CreatedJson}\r\n0\r\n\r\n"),
    ];

    private ConnectionTracker _tracker = null!;
    private TableStore _tables = null!;
    private ProtocolCounters _http = null!;
    private ConnectionId[] _ids = null!;
    private long[] _ingressOffset = null!;
    private long[] _egressOffset = null!;
    private long _clock;

    [GlobalSetup]
    public void Setup()
    {
        var counters = new CaptureCounters();
        var options = new ProtocolOptions();
        _tables = new TableStore();
        var services = new ProtocolServices(counters, options, new TableRecordSinks(_tables, options));
        _http = counters.Protocol("http");
        _tracker = new ConnectionTracker(new ProtocolRegistry(BuiltInProtocols.Create()), services, new ProcessRegistry());
        _ids = new ConnectionId[Connections];
        _ingressOffset = new long[Connections];
        _egressOffset = new long[Connections];
        for (int c = 0; c < Connections; c++)
        {
            _ids[c] = new ConnectionId((uint)Environment.ProcessId, 100 + c, (ulong)c + 1);
            _tracker.OnOpen(new SocketOpen(_ids[c], 0, ConnectionRole.Server, 2, "127.0.0.1", 8080, "127.0.0.1", 40000 + c));
        }

        // What gets measured must be the clean path: every pair one http_events row.
        RequestResponsePairs();
        if (_http.Records != Transactions || _http.ParseErrors != 0 || _tables.HttpEvents.TotalRows != Transactions)
            throw new InvalidOperationException($"The pairs did not parse cleanly: {_http.Records} records, {_http.ParseErrors} parse errors, {_tables.HttpEvents.TotalRows} rows.");
    }

    [Benchmark(OperationsPerInvoke = Transactions)]
    public void RequestResponsePairs()
    {
        for (int i = 0; i < Transactions; i++)
        {
            int c = i % Connections;
            byte[] request = Requests[i & 1];
            byte[] response = Responses[i & 1];
            _clock += 1000;
            _tracker.OnData(new SocketData(_ids[c], _clock, Direction.Ingress, _ingressOffset[c], request.Length, TracedSyscall.Recvfrom, false, false), request);
            _ingressOffset[c] += request.Length;
            _clock += 50_000;
            _tracker.OnData(new SocketData(_ids[c], _clock, Direction.Egress, _egressOffset[c], response.Length, TracedSyscall.Sendto, false, false), response);
            _egressOffset[c] += response.Length;
            if ((i & 1023) == 0)
            {
                _tracker.OnTick(_clock);
                _tables.Tick();
            }
        }
    }

    private sealed class Config : ManualConfig
    {
        public Config() => AddColumn(PerSecondColumn.Transactions);
    }
}
