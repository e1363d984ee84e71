using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Devtools.Core.Connections;
using Devtools.Core.Diagnostics;
using Devtools.Core.Protocols;
using Devtools.Core.Protocols.Dns;
using Devtools.Core.Storage;

namespace Devtools.Benchmarks;

/// <summary>
/// DNS parse + stitch throughput on one flow carrying a typical mix, as dig and dnsmasq put
/// it on the wire (EDNS and a client cookie in every query; A, AAAA, a CNAME chain, SRV with
/// glue, TXT, MX, NXDOMAIN, PTR answers). One operation is one message, each arriving as one
/// capture event (a datagram, or a length-prefixed message on TCP); the MB/s column is bytes
/// of DNS per second.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class DnsParseBenchmarks
{
    /// <summary>Exchanges per invocation: the mix repeated.</summary>
    private const int Exchanges = 1024;

    private const int Messages = Exchanges * 2;

    private static readonly byte[][] Queries = [.. MixQueries().Select(Convert.FromHexString)];
    private static readonly byte[][] Answers = [.. MixAnswers().Select(Convert.FromHexString)];
    private static readonly byte[][] TcpQueries = [.. Queries.Select(Framed)];
    private static readonly byte[][] TcpAnswers = [.. Answers.Select(Framed)];

    private Flow _udp = null!;
    private Flow _tcp = null!;

    /// <summary>Average bytes of one message of the mix (without the TCP length prefix).</summary>
    public static double BytesPerMessage =>
        (double)(Queries.Sum(q => (long)q.Length) + Answers.Sum(a => (long)a.Length)) / (Queries.Length + Answers.Length);

    public CountingSink Sink { get; } = new();

    [GlobalSetup]
    public void Setup()
    {
        _udp = new Flow(Sink, datagrams: true);
        _tcp = new Flow(Sink, datagrams: false);

        // Warm the pools and queues so that steady state is what gets measured, and make
        // sure what gets measured is a clean parse of every message.
        Udp();
        Tcp();
        if (Sink.Records != 2 * Exchanges || _udp.Dns.ParseErrors + _tcp.Dns.ParseErrors != 0 || _udp.Dns.Records + _tcp.Dns.Records != 2 * Exchanges)
            throw new InvalidOperationException($"The mix did not parse cleanly: {Sink.Records} records, {_udp.Dns.ParseErrors + _tcp.Dns.ParseErrors} errors.");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _udp.Dispose();
        _tcp.Dispose();
    }

    /// <summary>UDP: the whole user-space path from a datagram event: DataStream, the shared driver, parser, keyed stitcher, sink.</summary>
    [Benchmark(OperationsPerInvoke = Messages)]
    public void Udp() => _udp.Run(Queries, Answers);

    /// <summary>TCP: the same with the 2-byte length prefix (counted in the time, not in the bytes).</summary>
    [Benchmark(OperationsPerInvoke = Messages)]
    public void Tcp() => _tcp.Run(TcpQueries, TcpAnswers);

    private static byte[] Framed(byte[] message) => [(byte)(message.Length >> 8), (byte)message.Length, .. message];

    /// <summary>dig's queries (EDNS 1232, an 8-byte client cookie), one per answer below.</summary>
    private static IEnumerable<string> MixQueries() =>
    [
        "21340120000100000000000103617069076578616d706c650474657374000001000100002904d000000000000c000a0008661c1f56701640ec",
        "275f0120000100000000000103617069076578616d706c65047465737400001c000100002904d000000000000c000a0008661c1f56701640ec",
        "8d090120000100000000000103777777076578616d706c650474657374000001000100002904d000000000000c000a0008661c1f56701640ec",
        "799701200001000000000001055f68747470045f746370076578616d706c650474657374000021000100002904d000000000000c000a0008661c1f56701640ec",
        "830f0120000100000000000103747874076578616d706c650474657374000010000100002904d000000000000c000a0008661c1f56701640ec",
        "760c01200001000000000001076578616d706c65047465737400000f000100002904d000000000000c000a0008661c1f56701640ec",
        "4d7901200001000000000001076d697373696e67076578616d706c650474657374000001000100002904d000000000000c000a0008661c1f56701640ec",
        "81510120000100000000000101330132013102313007696e2d61646472046172706100000c000100002904d000000000000c000a0008661c1f56701640ec",
    ];

    /// <summary>dnsmasq's answers, in the order of the queries.</summary>
    private static IEnumerable<string> MixAnswers() =>
    [
        "21348580000100020000000103617069076578616d706c6504746573740000010001c00c000100010000000000040a010203c00c000100010000000000040a01020400002904d0000000000000",
        "275f8580000100010000000103617069076578616d706c65047465737400001c0001c00c001c0001000000000010fd00000000000000000000000001000200002904d0000000000000",
        "8d098580000100030000000103777777076578616d706c6504746573740000010001c00c0005000100000000001203617069076578616d706c65047465737400c02e000100010000000000040a010204c02e000100010000000000040a01020300002904d0000000000000",
        "799785800001000100000004055f68747470045f746370076578616d706c6504746573740000210001c00c00210001000000000018000a00051f9003617069076578616d706c65047465737400c03b000100010000000000040a010203c03b000100010000000000040a010204c03b001c0001000000000010fd00000000000000000000000001000200002904d0000000000000",
        "830f8580000100010000000103747874076578616d706c6504746573740000100001c00c0010000100000000002f20763d7370663120696e636c7564653a6578616d706c652e74657374202d616c6c0d7365636f6e6420737472696e6700002904d0000000000000",
        "760c85800001000100000002076578616d706c65047465737400000f0001c00c000f0001000000000015000a046d61696c076578616d706c65047465737400c02c000100010000000000040a01020900002904d0000000000000",
        "4d7981830001000000000001076d697373696e67076578616d706c650474657374000001000100002904d0000000000000",
        "81518580000100010000000101330132013102313007696e2d61646472046172706100000c0001c00c000c000100000000001203617069076578616d706c6504746573740000002904d0000000000000",
    ];

    /// <summary>One server-side flow (UDP) or connection (TCP) with the real driver.</summary>
    private sealed class Flow : IDisposable
    {
        private readonly Connection _connection;
        private readonly Direction _requests;
        private readonly Direction _responses;
        private long _clock;

        public Flow(IDnsTransactionSink sink, bool datagrams)
        {
            var counters = new CaptureCounters();
            var services = new ProtocolServices(counters, new ProtocolOptions(), new SinkRegistry(sink));
            var info = new ConnectionInfo(new ConnectionId(1, 3, 1), new Upid(0, 1, 1)) { Role = ConnectionRole.Server, Transport = datagrams ? 17 : 6 };
            _connection = new Connection(info, new DataStreamOptions(), counters, datagrams);
            _connection.Attach(new DnsProtocol(datagrams ? ProtocolTransports.Udp : ProtocolTransports.Tcp).Attach(_connection, services));
            _requests = ConnectionRole.Server.RequestDirection();
            _responses = _requests.Opposite();
            Dns = counters.Protocol("dns");
        }

        public ProtocolCounters Dns { get; }

        public void Run(byte[][] queries, byte[][] answers)
        {
            DataStream requests = _connection.Stream(_requests);
            DataStream responses = _connection.Stream(_responses);
            IConnectionProtocol driver = _connection.Protocol!;
            for (int i = 0; i < Exchanges; i++)
            {
                int kind = i % queries.Length;
                byte[] query = queries[kind];
                requests.Add(requests.NextOffset, query, query.Length, HoleKind.Filler, _clock += 1000);
                driver.Process(_requests);
                byte[] answer = answers[kind];
                responses.Add(responses.NextOffset, answer, answer.Length, HoleKind.Filler, _clock += 1000);
                driver.Process(_responses);
            }
        }

        public void Dispose() => _connection.Dispose();
    }

    /// <summary>A sink that does the least a real one would: look at each record.</summary>
    public sealed class CountingSink : IDnsTransactionSink
    {
        public long Records { get; private set; }

        public long Bytes { get; private set; }

        public void Write(in DnsTransaction transaction)
        {
            Records++;
            Bytes += transaction.Query.Bytes.Length + transaction.Response.Bytes.Length + transaction.Response.Rcode;
        }
    }

    private sealed class SinkRegistry(IDnsTransactionSink sink) : IRecordSinks
    {
        public TSink? Find<TSink>()
            where TSink : class => sink as TSink;
    }

    private sealed class ThroughputConfig : ManualConfig
    {
        public ThroughputConfig()
        {
            AddColumn(new BytesPerSecondColumn("DNS", () => BytesPerMessage));
        }
    }
}
