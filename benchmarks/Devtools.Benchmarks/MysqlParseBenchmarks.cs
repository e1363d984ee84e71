using System.Buffers.Binary;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Devtools.Core.Connections;
using Devtools.Core.Diagnostics;
using Devtools.Core.Protocols;
using Devtools.Core.Protocols.Mysql;
using Devtools.Core.Storage;

namespace Devtools.Benchmarks;

/// <summary>
/// MySQL parse + stitch throughput on one connection carrying a typical ORM mix: a text
/// SELECT answered by 20 rows of 4 columns, a prepared SELECT executed with two parameters
/// and answered by 5 binary rows, an INSERT answered OK, and a lookup by id. One operation
/// is one message (command or whole response), each arriving as one capture event; the
/// MB/s column is bytes of MySQL per second.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class MysqlParseBenchmarks
{
    private const int Exchanges = 4096;

    private const int Messages = Exchanges * 2;

    private static readonly (byte[] Request, byte[] Response)[] Mix = BuildMix();

    private Connection _connection = null!;
    private IConnectionProtocol _driver = null!;
    private Direction _requestDirection;
    private Direction _responseDirection;
    private long _clock;
    private ProtocolCounters _counters = null!;

    /// <summary>Average bytes of one message of the mix.</summary>
    public static double BytesPerMessage => (double)Mix.Sum(e => (long)e.Request.Length + e.Response.Length) / (Mix.Length * 2);

    public CountingSink Sink { get; } = new();

    [GlobalSetup]
    public void Setup()
    {
        var counters = new CaptureCounters();
        var services = new ProtocolServices(counters, new ProtocolOptions(), new SinkRegistry(Sink));
        var info = new ConnectionInfo(new ConnectionId(1, 3, 1), new Upid(0, 1, 1)) { Role = ConnectionRole.Server };
        _connection = new Connection(info, new DataStreamOptions(), counters);
        _driver = new MysqlProtocol().Attach(_connection, services);
        _connection.Attach(_driver);
        _requestDirection = ConnectionRole.Server.RequestDirection();
        _responseDirection = _requestDirection.Opposite();
        _counters = counters.Protocol("mysql");

        // The connection's start: greeting, login, and the prepared statement the mix executes.
        foreach ((byte[] request, byte[] response) in Preamble())
            Exchange(request, response);
        Driver();
        if (Sink.Records != Exchanges + 1 || _counters.ParseErrors != 0 || _counters.Records != Exchanges + 1)
            throw new InvalidOperationException($"The mix did not parse cleanly: {Sink.Records} records, {_counters.ParseErrors} errors.");
    }

    [GlobalCleanup]
    public void Cleanup() => _connection.Dispose();

    /// <summary>The whole user-space path: reassembly into the DataStream, the shared driver, parsers, stitcher, sink.</summary>
    [Benchmark(OperationsPerInvoke = Messages)]
    public void Driver()
    {
        for (int i = 0; i < Exchanges; i++)
        {
            (byte[] request, byte[] response) = Mix[i % Mix.Length];
            Exchange(request, response);
        }
    }

    private void Exchange(byte[] request, byte[] response)
    {
        DataStream requests = _connection.Stream(_requestDirection);
        DataStream responses = _connection.Stream(_responseDirection);
        if (request.Length > 0)
        {
            requests.Add(requests.NextOffset, request, request.Length, HoleKind.Filler, _clock += 1000);
            _driver.Process(_requestDirection);
        }
        if (response.Length > 0)
        {
            responses.Add(responses.NextOffset, response, response.Length, HoleKind.Filler, _clock += 1000);
            _driver.Process(_responseDirection);
        }
    }

    private static (byte[], byte[])[] Preamble() =>
    [
        ([], Greeting()),
        (Packet(1, [.. BitConverter.GetBytes(0x010FA68Du | 0x200), .. BitConverter.GetBytes(16u << 20), 0x21, .. new byte[23], .. "app\0"u8.ToArray(), 0]), Ok(2, 0, 0)),
        (Command(0x16, "SELECT o.id, o.status, o.total, o.created_at FROM orders o WHERE o.customer_id = ? AND o.status = ? ORDER BY o.created_at DESC LIMIT 5"), PrepareOk(4, 2)),
    ];

    private static (byte[], byte[])[] BuildMix()
    {
        string[] columns = ["id", "name", "email", "created_at"];
        var users = new List<string?[]>();
        for (int i = 0; i < 20; i++)
            users.Add([(1000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture), $"User Number {i}", $"user{i}@example.com", "2024-03-14 09:26:53"]);
        byte[] execute = Packet(0, [
            0x17, 1, 0, 0, 0, 0, 1, 0, 0, 0, // statement 1, no cursor, one iteration
            0x00, 1, 0x08, 0x00, 0xfd, 0x00, // no nulls, types bound: BIGINT, VAR_STRING
            .. BitConverter.GetBytes(42L), 7, .. "shipped"u8.ToArray()]);
        var orders = new List<string?[]>();
        for (int i = 0; i < 5; i++)
            orders.Add([(9000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture), "shipped", "31.50", "2024-01-02 03:04:05"]);
        return
        [
            (Command(0x03, "SELECT u.id, u.name, u.email, u.created_at FROM users u WHERE u.active = 1 ORDER BY u.id LIMIT 20"), ResultSet(columns, users, binary: false)),
            (execute, ResultSet(["id", "status", "total", "created_at"], orders, binary: true)),
            (Command(0x03, "INSERT INTO audit_log (user_id, action, payload) VALUES (42, 'login', '{\"ip\":\"10.0.0.7\",\"agent\":\"Mozilla/5.0\"}')"), Ok(1, 1, 77)),
            (Command(0x03, "SELECT id, name, email FROM users WHERE id = 1007"), ResultSet(["id", "name", "email"], [["1007", "User Number 7", "user7@example.com"]], binary: false)),
        ];
    }

    private static byte[] Packet(int sequence, ReadOnlySpan<byte> payload)
    {
        byte[] packet = new byte[4 + payload.Length];
        packet[0] = (byte)payload.Length;
        packet[1] = (byte)(payload.Length >> 8);
        packet[2] = (byte)(payload.Length >> 16);
        packet[3] = (byte)sequence;
        payload.CopyTo(packet.AsSpan(4));
        return packet;
    }

    private static byte[] Command(byte command, string text) => Packet(0, [command, .. Encoding.UTF8.GetBytes(text)]);

    private static byte[] Ok(int sequence, byte affected, byte insertId, byte header = 0x00) => Packet(sequence, [header, affected, insertId, 2, 0, 0, 0]);

    private static byte[] Greeting() => Packet(0, [
        10, .. "5.5.5-10.11.6-MariaDB\0"u8.ToArray(), 42, 0, 0, 0, .. "abcdefgh"u8.ToArray(), 0,
        0xFE, 0xF7, 0x21, 0x02, 0x00, 0xFF, 0x81, 21, .. new byte[10], .. "ijklmnopqrst\0"u8.ToArray(), .. "mysql_native_password\0"u8.ToArray()]);

    private static byte[] ColumnDefinition(int sequence, string name) => Packet(sequence, [
        3, .. "def"u8.ToArray(), 4, .. "shop"u8.ToArray(), 1, (byte)'t', 1, (byte)'t',
        (byte)name.Length, .. Encoding.ASCII.GetBytes(name), (byte)name.Length, .. Encoding.ASCII.GetBytes(name),
        0x0c, 0x21, 0x00, 0x50, 0x00, 0x00, 0x00, 0xfd, 0x00, 0x00, 0x00, 0x00, 0x00]);

    /// <summary>A result set with CLIENT_DEPRECATE_EOF: count, definitions, rows, OK with the EOF header.</summary>
    private static byte[] ResultSet(string[] columns, List<string?[]> rows, bool binary)
    {
        var packets = new List<byte[]> { Packet(1, [(byte)columns.Length]) };
        int sequence = 2;
        foreach (string column in columns)
            packets.Add(ColumnDefinition(sequence++, column));
        foreach (string?[] row in rows)
        {
            var payload = new List<byte>();
            if (binary)
                payload.AddRange([0x00, 0x00]);
            foreach (string? value in row)
            {
                byte[] bytes = Encoding.UTF8.GetBytes(value ?? "");
                payload.Add((byte)bytes.Length);
                payload.AddRange(bytes);
            }
            packets.Add(Packet(sequence++, payload.ToArray()));
        }
        packets.Add(Ok(sequence, 0, 0, header: 0xFE));
        return [.. packets.SelectMany(p => p)];
    }

    private static byte[] PrepareOk(int columns, int parameters)
    {
        byte[] ok = new byte[12];
        ok[0] = 0x00;
        BinaryPrimitives.WriteUInt32LittleEndian(ok.AsSpan(1), 1);
        BinaryPrimitives.WriteUInt16LittleEndian(ok.AsSpan(5), (ushort)columns);
        BinaryPrimitives.WriteUInt16LittleEndian(ok.AsSpan(7), (ushort)parameters);
        var packets = new List<byte[]> { Packet(1, ok) };
        int sequence = 2;
        for (int i = 0; i < parameters; i++)
            packets.Add(ColumnDefinition(sequence++, "?"));
        for (int i = 0; i < columns; i++)
            packets.Add(ColumnDefinition(sequence++, "c" + i));
        return [.. packets.SelectMany(p => p)];
    }

    /// <summary>A sink that does the least a real one would: look at each record.</summary>
    public sealed class CountingSink : IMysqlRecordSink
    {
        public long Records { get; private set; }

        public long TextBytes { get; private set; }

        public void Write(in MysqlRecord record)
        {
            Records++;
            TextBytes += record.RequestBody.Length + record.ResponseBody.Length + (int)record.Status;
        }
    }

    private sealed class SinkRegistry(IMysqlRecordSink sink) : IRecordSinks
    {
        public TSink? Find<TSink>()
            where TSink : class => sink as TSink;
    }

    private sealed class ThroughputConfig : ManualConfig
    {
        public ThroughputConfig()
        {
            AddColumn(new BytesPerSecondColumn("MySQL", () => BytesPerMessage));
        }
    }
}
