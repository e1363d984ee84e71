using Devtools.Core.Connections;

namespace Devtools.Core.Tests.Protocols.Pgsql;

/// <summary>The realistic mix, whole and split every way: the records must not depend on how bytes arrive.</summary>
public class PgsqlMixTests
{
    [Fact]
    public void MixProducesTheExpectedRecords()
    {
        List<PgsqlRow> rows = RunInterleaved(ConnectionRole.Server);
        Assert.Equal(PgsqlSamples.Expected, rows.Select(r => r.Describe()));
    }

    [Fact]
    public void MixCountsWhatIsNotARecord()
    {
        using var harness = new PgsqlHarness();
        harness.Feed(harness.RequestDirection, PgsqlSamples.AllRequests);
        harness.Feed(harness.ResponseDirection, PgsqlSamples.AllResponses);
        harness.Close();
        Assert.Equal(PgsqlSamples.Expected.Length, harness.Pgsql.Records);
        Assert.Equal(0, harness.Pgsql.ParseErrors);
        Assert.Equal(0, harness.Pgsql.UnmatchedRequests);
        Assert.Equal(0, harness.Pgsql.UnmatchedResponses);
        Assert.Equal(0, harness.Pgsql.IncompleteFramesAtClose);
        Assert.Equal(1, harness.Specific("startups"));
        Assert.Equal(0, harness.Specific("encrypted_connections"));
        Assert.Equal(6, harness.Specific("statements_prepared"));
        // The pipeline's second statement (Parse, Bind, Execute) and the Execute after the failed Bind.
        Assert.Equal(4, harness.Specific("discarded_after_error"));
        Assert.Equal(0, harness.Specific("unexpected_responses"));
        Assert.Equal(0, harness.Specific("unanswered_requests"));
    }

    [Fact]
    public void PipelinedMixMatchesInterleavedMix()
    {
        using var harness = new PgsqlHarness();
        harness.Feed(harness.RequestDirection, PgsqlSamples.AllRequests);
        harness.Feed(harness.ResponseDirection, PgsqlSamples.AllResponses);
        harness.Close();
        Assert.Equal(PgsqlSamples.Expected, harness.Rows.Select(r => r.Describe()));
    }

    [Fact]
    public void RequestsSplitAtEveryOffsetGiveTheSameRecords()
    {
        byte[] requests = PgsqlSamples.AllRequests;
        for (int split = 1; split < requests.Length; split++)
        {
            using var harness = new PgsqlHarness();
            harness.Feed(harness.RequestDirection, requests.AsSpan(0, split));
            harness.Feed(harness.RequestDirection, requests.AsSpan(split));
            harness.Feed(harness.ResponseDirection, PgsqlSamples.AllResponses);
            harness.Close();
            Assert.True(PgsqlSamples.Expected.SequenceEqual(harness.Rows.Select(r => r.Describe())), $"requests split at {split}");
            Assert.Equal(0, harness.Pgsql.ParseErrors);
        }
    }

    [Fact]
    public void ResponsesSplitAtEveryOffsetGiveTheSameRecords()
    {
        byte[] responses = PgsqlSamples.AllResponses;
        for (int split = 1; split < responses.Length; split++)
        {
            using var harness = new PgsqlHarness();
            harness.Feed(harness.RequestDirection, PgsqlSamples.AllRequests);
            harness.Feed(harness.ResponseDirection, responses.AsSpan(0, split));
            harness.Feed(harness.ResponseDirection, responses.AsSpan(split));
            harness.Close();
            Assert.True(PgsqlSamples.Expected.SequenceEqual(harness.Rows.Select(r => r.Describe())), $"responses split at {split}");
            Assert.Equal(0, harness.Pgsql.ParseErrors);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(64)]
    public void MixInSmallPiecesGivesTheSameRecords(int pieceSize)
    {
        using var harness = new PgsqlHarness();
        harness.FeedInPieces(harness.RequestDirection, PgsqlSamples.AllRequests, pieceSize);
        harness.FeedInPieces(harness.ResponseDirection, PgsqlSamples.AllResponses, pieceSize);
        harness.Close();
        Assert.Equal(PgsqlSamples.Expected, harness.Rows.Select(r => r.Describe()));
        Assert.Equal(0, harness.Pgsql.ParseErrors);
    }

    [Fact]
    public void EachExchangeInOneBytePiecesInterleavedGivesTheSameRecords()
    {
        using var harness = new PgsqlHarness();
        foreach ((byte[] request, byte[] response) in PgsqlSamples.Exchanges)
        {
            harness.FeedInPieces(harness.RequestDirection, request, 1);
            harness.FeedInPieces(harness.ResponseDirection, response, 1);
        }
        harness.Close();
        Assert.Equal(PgsqlSamples.Expected, harness.Rows.Select(r => r.Describe()));
    }

    [Theory]
    [InlineData(ConnectionRole.Server)]
    [InlineData(ConnectionRole.Client)]
    public void BothRolesSeeTheSameRecords(ConnectionRole role)
    {
        Assert.Equal(PgsqlSamples.Expected, RunInterleaved(role).Select(r => r.Describe()));
    }

    [Fact]
    public void LatencyRunsFromRequestStartToAnswerEnd()
    {
        using var harness = new PgsqlHarness();
        harness.RequestAt(10_000, PgWire.Query("SELECT pg_sleep(1)"));
        harness.ResponseAt(50_000, PgWire.RowDescription("pg_sleep"), PgWire.DataRow(""));
        harness.ResponseAt(60_000, PgWire.CommandComplete("SELECT 1"));
        harness.ResponseAt(75_500, PgWire.Ready());
        PgsqlRow row = Assert.Single(harness.Rows);
        Assert.Equal(10_000, row.RequestStartNs);
        Assert.Equal(75_500, row.ResponseEndNs);
        Assert.Equal(65_500, row.LatencyNs);
    }

    [Fact]
    public void PipelinedExecutesEachGetTheirOwnLatency()
    {
        using var harness = new PgsqlHarness();
        harness.RequestAt(10_000, PgWire.Parse("", "SELECT 1"), PgWire.BindText("", ""), PgWire.Execute(), PgWire.Parse("", "SELECT 2"), PgWire.BindText("", ""), PgWire.Execute(), PgWire.Sync());
        harness.ResponseAt(20_000, PgWire.ParseComplete(), PgWire.BindComplete(), PgWire.DataRow("1"), PgWire.CommandComplete("SELECT 1"));
        harness.ResponseAt(30_000, PgWire.ParseComplete(), PgWire.BindComplete(), PgWire.DataRow("2"), PgWire.CommandComplete("SELECT 1"), PgWire.Ready());
        Assert.Equal([10_000L, 20_000L], harness.Rows.Select(r => r.LatencyNs));
        Assert.Equal(["SELECT 1", "SELECT 2"], harness.Rows.Select(r => r.Request));
    }

    private static List<PgsqlRow> RunInterleaved(ConnectionRole role)
    {
        using var harness = new PgsqlHarness(role);
        foreach ((byte[] request, byte[] response) in PgsqlSamples.Exchanges)
        {
            harness.Request(request);
            if (response.Length > 0)
                harness.Response(response);
        }
        harness.Close();
        return harness.Rows;
    }
}
