using System.Buffers.Binary;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Devtools.Core.Connections;
using Devtools.Core.Diagnostics;
using Devtools.Core.Protocols;
using Devtools.Core.Protocols.Pgsql;
using Devtools.Core.Storage;

namespace Devtools.Benchmarks;

/// <summary>
/// PostgreSQL parse + stitch throughput on one connection carrying a typical mix: an
/// unprepared Npgsql-style query (Parse/Bind/Describe/Execute/Sync) answered with one row,
/// a pgbench-style execution of a prepared UPDATE, a simple Query answered with ten rows,
/// and an unprepared INSERT with four parameters. One operation is one event (a request
/// batch or its answer) through DataStream, the shared driver, both parsers, the stitcher
/// (parameters rendered, statements looked up) and a sink; MB/s is bytes of protocol per second.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class PgsqlParseBenchmarks
{
    private const int Exchanges = 1024;

    private const int Messages = Exchanges * 2;

    private static readonly (byte[] Request, byte[] Response)[] Mix = [.. BuildMix()];

    private Connection _connection = null!;
    private IConnectionProtocol _driver = null!;
    private Direction _requestDirection;
    private Direction _responseDirection;
    private long _clock;

    /// <summary>Average bytes of one event of the mix.</summary>
    public static double BytesPerMessage => Mix.Average(e => (e.Request.Length + e.Response.Length) / 2.0);

    public CountingSink Sink { get; } = new();

    [GlobalSetup]
    public void Setup()
    {
        var counters = new CaptureCounters();
        var services = new ProtocolServices(counters, new ProtocolOptions(), new SinkRegistry(Sink));
        var info = new ConnectionInfo(new ConnectionId(1, 3, 1), new Upid(0, 1, 1)) { Role = ConnectionRole.Server };
        _connection = new Connection(info, new DataStreamOptions(), counters);
        _driver = new PgsqlProtocol().Attach(_connection, services);
        _connection.Attach(_driver);
        _requestDirection = ConnectionRole.Server.RequestDirection();
        _responseDirection = _requestDirection.Opposite();

        // The statement pgbench prepared when it connected.
        Feed(_requestDirection, Concat(Parse("P_1", "UPDATE pgbench_accounts SET abalance = abalance + $1 WHERE aid = $2"), Sync()));
        Feed(_responseDirection, Concat(Msg('1', []), Ready()));

        Driver();
        ProtocolCounters pgsql = counters.Protocol("pgsql");
        if (Sink.Records != Exchanges || pgsql.ParseErrors != 0 || pgsql.Records != Exchanges)
            throw new InvalidOperationException($"The mix did not parse cleanly: {Sink.Records} records, {pgsql.ParseErrors} errors.");
    }

    [GlobalCleanup]
    public void Cleanup() => _connection.Dispose();

    [Benchmark(OperationsPerInvoke = Messages)]
    public void Driver()
    {
        for (int i = 0; i < Exchanges; i++)
        {
            (byte[] request, byte[] response) = Mix[i % Mix.Length];
            Feed(_requestDirection, request);
            Feed(_responseDirection, response);
        }
    }

    private void Feed(Direction direction, byte[] bytes)
    {
        DataStream stream = _connection.Stream(direction);
        stream.Add(stream.NextOffset, bytes, bytes.Length, HoleKind.Filler, _clock += 1000);
        _driver.Process(direction);
    }

    private static IEnumerable<(byte[], byte[])> BuildMix()
    {
        byte[] id = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(id, 42);
        yield return (
            Concat(
                Parse("", "SELECT id, name, email, created_at FROM users WHERE id = $1", 23),
                Bind([1], [id], [1]), Msg('D', [(byte)'P', 0]), Execute(), Sync()),
            Concat(
                Msg('1', []), Msg('2', []), RowDescription("id", "name", "email", "created_at"),
                DataRow("42", "Ada Lovelace", "ada@example.com", "2024-01-02 03:04:05+00"), Tag("SELECT 1"), Ready()));
        yield return (
            Concat(Bind([], [Encoding.ASCII.GetBytes("-2500"), Encoding.ASCII.GetBytes("4711")], [], "P_1"), Execute(), Sync()),
            Concat(Msg('2', []), Tag("UPDATE 1"), Ready('T')));
        yield return (
            Msg('Q', CStr("SELECT id, status, total FROM orders WHERE customer_id = 42 ORDER BY id DESC LIMIT 10")),
            Concat([RowDescription("id", "status", "total"), .. Enumerable.Range(0, 10).Select(i => DataRow($"{9000 + i}", "shipped", $"{i * 7}.50")), Tag("SELECT 10"), Ready()]));
        yield return (
            Concat(
                Parse("", "INSERT INTO events (kind, subject, payload, at) VALUES ($1, $2, $3, $4)", 25, 25, 114, 1184),
                Bind([], [Encoding.ASCII.GetBytes("login"), Encoding.ASCII.GetBytes("user:42"), Encoding.ASCII.GetBytes("{\"ip\":\"10.1.2.3\",\"agent\":\"curl/8.5\"}"), Encoding.ASCII.GetBytes("2024-01-02 03:04:05+00")], []),
                Msg('D', [(byte)'P', 0]), Execute(), Sync()),
            Concat(Msg('1', []), Msg('2', []), Msg('n', []), Tag("INSERT 0 1"), Ready()));
    }

    private static byte[] Parse(string name, string sql, params int[] types) =>
        Msg('P', Concat([CStr(name), CStr(sql), Int16(types.Length), .. types.Select(Int32)]));

    private static byte[] Bind(short[] formats, byte[][] values, short[] resultFormats, string statement = "") =>
        Msg('B', Concat([
            CStr(""), CStr(statement), Int16(formats.Length), .. formats.Select(f => Int16(f)),
            Int16(values.Length), .. values.SelectMany(v => new[] { Int32(v.Length), v }),
            Int16(resultFormats.Length), .. resultFormats.Select(f => Int16(f))]));

    private static byte[] Execute() => Msg('E', Concat(CStr(""), Int32(0)));

    private static byte[] Sync() => Msg('S', []);

    private static byte[] Ready(char status = 'I') => Msg('Z', [(byte)status]);

    private static byte[] Tag(string tag) => Msg('C', CStr(tag));

    private static byte[] RowDescription(params string[] columns) =>
        Msg('T', Concat([Int16(columns.Length), .. columns.Select(c => Concat(CStr(c), Int32(16384), Int16(1), Int32(25), Int16(-1), Int32(-1), Int16(0)))]));

    private static byte[] DataRow(params string[] values) =>
        Msg('D', Concat([Int16(values.Length), .. values.Select(v => Concat(Int32(Encoding.UTF8.GetByteCount(v)), Encoding.UTF8.GetBytes(v)))]));

    private static byte[] Msg(char tag, byte[] payload)
    {
        byte[] message = new byte[5 + payload.Length];
        message[0] = (byte)tag;
        BinaryPrimitives.WriteInt32BigEndian(message.AsSpan(1), 4 + payload.Length);
        payload.CopyTo(message, 5);
        return message;
    }

    private static byte[] CStr(string text) => [.. Encoding.UTF8.GetBytes(text), 0];

    private static byte[] Int16(int value)
    {
        byte[] bytes = new byte[2];
        BinaryPrimitives.WriteInt16BigEndian(bytes, (short)value);
        return bytes;
    }

    private static byte[] Int32(int value)
    {
        byte[] bytes = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(bytes, value);
        return bytes;
    }

    private static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];

    /// <summary>A sink that does the least a real one would: look at each record.</summary>
    public sealed class CountingSink : IPgsqlRecordSink
    {
        public long Records { get; private set; }

        public long Bytes { get; private set; }

        public void Write(in PgsqlRecord record)
        {
            Records++;
            Bytes += record.Command.Length + record.Request.Length + record.Response.Length;
        }
    }

    private sealed class SinkRegistry(IPgsqlRecordSink sink) : IRecordSinks
    {
        public TSink? Find<TSink>()
            where TSink : class => sink as TSink;
    }

    private sealed class ThroughputConfig : ManualConfig
    {
        public ThroughputConfig()
        {
            AddColumn(new BytesPerSecondColumn("PostgreSQL", () => BytesPerMessage));
        }
    }
}
