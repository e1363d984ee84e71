using System.Text;
using Devtools.Core.Connections;
using Devtools.Core.Protocols;
using Devtools.Core.Protocols.Dns;
using static Devtools.Core.Tests.Protocols.Dns.DnsMessages;

namespace Devtools.Core.Tests.Protocols.Dns;

/// <summary>Recognising DNS without a magic number: strict on UDP and TCP, and nearly never fooled by other traffic.</summary>
public sealed class DnsInferenceTests
{
    private static readonly DnsProtocol Udp = new(ProtocolTransports.Udp);
    private static readonly DnsProtocol Tcp = new(ProtocolTransports.Tcp);

    private static InferenceResult OverUdp(ReadOnlySpan<byte> data) => Udp.Infer(data, Direction.Ingress, ConnectionRole.Unknown);

    private static InferenceResult OverTcp(ReadOnlySpan<byte> data) => Tcp.Infer(data, Direction.Ingress, ConnectionRole.Unknown);

    [Fact]
    public void Every_query_and_answer_of_the_mix_is_recognised()
    {
        foreach (byte[] query in DnsSamples.Queries)
        {
            Assert.Equal(InferenceResult.Request, OverUdp(query));
            Assert.Equal(InferenceResult.Request, OverTcp(DnsMessages.Tcp(query)));
        }
        foreach (byte[] answer in DnsSamples.Answers)
        {
            Assert.Equal(InferenceResult.Response, OverUdp(answer));
            Assert.Equal(InferenceResult.Response, OverTcp(DnsMessages.Tcp(answer)));
        }
    }

    [Fact]
    public void Transports_are_declared_so_each_instance_sees_only_its_own()
    {
        Assert.Equal(ProtocolTransports.Udp, Udp.Transports);
        Assert.Equal(ProtocolTransports.Tcp, Tcp.Transports);
        Assert.Equal(InferenceResult.NoMatch, OverUdp(DnsMessages.Tcp(Ask(1, "a.test", A))));
        Assert.Equal(InferenceResult.NoMatch, OverTcp(Ask(1, "a.test", A)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DnsProtocol(ProtocolTransports.Tcp | ProtocolTransports.Udp));
    }

    [Fact]
    public void A_tcp_message_arriving_in_pieces_needs_more_data_then_matches()
    {
        byte[] framed = DnsMessages.Tcp(Ask(1, "piecewise.example.test", A, edns: true));
        Assert.Equal(InferenceResult.NeedMoreData, OverTcp(framed.AsSpan(0, 1)));
        Assert.Equal(InferenceResult.NeedMoreData, OverTcp(framed.AsSpan(0, 8)));
        Assert.Equal(InferenceResult.NeedMoreData, OverTcp(framed.AsSpan(0, 20)));
        Assert.Equal(InferenceResult.Request, OverTcp(framed.AsSpan(0, framed.Length - 2)));
        Assert.Equal(InferenceResult.Request, OverTcp(framed));
        // A length prefix written alone, then the message.
        Assert.Equal(InferenceResult.NeedMoreData, OverTcp(framed.AsSpan(0, 2)));
    }

    [Theory]
    [InlineData("qdcount 2")]
    [InlineData("Z bit")]
    [InlineData("IQUERY")]
    [InlineData("answers in a query")]
    [InlineData("trailing bytes")]
    [InlineData("class 7")]
    [InlineData("type 0")]
    [InlineData("rcode in a query")]
    [InlineData("A of 5 bytes")]
    [InlineData("pointer in the question")]
    public void Headers_and_messages_no_resolver_sends_are_not_DNS(string defect)
    {
        byte[] query = Ask(0x4242, "www.example.test", A);
        byte[] broken = defect switch
        {
            "qdcount 2" => Patch(query, 5, 2),
            "Z bit" => Patch(query, 3, 0x40),
            "IQUERY" => Patch(query, 2, 0x09),
            "answers in a query" => Patch(query, 7, 1),
            "trailing bytes" => [.. query, 0],
            "class 7" => Patch(query, query.Length - 1, 7),
            "type 0" => Patch(query, query.Length - 3, 0),
            "rcode in a query" => Patch(query, 3, 0x03),
            "A of 5 bytes" => BadAnswer(),
            _ => PointerInQuestion(),
        };
        Assert.Equal(InferenceResult.NoMatch, OverUdp(broken));
        Assert.Equal(InferenceResult.NoMatch, OverTcp(DnsMessages.Tcp(broken)));
    }

    [Fact]
    public void Other_udp_protocols_are_not_DNS()
    {
        // QUIC v1 Initial: long header, version 1, 8-byte connection ids.
        byte[] quic = [0xC3, 0, 0, 0, 1, 8, 1, 2, 3, 4, 5, 6, 7, 8, 8, 9, 9, 9, 9, 9, 9, 9, 9, 0x44, 0xD0, .. new byte[1200]];
        // NTPv4 client request.
        byte[] ntp = [0x23, 0, 6, 0xE9, .. new byte[44]];
        Assert.Equal(InferenceResult.NoMatch, OverUdp(quic));
        Assert.Equal(InferenceResult.NoMatch, OverUdp(ntp));
        Assert.Equal(InferenceResult.NoMatch, OverUdp(Encoding.ASCII.GetBytes("api.requests.count:1|c\nlatency:12|ms")));
        Assert.Equal(InferenceResult.NoMatch, OverUdp(Encoding.ASCII.GetBytes("M-SEARCH * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\n\r\n")));
        Assert.Equal(InferenceResult.NoMatch, OverUdp(new byte[64]));
    }

    [Fact]
    public void Other_tcp_protocols_are_not_DNS()
    {
        Assert.Equal(InferenceResult.NoMatch, OverTcp(Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\nHost: x\r\n\r\n")));
        Assert.Equal(InferenceResult.NoMatch, OverTcp(Encoding.ASCII.GetBytes("*1\r\n$4\r\nPING\r\n")));
        // TLS ClientHello record header.
        Assert.Equal(InferenceResult.NoMatch, OverTcp([0x16, 3, 1, 0, 0xC8, 1, 0, 0, 0xC4, 3, 3, .. new byte[200]]));
        // PostgreSQL startup message.
        Assert.Equal(InferenceResult.NoMatch, OverTcp([0, 0, 0, 40, 0, 3, 0, 0, .. Encoding.ASCII.GetBytes("user\0postgres\0database\0db\0\0")]));
        // MySQL server greeting.
        Assert.Equal(InferenceResult.NoMatch, OverTcp([0x4A, 0, 0, 0, 0x0A, .. Encoding.ASCII.GetBytes("8.0.36\0"), .. new byte[60]]));
    }

    [Fact]
    public void Random_datagrams_essentially_never_match()
    {
        var random = new Random(20240601);
        int matches = 0;
        byte[] buffer = new byte[512];
        for (int i = 0; i < 200_000; i++)
        {
            Span<byte> datagram = buffer.AsSpan(0, random.Next(12, 512));
            random.NextBytes(datagram);
            if (OverUdp(datagram).Verdict == InferenceVerdict.Match || OverTcp(datagram).Verdict == InferenceVerdict.Match)
                matches++;
        }
        Assert.Equal(0, matches);
    }

    [Fact]
    public void Random_bytes_after_a_plausible_header_do_not_match()
    {
        // Get past the header checks, then let the names and records decide.
        var random = new Random(5);
        int matches = 0;
        for (int i = 0; i < 50_000; i++)
        {
            byte[] datagram = new byte[random.Next(17, 300)];
            random.NextBytes(datagram);
            datagram[2] = 0x01;
            datagram[3] = 0x00;
            datagram[4] = 0;
            datagram[5] = 1;
            datagram[6] = datagram[7] = datagram[8] = datagram[9] = 0;
            datagram[10] = 0;
            datagram[11] = (byte)random.Next(2);
            if (OverUdp(datagram).Verdict == InferenceVerdict.Match)
                matches++;
        }
        Assert.True(matches < 5, $"{matches} random datagrams with a query header matched");
    }

    [Fact]
    public void Mdns_queries_parse_as_DNS()
    {
        // The QU bit rides on the class.
        Assert.Equal(InferenceResult.Request, OverUdp(Ask(0, "_services._dns-sd._udp.local", Ptr, flags: 0, qclass: 0x8001)));
    }

    [Fact]
    public void Notify_and_update_are_recognised()
    {
        Assert.Equal(InferenceResult.Request, OverUdp(Ask(9, "example.test", Soa, flags: 0x2400)));
        Assert.Equal(InferenceResult.Request, OverUdp(Ask(9, "example.test", Soa, flags: 0x2800)));
    }

    private static byte[] Patch(byte[] message, int index, byte value)
    {
        byte[] copy = (byte[])message.Clone();
        copy[index] = value;
        return copy;
    }

    private static byte[] BadAnswer()
    {
        byte[] answer = Answer(1, "a.test", A, answers: [Rr.Raw("a.test", A, [1, 2, 3, 4, 5])]);
        return answer;
    }

    private static byte[] PointerInQuestion()
    {
        var w = new DnsMessageWriter();
        w.U16(1);
        w.U16(0x0100);
        w.U16(1);
        w.U16(0);
        w.U16(0);
        w.U16(0);
        w.U16(0xC00C);
        w.U16(A);
        w.U16(1);
        return w.ToArray();
    }
}
