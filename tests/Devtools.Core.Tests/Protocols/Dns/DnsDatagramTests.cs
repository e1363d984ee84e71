using System.Text.Json;
using Devtools.Core.Connections;
using static Devtools.Core.Tests.Protocols.Dns.DnsMessages;

namespace Devtools.Core.Tests.Protocols.Dns;

/// <summary>DNS over UDP through the real driver: one message per datagram, answers paired by id and question.</summary>
public sealed class DnsDatagramTests
{
    [Fact]
    public void A_query_and_its_answer_make_one_row_in_Pixie_shapes()
    {
        using var h = new DnsHarness();
        h.Query(Ask(0x1234, "example.com", A, edns: true), timestampNs: 10_000);
        h.Response(Answer(0x1234, "example.com", A, answers: [Rr.A("example.com", "1.2.3.4")], additional: [Rr.Opt()]), timestampNs: 35_000);

        DnsRow row = Assert.Single(h.Rows());
        Assert.Equal(
            """{"txid":4660,"qr":0,"opcode":0,"aa":0,"tc":0,"rd":1,"ra":0,"ad":0,"cd":0,"rcode":0,"num_queries":1,"num_answers":0,"num_auth":0,"num_addl":1}""",
            row.Event.ReqHeader);
        Assert.Equal(
            """{"queries":[{"name":"example.com","type":"A"}],"edns":{"udp_size":1232,"ext_rcode":0,"version":0,"do":0,"options":[]}}""",
            row.Event.ReqBody);
        Assert.Equal(
            """{"txid":4660,"qr":1,"opcode":0,"aa":0,"tc":0,"rd":1,"ra":1,"ad":0,"cd":0,"rcode":0,"rcode_name":"NOERROR","num_queries":1,"num_answers":1,"num_auth":0,"num_addl":1}""",
            row.Event.RespHeader);
        Assert.Equal(
            """{"answers":[{"name":"example.com","type":"A","ttl":300,"addr":"1.2.3.4"}],"edns":{"udp_size":1232,"ext_rcode":0,"version":0,"do":0,"options":[]}}""",
            row.Event.RespBody);
        Assert.Equal(25_000, row.LatencyNs);
        Assert.Equal(2, row.Event.TraceRole);
        Assert.Equal("127.0.0.1", row.Event.RemoteAddr);
        Assert.Equal(1, h.Dns.Records);
        Assert.Equal(0, h.Dns.ParseErrors);
    }

    [Fact]
    public void Parallel_A_and_AAAA_answered_in_reverse_order_pair_by_id_and_question()
    {
        using var h = new DnsHarness(role: ConnectionRole.Client);
        // glibc sends both with one sendmmsg; the AAAA answer comes first.
        h.Query(Ask(7, "host.example.test", A), timestampNs: 1_000);
        h.Query(Ask(8, "host.example.test", Aaaa), timestampNs: 1_100);
        h.Response(Answer(8, "host.example.test", Aaaa, answers: [Rr.Aaaa("host.example.test", "fd00::5")]), timestampNs: 5_000);
        h.Response(Answer(7, "host.example.test", A, answers: [Rr.A("host.example.test", "10.0.0.5")]), timestampNs: 9_000);

        List<DnsRow> rows = h.Rows();
        Assert.Equal(["AAAA:fd00::5", "A:10.0.0.5"], rows.Select(r => r.AnswerTexts.Single()));
        Assert.Equal([8, 7], rows.Select(r => r.TxId));
        Assert.Equal([3_900L, 8_000L], rows.Select(r => r.LatencyNs));
        Assert.Equal(1, rows[0].Event.TraceRole);
        Assert.Equal(0, h.Dns.UnmatchedRequests + h.Dns.UnmatchedResponses);
    }

    [Fact]
    public void Same_id_for_different_questions_pairs_by_question()
    {
        using var h = new DnsHarness();
        h.Query(Ask(99, "a.test", A));
        h.Query(Ask(99, "b.test", A));
        h.Response(Answer(99, "b.test", A, answers: [Rr.A("b.test", "2.2.2.2")]));
        h.Response(Answer(99, "A.TEST", A, answers: [Rr.A("a.test", "1.1.1.1")]));

        Assert.Equal(["b.test A:2.2.2.2", "a.test A:1.1.1.1"], h.Rows().Select(r => $"{r.Name} {r.AnswerTexts.Single()}"));
    }

    [Fact]
    public void A_retransmission_is_counted_and_the_answer_pairs_with_the_first_query()
    {
        using var h = new DnsHarness(role: ConnectionRole.Client);
        byte[] query = Ask(42, "slow.example.test", A);
        h.Query(query, timestampNs: 1_000_000);
        h.Query(query, timestampNs: 1_001_000_000);
        byte[] answer = Answer(42, "slow.example.test", A, answers: [Rr.A("slow.example.test", "10.9.9.9")]);
        h.Response(answer, timestampNs: 1_002_000_000);
        // The server answered the retransmission as well.
        h.Response(answer, timestampNs: 1_002_500_000);
        h.Close();

        DnsRow row = Assert.Single(h.Rows());
        Assert.Equal(1_001_000_000, row.LatencyNs);
        Assert.Equal(1, h.Specific("retransmissions"));
        Assert.Equal(1, h.Specific("duplicate_responses"));
        Assert.Equal(0, h.Dns.UnmatchedRequests);
        Assert.Equal(0, h.Dns.UnmatchedResponses);
    }

    [Fact]
    public void Queries_never_answered_are_counted_when_the_flow_closes()
    {
        using var h = new DnsHarness(role: ConnectionRole.Client);
        h.Query(Ask(1, "lost.example.test", A));
        h.Query(Ask(2, "answered.example.test", A));
        h.Response(Answer(2, "answered.example.test", A, answers: [Rr.A("answered.example.test", "1.2.3.4")]));
        Assert.Equal(0, h.Dns.UnmatchedRequests);
        h.Close();

        Assert.Single(h.Rows());
        Assert.Equal(1, h.Dns.UnmatchedRequests);
    }

    [Fact]
    public void A_query_older_than_the_timeout_is_given_up_when_a_later_answer_arrives()
    {
        using var h = new DnsHarness(role: ConnectionRole.Client);
        h.Query(Ask(5, "old.test", A), timestampNs: 1_000);
        h.Query(Ask(5, "old.test", A), timestampNs: 40_000_000_000);
        h.Response(Answer(5, "old.test", A, answers: [Rr.A("old.test", "1.1.1.1")]), timestampNs: 40_001_000_000);

        DnsRow row = Assert.Single(h.Rows());
        Assert.Equal(1_000_000, row.LatencyNs);
        Assert.Equal(1, h.Dns.UnmatchedRequests);
        Assert.Equal(0, h.Specific("retransmissions"));
    }

    [Fact]
    public void An_answer_nobody_asked_for_is_counted_unmatched()
    {
        using var h = new DnsHarness();
        h.Response(Answer(3, "stray.test", A, answers: [Rr.A("stray.test", "1.1.1.1")]));
        h.Query(Ask(4, "real.test", A));
        h.Response(Answer(4, "real.test", A, rcode: 3));

        DnsRow row = Assert.Single(h.Rows());
        Assert.Equal("real.test", row.Name);
        Assert.Equal(1, h.Dns.UnmatchedResponses);
    }

    [Theory]
    [InlineData(2, "SERVFAIL")]
    [InlineData(3, "NXDOMAIN")]
    [InlineData(5, "REFUSED")]
    [InlineData(1, "FORMERR")]
    public void Error_codes_are_visible_as_rcode_and_rcode_name(int rcode, string name)
    {
        using var h = new DnsHarness();
        h.Query(Ask(11, "missing.example.test", A));
        h.Response(Answer(11, "missing.example.test", A, rcode: rcode, authority: [Rr.Soa("example.test", "ns.example.test", "hostmaster.example.test", 2024010101)]));

        DnsRow row = Assert.Single(h.Rows());
        Assert.Equal(rcode, row.Rcode);
        Assert.Equal(name, row.RcodeName);
        Assert.Empty(row.Answers);
        JsonElement soa = Assert.Single(row.RespBody.GetProperty("authority").EnumerateArray());
        Assert.Equal("SOA:ns.example.test hostmaster.example.test 2024010101 3600 600 86400 60", DnsRow.DescribeRecord(soa));
    }

    [Fact]
    public void Extended_rcode_from_OPT_is_combined()
    {
        using var h = new DnsHarness();
        h.Query(Ask(12, "x.test", A, edns: true));
        h.Response(Answer(12, "x.test", A, rcode: 0, additional: [Rr.Opt(extendedRcode: 1)]));

        DnsRow row = Assert.Single(h.Rows());
        Assert.Equal(16, row.Rcode);
        Assert.Equal("BADVERS", row.RcodeName);
    }

    [Fact]
    public void A_truncated_answer_is_recorded_with_tc_and_counted()
    {
        using var h = new DnsHarness();
        h.Query(Ask(13, "big.test", Txt));
        h.Response(Answer(13, "big.test", Txt, truncated: true));

        DnsRow row = Assert.Single(h.Rows());
        Assert.Equal(1, row.RespHeader.GetProperty("tc").GetInt32());
        Assert.Equal(1, h.Specific("truncated_responses"));
    }

    [Fact]
    public void A_datagram_beyond_the_capture_cap_keeps_its_captured_records()
    {
        using var h = new DnsHarness();
        h.Query(Ask(14, "many.test", A));
        Rr[] answers = [.. Enumerable.Range(1, 40).Select(i => Rr.A("many.test", $"10.0.0.{i}"))];
        byte[] answer = Answer(14, "many.test", A, answers: answers);
        h.FeedTruncatedDatagram(h.ResponseDirection, answer, captured: 200);
        h.Query(Ask(15, "next.test", A));
        h.Response(Answer(15, "next.test", A, answers: [Rr.A("next.test", "9.9.9.9")]));

        List<DnsRow> rows = h.Rows();
        Assert.Equal(2, rows.Count);
        Assert.True(rows[0].RespHeader.GetProperty("capture_truncated").GetBoolean());
        Assert.Equal(40, rows[0].RespHeader.GetProperty("num_answers").GetInt32());
        int kept = rows[0].Answers.Length;
        Assert.InRange(kept, 5, 39);
        Assert.Equal(Enumerable.Range(1, kept).Select(i => $"A:10.0.0.{i}"), rows[0].AnswerTexts);
        Assert.Equal("A:9.9.9.9", rows[1].AnswerTexts.Single());
        Assert.Equal(1, h.Specific("capture_truncated_messages"));
        Assert.Equal(0, h.Dns.ParseErrors);
        Assert.Equal(0, h.Dns.Resyncs);
    }

    [Fact]
    public void A_datagram_cut_short_by_its_sender_is_recorded_as_malformed()
    {
        using var h = new DnsHarness();
        h.Query(Ask(16, "short.test", A));
        byte[] answer = Answer(16, "short.test", A, answers: [Rr.A("short.test", "1.2.3.4"), Rr.A("short.test", "5.6.7.8")]);
        h.Response(answer.AsSpan(0, answer.Length - 6));
        h.Query(Ask(17, "after.test", A));
        h.Response(Answer(17, "after.test", A));

        List<DnsRow> rows = h.Rows();
        Assert.Equal(["short.test", "after.test"], rows.Select(r => r.Name));
        Assert.True(rows[0].RespHeader.GetProperty("malformed").GetBoolean());
        Assert.Equal(["A:1.2.3.4"], rows[0].AnswerTexts);
        Assert.Equal(1, h.Specific("malformed_messages"));
    }

    [Fact]
    public void A_datagram_that_is_not_DNS_is_a_parse_error_and_the_next_one_parses()
    {
        using var h = new DnsHarness();
        h.Query(Ask(18, "a.test", A));
        h.Response("\x01\x02\x03"u8);
        h.Response(Answer(18, "a.test", A, answers: [Rr.A("a.test", "1.2.3.4")]));

        Assert.Single(h.Rows());
        Assert.Equal(1, h.Dns.ParseErrors);
    }

    [Fact]
    public void Every_record_type_is_described()
    {
        using var h = new DnsHarness();
        h.Query(Ask(20, "www.example.test", A));
        h.Response(Answer(20, "www.example.test", A, answers:
        [
            Rr.Cname("www.example.test", "web.example.test"),
            Rr.A("web.example.test", "10.1.2.3"),
            Rr.Aaaa("web.example.test", "2001:db8::1"),
            Rr.Aaaa("web.example.test", "::ffff:10.1.2.3"),
            Rr.Srv("_http._tcp.example.test", 10, 20, 8080, "web.example.test"),
            Rr.Txt("txt.example.test", "hello world", "v=spf1 -all", "quote\" back\\slash \u0001"),
            Rr.Ptr("3.2.1.10.in-addr.arpa", "web.example.test"),
            Rr.Mx("example.test", 10, "mail.example.test"),
            Rr.Ns("example.test", "ns1.example.test"),
            Rr.Https("example.test", 1, ".", [0, 1, 0, 3, 2, (byte)'h', (byte)'2']),
            Rr.Raw("weird.example.test", 65534, [1, 2, 3]),
            Rr.Raw("sig.example.test", 46, [9, 9]),
        ]));

        DnsRow row = Assert.Single(h.Rows());
        Assert.Equal(
            [
                "CNAME:web.example.test",
                "A:10.1.2.3",
                "AAAA:2001:db8::1",
                "AAAA:::ffff:10.1.2.3",
                "SRV:10 20 8080 web.example.test",
                """TXT:["hello world","v=spf1 -all","quote\" back\\\\slash \\001"]""",
                "PTR:web.example.test",
                "MX:10 mail.example.test",
                "NS:ns1.example.test",
                "HTTPS:1 . 10",
                "TYPE65534:3",
                "RRSIG:2",
            ],
            row.AnswerTexts);
        Assert.Equal("_http._tcp.example.test", row.Answers[4].GetProperty("name").GetString());
    }

    [Fact]
    public void Odd_label_bytes_are_escaped_and_the_root_is_a_dot()
    {
        byte[] query = Ask(21, "a.b", A);
        query[13] = (byte)'.';
        using var h = new DnsHarness();
        h.Query(query);
        h.Response(AnswerTo(query));
        Assert.Equal("\\..b", Assert.Single(h.Rows()).Name);

        using var root = new DnsHarness();
        root.Query(Ask(23, ".", Ns));
        root.Response(Answer(23, ".", Ns, answers: [Rr.Ns(".", "a.root-servers.net")]));
        DnsRow rootRow = Assert.Single(root.Rows());
        Assert.Equal(".", rootRow.Name);
        Assert.Equal(".", rootRow.Answers[0].GetProperty("name").GetString());

        var w = new DnsMessageWriter();
        w.U16(22);
        w.U16(0x0100);
        w.U16(1);
        w.U16(0);
        w.U16(0);
        w.U16(0);
        w.Bytes([3, (byte)'a', 0x20, 0xFF, 1, (byte)'\\', 0]);
        w.U16(A);
        w.U16(1);
        using var h2 = new DnsHarness();
        h2.Query(w.ToArray());
        h2.Response(AnswerTo(w.ToArray()));
        Assert.Equal("a\\032\\255.\\\\", Assert.Single(h2.Rows()).Name);
    }

    [Fact]
    public void A_big_answer_is_bounded_and_says_how_many_records_it_left_out()
    {
        using var h = new DnsHarness(options: new Devtools.Core.Protocols.ProtocolOptions { MaxHeadersJsonBytes = 1024 });
        h.Query(Ask(23, "many.test", Txt));
        h.Response(Answer(23, "many.test", Txt, answers: [.. Enumerable.Range(0, 50).Select(i => Rr.Txt("many.test", new string('x', 200)))]));

        DnsRow row = Assert.Single(h.Rows());
        int kept = row.Answers.Length;
        Assert.InRange(kept, 1, 10);
        Assert.Equal(50 - kept, row.RespBody.GetProperty("omitted").GetInt32());
        Assert.True(row.Event.RespBody.Length < 1024 + 300);
    }

    [Fact]
    public void A_row_costs_no_allocation_once_warm()
    {
        using var h = new DnsHarness();
        byte[][] queries = DnsSamples.Queries;
        byte[][] answers = DnsSamples.Answers;
        void Exchanges()
        {
            for (int round = 0; round < 4; round++)
            {
                foreach (byte[] query in queries)
                    h.Query(query);
                foreach (byte[] answer in answers)
                    h.Response(answer);
            }
        }
        Exchanges();
        Assert.Equal(0, Devtools.Core.Tests.Support.Allocations.OfSteadyState(Exchanges));
        Assert.Equal(0, h.Dns.ParseErrors);
    }

    [Fact]
    public void Without_a_sink_pairs_are_counted()
    {
        using var h = new DnsHarness(withSink: false);
        h.Query(Ask(24, "a.test", A));
        h.Response(Answer(24, "a.test", A));
        Assert.Equal(1, h.Specific("records_without_sink"));
        Assert.Equal(1, h.Dns.Records);
    }

    /// <summary>The query echoed back as an empty NOERROR answer (the question kept byte for byte).</summary>
    private static byte[] AnswerTo(byte[] query)
    {
        byte[] answer = (byte[])query.Clone();
        answer[2] = 0x81;
        answer[3] = 0x80;
        return answer;
    }
}
