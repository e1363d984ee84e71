using Devtools.Core.Connections;
using Devtools.Core.Protocols.Mysql;

namespace Devtools.Core.Tests.Protocols.Mysql;

/// <summary>The realistic conversation, whole and split every way: the records must not depend on how bytes arrive.</summary>
public class MysqlMixTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ConversationGivesOneRecordPerCommand(bool deprecateEof)
    {
        using var harness = new MysqlHarness();
        FeedInterleaved(harness, MysqlSamples.Conversation(deprecateEof));
        harness.Close();

        Assert.Equal(MysqlSamples.Expected, harness.Records.Select(r => r.Describe()));
        Assert.Equal(0, harness.Mysql.ParseErrors);
        Assert.Equal(0, harness.Mysql.UnmatchedRequests);
        Assert.Equal(0, harness.Mysql.UnmatchedResponses);
        Assert.Equal(0, harness.Mysql.IncompleteFramesAtClose);
        Assert.Equal(1, harness.Specific("handshakes"));
        Assert.Equal(3, harness.Specific("handshake_packets"));
        Assert.Equal(MysqlSamples.Expected.Length, harness.Mysql.Records);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ConnectionJoinedLateLearnsTheEofStyleFromThePackets(bool deprecateEof)
    {
        using var harness = new MysqlHarness();
        FeedInterleaved(harness, MysqlSamples.Conversation(deprecateEof, withHandshake: false));
        harness.Close();
        Assert.Equal(MysqlSamples.Expected, harness.Records.Select(r => r.Describe()));
        Assert.Equal(0, harness.Mysql.ParseErrors);
        Assert.Equal(0, harness.Specific("handshakes"));
    }

    [Fact]
    public void PreparedStatementWithoutColumnsEndsAtTheNextResponseWhileTheEofStyleIsUnknown()
    {
        using var harness = new MysqlHarness();
        harness.Request(MysqlBytes.Command(MysqlCommand.StmtPrepare, "INSERT INTO t VALUES (?)"));
        harness.Response(MysqlBytes.PrepareOk(1, 3, columns: 0, parameters: 1, deprecateEof: true));
        // Nothing tells yet whether an EOF follows the definition.
        Assert.Empty(harness.Records);
        harness.Request(MysqlBytes.Command(MysqlCommand.Ping));
        harness.Response(MysqlBytes.Ok(1));
        Assert.Equal(
            ["COM_STMT_PREPARE [INSERT INTO t VALUES (?)] -> Ok [OK: statement 3, 1 params, 0 columns]", "COM_PING [] -> Ok [OK: affected 0 rows, last insert id 0]"],
            harness.Records.Select(r => r.Describe()));
        Assert.Equal(0, harness.Mysql.ParseErrors);
    }

    [Fact]
    public void PreparedStatementDefinitionsAtTheCloseComplete()
    {
        using var harness = new MysqlHarness();
        harness.Request(MysqlBytes.Command(MysqlCommand.StmtPrepare, "INSERT INTO t VALUES (?)"));
        harness.Response(MysqlBytes.PrepareOk(1, 3, columns: 0, parameters: 1, deprecateEof: true));
        harness.Close();
        Assert.Single(harness.Records);
        Assert.Equal(0, harness.Mysql.IncompleteFramesAtClose);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void EachMessageSplitAtEveryOffsetGivesTheSameRecords(bool deprecateEof)
    {
        (byte[] Request, byte[] Response)[] conversation = MysqlSamples.Conversation(deprecateEof);
        for (int message = 0; message < conversation.Length * 2; message++)
        {
            byte[] bytes = message % 2 == 0 ? conversation[message / 2].Request : conversation[message / 2].Response;
            for (int split = 1; split < bytes.Length; split++)
            {
                using var harness = new MysqlHarness();
                for (int i = 0; i < conversation.Length; i++)
                {
                    harness.FeedSplit(harness.RequestDirection, conversation[i].Request, i * 2 == message ? split : 0);
                    harness.FeedSplit(harness.ResponseDirection, conversation[i].Response, (i * 2) + 1 == message ? split : 0);
                }
                harness.Close();
                Assert.True(
                    MysqlSamples.Expected.SequenceEqual(harness.Records.Select(r => r.Describe())),
                    $"message {message} split at {split}:\n{string.Join("\n", harness.Records.Select(r => r.Describe()))}");
                Assert.Equal(0, harness.Mysql.ParseErrors);
            }
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(64)]
    public void ConversationInSmallPiecesGivesTheSameRecords(int pieceSize)
    {
        using var harness = new MysqlHarness();
        foreach ((byte[] request, byte[] response) in MysqlSamples.Conversation(deprecateEof: true))
        {
            harness.FeedInPieces(harness.RequestDirection, request, pieceSize);
            harness.FeedInPieces(harness.ResponseDirection, response, pieceSize);
        }
        harness.Close();
        Assert.Equal(MysqlSamples.Expected, harness.Records.Select(r => r.Describe()));
        Assert.Equal(0, harness.Mysql.ParseErrors);
    }

    [Fact]
    public void AllResponsesOfAnExchangeInOneEventWithItsNextRequest()
    {
        // Responses arriving late, several at once, still pair in order.
        using var harness = new MysqlHarness();
        (byte[] Request, byte[] Response)[] conversation = MysqlSamples.Conversation(deprecateEof: false);
        harness.Response(conversation[0].Response);
        harness.Request(conversation[1].Request);
        harness.Response(conversation[1].Response);
        for (int i = 2; i < 7; i++)
            harness.Request(conversation[i].Request);
        harness.Response(MysqlBytes.Concat([.. conversation[2..7].Select(e => e.Response)]));
        harness.Close();
        Assert.Equal(MysqlSamples.Expected[..5], harness.Records.Select(r => r.Describe()));
    }

    [Theory]
    [InlineData(ConnectionRole.Server)]
    [InlineData(ConnectionRole.Client)]
    public void BothRolesSeeTheSameCommands(ConnectionRole role)
    {
        using var harness = new MysqlHarness(role);
        Assert.Equal(role == ConnectionRole.Server ? Direction.Ingress : Direction.Egress, harness.RequestDirection);
        FeedInterleaved(harness, MysqlSamples.Conversation(deprecateEof: true));
        harness.Close();
        Assert.Equal(MysqlSamples.Expected, harness.Records.Select(r => r.Describe()));
        Assert.All(harness.Records, r => Assert.Equal(role, r.Connection.Role));
    }

    [Fact]
    public void LatencyRunsFromCommandStartToResponseEnd()
    {
        using var harness = new MysqlHarness();
        byte[] query = MysqlBytes.TextQuery("SELECT id FROM t");
        harness.Request(query.AsSpan(0, 6), timestampNs: 10_000);
        harness.Request(query.AsSpan(6), timestampNs: 11_000);
        byte[] result = MysqlBytes.ResultSet(1, ["id"], [["1"], ["2"]], deprecateEof: true);
        harness.Response(result.AsSpan(0, 20), timestampNs: 50_000);
        harness.Response(result.AsSpan(20), timestampNs: 75_500);
        harness.Request(MysqlBytes.StatementCommand(MysqlCommand.StmtClose, 4), timestampNs: 90_000);

        Assert.Equal(2, harness.Records.Count);
        MysqlRow select = harness.Records[0];
        Assert.Equal(10_000, select.RequestStartNs);
        Assert.Equal(75_500, select.ResponseEndNs);
        Assert.Equal(65_500, select.LatencyNs);
        MysqlRow close = harness.Records[1];
        Assert.Equal(MysqlResponseStatus.None, close.Status);
        Assert.Equal(0, close.LatencyNs);
        Assert.Equal(90_000, close.ResponseEndNs);
    }

    [Fact]
    public void RecordsWithoutSinkAreCounted()
    {
        using var harness = new MysqlHarness(withSink: false);
        FeedInterleaved(harness, MysqlSamples.Conversation(deprecateEof: true));
        harness.Close();
        Assert.Equal(MysqlSamples.Expected.Length, harness.Specific("records_without_sink"));
    }

    internal static void FeedInterleaved(MysqlHarness harness, (byte[] Request, byte[] Response)[] conversation)
    {
        foreach ((byte[] request, byte[] response) in conversation)
        {
            if (request.Length > 0)
                harness.Request(request);
            if (response.Length > 0)
                harness.Response(response);
        }
    }
}
