using Devtools.Core.Connections;
using static Devtools.Core.Tests.Protocols.Dns.DnsMessages;

namespace Devtools.Core.Tests.Protocols.Dns;

/// <summary>
/// Hostile and broken input: nothing may escape as an exception, memory stays under the
/// stream cap, every row is valid JSON, and flows keep pairing what is valid.
/// </summary>
public sealed class DnsHostileTests
{
    private static readonly DataStreamOptions SmallStreams = new() { MaxBufferBytes = 16 * 1024 };

    [Fact]
    public void Random_datagrams_are_parse_errors_and_valid_ones_still_pair()
    {
        var random = new Random(42);
        using var h = new DnsHarness(streamOptions: SmallStreams);
        for (int i = 0; i < 2000; i++)
        {
            byte[] junk = new byte[random.Next(0, 600)];
            random.NextBytes(junk);
            h.Feed(random.Next(2) == 0 ? h.RequestDirection : h.ResponseDirection, junk);
            AssertBounded(h);
        }
        h.Query(Ask(77, "after.junk", A));
        h.Response(Answer(77, "after.junk", A, answers: [Rr.A("after.junk", "1.2.3.4")]));
        Assert.Contains(h.Rows(), r => r.Name == "after.junk" && r.AnswerTexts.SequenceEqual(["A:1.2.3.4"]));
        h.Close();
    }

    [Fact]
    public void Mutated_messages_never_throw_and_rows_stay_valid_json()
    {
        var random = new Random(7);
        foreach (bool tcp in new[] { false, true })
        {
            using var h = new DnsHarness(tcp: tcp, streamOptions: SmallStreams);
            for (int round = 0; round < 400; round++)
            {
                int i = random.Next(DnsSamples.Queries.Length);
                byte[] query = Mutate(DnsSamples.Queries[i], random);
                byte[] answer = Mutate(DnsSamples.Answers.First(a => a[1] == DnsSamples.Queries[i][1]), random);
                h.Query(tcp ? Tcp(query) : query);
                h.Response(tcp ? Tcp(answer) : answer);
                AssertBounded(h);
            }
            h.Close();
            // DnsRow parses every JSON column: invalid JSON would throw here.
            Assert.NotEmpty(h.Rows());
        }
    }

    [Fact]
    public void Random_tcp_bytes_in_random_pieces_stay_bounded_and_resync()
    {
        var random = new Random(99);
        using var h = new DnsHarness(tcp: true, streamOptions: SmallStreams);
        for (int i = 0; i < 300; i++)
        {
            byte[] junk = new byte[random.Next(1, 300)];
            random.NextBytes(junk);
            h.Feed(h.ResponseDirection, junk);
            AssertBounded(h);
        }
        h.Hole(h.RequestDirection, 10);
        h.Hole(h.ResponseDirection, 10);
        h.Query(Tcp(Ask(5, "fine.test", A)));
        h.Response(Tcp(Answer(5, "fine.test", A, answers: [Rr.A("fine.test", "5.5.5.5")])));
        Assert.Contains(h.Rows(), r => r.Name == "fine.test");
    }

    [Fact]
    public void Absurd_counts_and_lengths_are_bounded_by_the_bytes()
    {
        using var h = new DnsHarness();
        byte[] query = Ask(1, "a.test", A);
        h.Query(query);
        byte[] answer = Answer(1, "a.test", A, answers: [Rr.A("a.test", "1.2.3.4")]);
        answer[6] = 0xFF;
        answer[7] = 0xFF;
        answer[8] = 0xFF;
        answer[9] = 0xFF;
        h.Response(answer);
        h.Close();
        DnsRow row = Assert.Single(h.Rows());
        Assert.Equal(65535, row.RespHeader.GetProperty("num_answers").GetInt32());
        Assert.Equal(["A:1.2.3.4"], row.AnswerTexts);
        Assert.True(row.RespHeader.GetProperty("malformed").GetBoolean());
    }

    [Fact]
    public void Tcp_length_of_65535_with_few_bytes_waits_within_bounds()
    {
        using var h = new DnsHarness(tcp: true);
        h.Query([0xFF, 0xFF, .. Ask(1, "x.test", A)]);
        AssertBounded(h);
        h.Close();
        Assert.Equal(1, h.Dns.IncompleteFramesAtClose);
    }

    [Fact]
    public void Compression_loops_and_forward_pointers_in_answers_are_marked_malformed()
    {
        using var h = new DnsHarness();
        h.Query(Ask(3, "loop.test", A));
        var w = new DnsMessageWriter();
        w.U16(3);
        w.U16(0x8180);
        w.U16(1);
        w.U16(3);
        w.U16(0);
        w.U16(0);
        w.Name("loop.test");
        w.U16(A);
        w.U16(1);
        // Owner pointing at itself.
        int self = w.Length;
        w.U16((ushort)(0xC000 | self));
        w.U16(A);
        w.U16(1);
        w.U32(60);
        w.U16(4);
        w.Bytes([1, 1, 1, 1]);
        // CNAME whose target points forward, past itself.
        w.U16(0xC00C);
        w.U16(5);
        w.U16(1);
        w.U32(60);
        w.U16(2);
        w.U16((ushort)(0xC000 | (w.Length + 20)));
        // A fine record after them.
        w.U16(0xC00C);
        w.U16(A);
        w.U16(1);
        w.U32(60);
        w.U16(4);
        w.Bytes([2, 2, 2, 2]);
        h.Response(w.ToArray());

        DnsRow row = Assert.Single(h.Rows());
        Assert.Equal(3, row.Answers.Length);
        Assert.True(row.Answers[0].GetProperty("malformed").GetBoolean());
        Assert.True(row.Answers[1].GetProperty("malformed").GetBoolean());
        Assert.Equal("A:2.2.2.2", DnsRow.DescribeRecord(row.Answers[2]));
    }

    [Fact]
    public void Hostile_tcp_stream_split_at_every_offset_never_throws()
    {
        var random = new Random(3);
        byte[] valid = [.. Tcp(Ask(1, "a.test", A)), .. Tcp(Ask(2, "b.test", Aaaa))];
        byte[] junk = new byte[40];
        random.NextBytes(junk);
        byte[] stream = [.. valid, .. junk, .. valid];
        for (int split = 1; split < stream.Length; split++)
        {
            using var h = new DnsHarness(tcp: true, streamOptions: SmallStreams);
            h.Feed(h.RequestDirection, stream.AsSpan(0, split));
            h.Feed(h.RequestDirection, stream.AsSpan(split));
            AssertBounded(h);
            h.Close();
            Assert.InRange(h.Dns.RequestFrames, 2, 4);
        }
    }

    private static byte[] Mutate(byte[] message, Random random)
    {
        byte[] copy = (byte[])message.Clone();
        switch (random.Next(4))
        {
            case 0:
                for (int i = 0; i < 3; i++)
                    copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8));
                return copy;
            case 1:
                return copy[..random.Next(copy.Length)];
            case 2:
                copy[random.Next(12, copy.Length)] = 0xC0;
                return copy;
            default:
                return copy;
        }
    }

    private static void AssertBounded(DnsHarness h)
    {
        Assert.True(h.Connection.Egress.BufferedBytes <= h.StreamOptions.MaxBufferBytes);
        Assert.True(h.Connection.Ingress.BufferedBytes <= h.StreamOptions.MaxBufferBytes);
    }
}
