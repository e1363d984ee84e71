using Devtools.Core.Connections;
using static Devtools.Core.Tests.Protocols.Dns.DnsMessages;

namespace Devtools.Core.Tests.Protocols.Dns;

/// <summary>DNS over TCP through the real driver: length-prefixed messages, pipelined and answered out of order.</summary>
public sealed class DnsStreamTests
{
    [Fact]
    public void Pipelined_queries_answered_out_of_order_pair_by_id()
    {
        using var h = new DnsHarness(tcp: true);
        h.Query(DnsSamples.TcpQueries);
        h.Response(DnsSamples.TcpAnswers);
        h.Close();

        Assert.Equal(DnsSamples.Expected, h.Rows().Select(DnsSamples.Summary));
        Assert.Equal(0, h.Dns.ParseErrors);
        Assert.Equal(0, h.Dns.UnmatchedRequests + h.Dns.UnmatchedResponses);
    }

    [Fact]
    public void The_mix_split_at_every_offset_gives_the_same_rows()
    {
        byte[] queries = DnsSamples.TcpQueries;
        byte[] answers = DnsSamples.TcpAnswers;
        for (int split = 1; split < Math.Max(queries.Length, answers.Length); split++)
        {
            using var h = new DnsHarness(tcp: true);
            FeedSplit(h, h.RequestDirection, queries, split);
            FeedSplit(h, h.ResponseDirection, answers, split);
            h.Close();
            Assert.True(DnsSamples.Expected.SequenceEqual(h.Rows().Select(DnsSamples.Summary)), $"split at {split}");
            Assert.Equal(0, h.Dns.ParseErrors);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(13)]
    public void The_mix_in_small_pieces_gives_the_same_rows(int pieceSize)
    {
        using var h = new DnsHarness(tcp: true);
        h.FeedInPieces(h.RequestDirection, DnsSamples.TcpQueries, pieceSize);
        h.FeedInPieces(h.ResponseDirection, DnsSamples.TcpAnswers, pieceSize);
        h.Close();
        Assert.Equal(DnsSamples.Expected, h.Rows().Select(DnsSamples.Summary));
        Assert.Equal(0, h.Dns.ParseErrors);
    }

    [Fact]
    public void Each_exchange_in_one_byte_pieces_interleaved_gives_the_same_rows()
    {
        using var h = new DnsHarness(tcp: true);
        foreach (byte[] query in DnsSamples.Queries)
            h.FeedInPieces(h.RequestDirection, Tcp(query), 1);
        foreach (byte[] answer in DnsSamples.Answers)
            h.FeedInPieces(h.ResponseDirection, Tcp(answer), 1);
        Assert.Equal(DnsSamples.Expected, h.Rows().Select(DnsSamples.Summary));
    }

    [Fact]
    public void A_zone_transfer_answered_in_several_messages_is_one_row_and_does_not_desync()
    {
        using var h = new DnsHarness(tcp: true);
        h.Query(Tcp(Ask(0x7001, "example.test", Axfr)));
        Rr soa = Rr.Soa("example.test", "ns.example.test", "hostmaster.example.test", 42);
        h.Response(Tcp(Answer(0x7001, "example.test", Axfr, answers: [soa, Rr.Ns("example.test", "ns.example.test")], authoritative: true)));
        h.Response(Tcp(Answer(0x7001, "example.test", Axfr, answers: [.. Enumerable.Range(1, 30).Select(i => Rr.A($"h{i}.example.test", $"10.0.1.{i}"))], authoritative: true, withQuestion: false)));
        h.Response(Tcp(Answer(0x7001, "example.test", Axfr, answers: [soa], authoritative: true, withQuestion: false)));
        h.Query(Tcp(Ask(0x7002, "after.example.test", A)));
        h.Response(Tcp(Answer(0x7002, "after.example.test", A, answers: [Rr.A("after.example.test", "10.9.9.9")])));
        h.Close();

        List<DnsRow> rows = h.Rows();
        Assert.Equal(["example.test AXFR", "after.example.test A"], rows.Select(r => $"{r.Name} {r.Type}"));
        Assert.Equal(2, h.Specific("continuation_responses"));
        Assert.Equal(0, h.Dns.ParseErrors);
        Assert.Equal(0, h.Dns.UnmatchedResponses);
    }

    [Fact]
    public void A_hole_inside_a_message_is_stepped_over_and_the_next_message_parses()
    {
        using var h = new DnsHarness(tcp: true);
        h.Query(Tcp(Ask(1, "many.test", A)));
        h.Query(Tcp(Ask(2, "next.test", A)));
        byte[] big = Tcp(Answer(1, "many.test", A, answers: [.. Enumerable.Range(1, 20).Select(i => Rr.A("many.test", $"10.0.0.{i}"))]));
        h.Response(big.AsSpan(0, 100));
        h.Hole(h.ResponseDirection, 50, HoleKind.Lost);
        h.Response(big.AsSpan(150));
        h.Response(Tcp(Answer(2, "next.test", A, answers: [Rr.A("next.test", "9.9.9.9")])));

        List<DnsRow> rows = h.Rows();
        Assert.Equal(["many.test", "next.test"], rows.Select(r => r.Name));
        Assert.True(rows[0].RespHeader.GetProperty("capture_truncated").GetBoolean());
        Assert.InRange(rows[0].Answers.Length, 3, 6);
        Assert.Equal("A:9.9.9.9", rows[1].AnswerTexts.Single());
        Assert.Equal(0, h.Dns.ParseErrors);
        Assert.Equal(0, h.Dns.Resyncs);
        Assert.Equal(50, h.Dns.AbsorbedHoleBytes);
    }

    [Fact]
    public void A_message_beyond_what_a_record_keeps_is_cut_and_the_next_one_parses()
    {
        using var h = new DnsHarness(tcp: true);
        h.Query(Tcp(Ask(0x7001, "example.test", Axfr)));
        h.Query(Tcp(Ask(0x7002, "after.test", A)));
        Rr[] many = [.. Enumerable.Range(0, 2000).Select(i => Rr.A($"h{i}.example.test", $"10.0.{i / 250}.{i % 250}"))];
        byte[] huge = Tcp(Answer(0x7001, "example.test", Axfr, answers: many));
        Assert.True(huge.Length > 40_000);
        h.FeedInPieces(h.ResponseDirection, huge, 7000);
        h.Response(Tcp(Answer(0x7002, "after.test", A, answers: [Rr.A("after.test", "1.2.3.4")])));

        List<DnsRow> rows = h.Rows();
        Assert.Equal(["example.test", "after.test"], rows.Select(r => r.Name));
        Assert.True(rows[0].RespHeader.GetProperty("capture_truncated").GetBoolean());
        Assert.Equal(2000, rows[0].RespHeader.GetProperty("num_answers").GetInt32());
        Assert.True(rows[0].RespBody.GetProperty("omitted").GetInt32() > 0);
        Assert.Equal(0, h.Dns.ParseErrors);
        Assert.Equal(0, h.Specific("malformed_messages"));
    }

    [Fact]
    public void Lost_bytes_at_a_message_start_resynchronise_at_the_next_message()
    {
        using var h = new DnsHarness(tcp: true);
        h.Query(Tcp(Ask(1, "lost.test", A)));
        h.Query(Tcp(Ask(2, "kept.test", A)));
        byte[] first = Tcp(Answer(1, "lost.test", A, answers: [Rr.A("lost.test", "1.1.1.1")]));
        h.Hole(h.ResponseDirection, 1, HoleKind.Lost);
        h.Response(first.AsSpan(1));
        h.Response(Tcp(Answer(2, "kept.test", A, answers: [Rr.A("kept.test", "2.2.2.2")])));
        h.Close();

        Assert.Equal(["kept.test"], h.Rows().Select(r => r.Name));
        Assert.Equal(1, h.Dns.Resyncs);
        Assert.Equal(1, h.Dns.UnmatchedRequests);
    }

    [Fact]
    public void A_length_too_short_for_a_header_is_a_parse_error()
    {
        using var h = new DnsHarness(tcp: true);
        h.Query([0, 3, 1, 2, 3]);
        h.Query(Tcp(Ask(9, "fine.test", A)));
        h.Response(Tcp(Answer(9, "fine.test", A)));
        Assert.Single(h.Rows());
        Assert.Equal(1, h.Dns.ParseErrors);
    }

    private static void FeedSplit(DnsHarness h, Direction direction, byte[] bytes, int split)
    {
        if (split >= bytes.Length)
        {
            h.Feed(direction, bytes);
            return;
        }
        h.Feed(direction, bytes.AsSpan(0, split));
        h.Feed(direction, bytes.AsSpan(split));
    }
}
