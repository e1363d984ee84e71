using static Devtools.Core.Tests.Protocols.Dns.DnsMessages;

namespace Devtools.Core.Tests.Protocols.Dns;

/// <summary>The realistic mix over UDP and TCP, in every arrival pattern: the rows must not depend on it.</summary>
public sealed class DnsMixTests
{
    [Fact]
    public void Udp_mix_all_queries_first_pairs_every_answer()
    {
        using var h = new DnsHarness(role: Devtools.Core.Connections.ConnectionRole.Client);
        foreach (byte[] query in DnsSamples.Queries)
            h.Query(query);
        foreach (byte[] answer in DnsSamples.Answers)
            h.Response(answer);
        h.Close();

        Assert.Equal(DnsSamples.Expected, h.Rows().Select(DnsSamples.Summary));
        Assert.Equal(8, h.Dns.RequestFrames);
        Assert.Equal(8, h.Dns.ResponseFrames);
        Assert.Equal(0, h.Dns.ParseErrors + h.Dns.UnmatchedRequests + h.Dns.UnmatchedResponses);
    }

    [Fact]
    public void Udp_mix_in_any_answer_order_gives_the_same_rows()
    {
        string[] expected = [.. DnsSamples.Expected.Order()];
        var random = new Random(1234);
        for (int run = 0; run < 50; run++)
        {
            using var h = new DnsHarness();
            int[] order = [.. Enumerable.Range(0, DnsSamples.Answers.Length).OrderBy(_ => random.Next())];
            int nextQuery = 0;
            foreach (int i in order)
            {
                // Every query goes out before its answer comes back; others may be in flight.
                int txid = DnsSamples.Answers[i][1];
                while (nextQuery < DnsSamples.Queries.Length && DnsSamples.Queries[nextQuery - 0][1] <= txid)
                    h.Query(DnsSamples.Queries[nextQuery++]);
                h.Response(DnsSamples.Answers[i]);
            }
            while (nextQuery < DnsSamples.Queries.Length)
                h.Query(DnsSamples.Queries[nextQuery++]);
            h.Close();
            Assert.Equal(expected, h.Rows().Select(DnsSamples.Summary).Order());
            Assert.Equal(0, h.Dns.UnmatchedRequests + h.Dns.UnmatchedResponses);
        }
    }

    [Fact]
    public void Tcp_and_udp_give_the_same_rows()
    {
        using var udp = new DnsHarness();
        using var tcp = new DnsHarness(tcp: true);
        foreach (byte[] query in DnsSamples.Queries)
        {
            udp.Query(query);
            tcp.Query(Tcp(query));
        }
        foreach (byte[] answer in DnsSamples.Answers)
        {
            udp.Response(answer);
            tcp.Response(Tcp(answer));
        }
        Assert.Equal(udp.Rows().Select(r => r.Describe()), tcp.Rows().Select(r => r.Describe()));
    }
}
