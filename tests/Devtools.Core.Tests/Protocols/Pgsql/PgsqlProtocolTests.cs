using System.Text;
using Devtools.Core.Connections;
using static Devtools.Core.Tests.Protocols.Pgsql.PgWire;

namespace Devtools.Core.Tests.Protocols.Pgsql;

/// <summary>Protocol behaviours one at a time: handshakes, prepared statements, parameters, errors, COPY, large results.</summary>
public class PgsqlProtocolTests
{
    private static readonly byte[] ClientHello = [0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, 0xfc, 0x03, 0x03];

    [Fact]
    public void AcceptedSslRequestEndsParsingAndIsCounted()
    {
        using var harness = new PgsqlHarness();
        harness.Request(SslRequest());
        harness.Response([(byte)'S']);
        harness.Request(ClientHello, PgWire.Query("SELECT 1"));
        harness.Response([0x16, 0x03, 0x03, 0x00, 0x40], RowDescription("x"), Ready());
        harness.Close();
        Assert.Empty(harness.Rows);
        Assert.Equal(1, harness.Specific("encrypted_connections"));
        Assert.True(harness.Specific("encrypted_bytes") > 20);
        Assert.Equal(0, harness.Pgsql.ParseErrors);
    }

    [Fact]
    public void TlsClientHelloBeforeTheAnswerIsParsedAlsoEndsParsing()
    {
        using var harness = new PgsqlHarness();
        harness.Request(SslRequest());
        harness.Request(ClientHello);
        harness.Response([(byte)'S', 0x16, 0x03, 0x03]);
        Assert.Equal(1, harness.Specific("encrypted_connections"));
        Assert.Equal(0, harness.Pgsql.ParseErrors);
    }

    [Fact]
    public void AcceptedGssEncRequestEndsParsing()
    {
        using var harness = new PgsqlHarness();
        harness.Request(GssEncRequest());
        harness.Response([(byte)'G']);
        harness.Request([0, 0, 0, 40, 1, 2, 3, 4]);
        harness.Response([0, 0, 0, 40, 5, 6]);
        Assert.Equal(1, harness.Specific("encrypted_connections"));
        Assert.Equal(0, harness.Pgsql.ParseErrors);
    }

    [Fact]
    public void RefusedGssThenRefusedSslThenPlaintext()
    {
        using var harness = new PgsqlHarness();
        harness.Request(GssEncRequest());
        harness.Response(SslRefused());
        harness.Request(SslRequest());
        harness.Response(SslRefused());
        harness.Request(Startup());
        harness.Response(AuthOk(), ParameterStatus("a", "b"), BackendKeyData(), Ready());
        harness.Request(PgWire.Query("SELECT 1"));
        harness.Response(CommandComplete("SELECT 1"), Ready());
        Assert.Equal("Query [SELECT 1] -> [SELECT 1]", Assert.Single(harness.Rows).Describe());
        Assert.Equal(0, harness.Specific("encrypted_connections"));
        Assert.Equal(0, harness.Pgsql.ParseErrors);
    }

    [Fact]
    public void FailedAuthenticationIsCountedNotRecorded()
    {
        using var harness = new PgsqlHarness();
        harness.Request(Startup());
        harness.Response(Msg('R', Concat(Int32(5), [1, 2, 3, 4])));
        harness.Request(Password("md5abc"));
        harness.Response(Error("28P01", "password authentication failed for user \"app\"", "FATAL"));
        harness.Close();
        Assert.Empty(harness.Rows);
        Assert.Equal(1, harness.Specific("startup_errors"));
        Assert.Equal(0, harness.Pgsql.UnmatchedResponses);
    }

    [Fact]
    public void CancelRequestIsCounted()
    {
        using var harness = new PgsqlHarness();
        harness.Request(CancelRequest());
        harness.Close();
        Assert.Equal(1, harness.Specific("cancel_requests"));
        Assert.Empty(harness.Rows);
    }

    [Fact]
    public void StatementPreparedOnAnEarlierRequestIsShownOnExecute()
    {
        using var harness = new PgsqlHarness();
        harness.Request(Parse("P_0", "SELECT abalance FROM pgbench_accounts WHERE aid = $1"), Sync());
        harness.Response(ParseComplete(), Ready());
        for (int aid = 1; aid <= 3; aid++)
        {
            harness.Request(BindText("", "P_0", aid.ToString(System.Globalization.CultureInfo.InvariantCulture)), Execute(), Sync());
            harness.Response(BindComplete(), DataRow("0"), CommandComplete("SELECT 1"), Ready());
        }
        Assert.Equal(
        [
            "Execute [SELECT abalance FROM pgbench_accounts WHERE aid = $1 /* $1 = '1' */] -> [SELECT 1]",
            "Execute [SELECT abalance FROM pgbench_accounts WHERE aid = $1 /* $1 = '2' */] -> [SELECT 1]",
            "Execute [SELECT abalance FROM pgbench_accounts WHERE aid = $1 /* $1 = '3' */] -> [SELECT 1]",
        ], harness.Rows.Select(r => r.Describe()));
    }

    [Fact]
    public void ExecuteOfAPortalBoundBeforeCaptureIsNamed()
    {
        using var harness = new PgsqlHarness();
        harness.Request(Execute("c1"), Sync());
        harness.Response(CommandComplete("FETCH 0"), Ready());
        Assert.Equal("Execute [<unknown portal \"c1\">] -> [FETCH 0]", Assert.Single(harness.Rows).Describe());
        Assert.Equal(1, harness.Specific("unknown_statements"));
    }

    [Fact]
    public void BinaryParametersAreDecodedByTheirType()
    {
        using var harness = new PgsqlHarness();
        byte[] uuid = Convert.FromHexString("0123456789abcdef0123456789abcdef");
        byte[] float8 = new byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteDoubleBigEndian(float8, 2.5);
        harness.Request(
            Parse("", "SELECT $1, $2, $3, $4, $5, $6, $7, $8", 21, 20, 701, 2950, 25, 17, 1114, 0),
            Bind("", "", [1], [Int16(-7), Int64(9_000_000_000), float8, uuid, Encoding.UTF8.GetBytes("x*/y"), [0xde, 0xad], Int64(1), Int32(5)]),
            Execute(),
            Sync());
        harness.Response(ParseComplete(), BindComplete(), DataRow("1"), CommandComplete("SELECT 1"), Ready());
        Assert.Equal(
            "SELECT $1, $2, $3, $4, $5, $6, $7, $8 /* $1 = -7, $2 = 9000000000, $3 = 2.5, $4 = '01234567-89ab-cdef-0123-456789abcdef', $5 = 'x* /y', $6 = '\\xdead', $7 = '\\x0000000000000001', $8 = '\\x00000005' */",
            Assert.Single(harness.Rows).Request);
    }

    [Fact]
    public void ParameterTypesFromParameterDescriptionDecodeBinaryValues()
    {
        using var harness = new PgsqlHarness();
        harness.Request(Parse("s", "SELECT $1"), Describe('S', "s"), Sync());
        harness.Response(ParseComplete(), ParameterDescription(23), RowDescription("x"), Ready());
        harness.Request(Bind("", "s", [1], [Int32(12345)]), Execute(), Sync());
        harness.Response(BindComplete(), DataRow("12345"), CommandComplete("SELECT 1"), Ready());
        Assert.Equal("SELECT $1 /* $1 = 12345 */", Assert.Single(harness.Rows).Request);
    }

    [Fact]
    public void LongParametersAreBounded()
    {
        using var harness = new PgsqlHarness();
        string big = new('x', 10_000);
        string?[] many = [.. Enumerable.Range(0, 300).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))];
        harness.Request(Parse("", "SELECT $1"), BindText("", "", big), Execute(), Sync());
        harness.Response(ParseComplete(), BindComplete(), CommandComplete("SELECT 1"), Ready());
        harness.Request(Parse("", "SELECT many"), BindText("", "", many), Execute(), Sync());
        harness.Response(ParseComplete(), BindComplete(), CommandComplete("SELECT 1"), Ready());
        Assert.Equal(2, harness.Rows.Count);
        Assert.Equal("SELECT $1 /* $1 = '" + new string('x', 64) + "'… */", harness.Rows[0].Request);
        string second = harness.Rows[1].Request;
        Assert.StartsWith("SELECT many /* $1 = '0', $2 = '1', ", second, StringComparison.Ordinal);
        Assert.EndsWith("… */", second, StringComparison.Ordinal);
        Assert.InRange(Encoding.UTF8.GetByteCount(second), 100, 11 + 1024 + 8);
    }

    [Fact]
    public void LongQueryIsKeptToItsFirstBytesAndTheRestSkipped()
    {
        using var harness = new PgsqlHarness();
        string sql = "SELECT " + string.Join(", ", Enumerable.Range(0, 5000).Select(i => $"c{i}")) + " FROM wide";
        harness.Request(PgWire.Query(sql));
        harness.Response(CommandComplete("SELECT 0"), Ready());
        PgsqlRow row = Assert.Single(harness.Rows);
        Assert.Equal(sql[..4096], row.Request);
        Assert.Equal("SELECT 0", row.Response);
    }

    [Fact]
    public void HugeResultIsFoldedWithoutBufferingAndSurvivesUncapturedBytes()
    {
        using var harness = new PgsqlHarness(streamOptions: new DataStreamOptions { MaxBufferBytes = 64 * 1024 });
        harness.Request(PgWire.Query("SELECT blob FROM files"));
        harness.Response(RowDescription("blob"));
        string blob = new('b', 300_000);
        byte[] row = DataRow(blob);
        for (int i = 0; i < 5; i++)
        {
            // Each row in pieces, and the middle of the third one never captured.
            if (i == 2)
            {
                harness.Response(row.AsSpan(0, 1000).ToArray());
                harness.Hole(harness.ResponseDirection, row.Length - 2000, Devtools.Core.Connections.HoleKind.Truncated);
                harness.Response(row.AsSpan(row.Length - 1000).ToArray());
            }
            else
            {
                harness.FeedInPieces(harness.ResponseDirection, row, 16 * 1024);
            }
            Assert.InRange(harness.Connection.Stream(harness.ResponseDirection).BufferedBytes, 0, 16 * 1024);
        }
        harness.Response(CommandComplete("SELECT 5"), Ready());
        Assert.Equal("Query [SELECT blob FROM files] -> [SELECT 5]", Assert.Single(harness.Rows).Describe());
        Assert.True(harness.Pgsql.AbsorbedHoleBytes > 0);
        Assert.Equal(0, harness.Pgsql.ParseErrors);
    }

    [Fact]
    public void HugeCopyInIsFoldedIntoOneFrame()
    {
        using var harness = new PgsqlHarness(options: new() { MaxQueuedFrames = 16 });
        harness.Request(PgWire.Query("COPY big FROM STDIN"));
        harness.Response(CopyInResponse(1));
        for (int i = 0; i < 5000; i++)
            harness.Request(CopyData($"{i}\n"));
        harness.Request(CopyDone());
        harness.Response(CommandComplete("COPY 5000"), Ready());
        Assert.Equal("Query [COPY big FROM STDIN] -> [COPY 5000]", Assert.Single(harness.Rows).Describe());
        Assert.Equal(0, harness.Pgsql.QueueOverflowFrames);
    }

    [Fact]
    public void ErrorAtSyncIsRecorded()
    {
        using var harness = new PgsqlHarness();
        harness.Request(Parse("", "INSERT INTO child VALUES (1)"), BindText("", ""), Execute(), Sync());
        harness.Response(ParseComplete(), BindComplete(), CommandComplete("INSERT 0 1"), Error("23503", "insert or update on table \"child\" violates foreign key constraint"), Ready());
        Assert.Equal(
        [
            "Execute [INSERT INTO child VALUES (1)] -> [INSERT 0 1]",
            "Sync [] -> [ERROR: SQLSTATE 23503: insert or update on table \"child\" violates foreign key constraint]",
        ], harness.Rows.Select(r => r.Describe()));
    }

    [Fact]
    public void ParseErrorIsRecordedAndTheRestOfThePipelineDiscarded()
    {
        using var harness = new PgsqlHarness();
        harness.Request(Parse("", "SELEC 1"), BindText("", ""), Describe('P', ""), Execute(), Sync(), PgWire.Query("SELECT 2"));
        harness.Response(Error("42601", "syntax error at or near \"SELEC\""), Ready(), CommandComplete("SELECT 1"), Ready());
        Assert.Equal(
        [
            "Parse [SELEC 1] -> [ERROR: SQLSTATE 42601: syntax error at or near \"SELEC\"]",
            "Query [SELECT 2] -> [SELECT 1]",
        ], harness.Rows.Select(r => r.Describe()));
        Assert.Equal(3, harness.Specific("discarded_after_error"));
    }

    [Fact]
    public void CaptureStartingMidPipelineRecoversAtReadyForQuery()
    {
        using var harness = new PgsqlHarness();
        // The answers to requests we never saw, then a request we did see.
        harness.ResponseAt(500, BindComplete(), CommandComplete("UPDATE 1"), Ready());
        harness.RequestAt(2_000, PgWire.Query("SELECT 1"));
        harness.ResponseAt(3_000, CommandComplete("SELECT 1"), Ready());
        Assert.Equal("Query [SELECT 1] -> [SELECT 1]", Assert.Single(harness.Rows).Describe());
        // BindComplete travels folded into the CommandComplete frame: two frames unmatched.
        Assert.Equal(2, harness.Pgsql.UnmatchedResponses);
    }

    [Fact]
    public void RequestsTheServerSkippedAreCountedWhenReadyForQueryArrives()
    {
        using var harness = new PgsqlHarness();
        // Capture missed the error that made the server skip Bind and Execute.
        harness.Request(BindText("", "gone"), Execute(), Sync());
        harness.Response(Ready());
        harness.Request(PgWire.Query("SELECT 1"));
        harness.Response(CommandComplete("SELECT 1"), Ready());
        Assert.Equal("Query [SELECT 1] -> [SELECT 1]", Assert.Single(harness.Rows).Describe());
        Assert.Equal(2, harness.Specific("unanswered_requests"));
    }

    [Fact]
    public void FlushAndTerminateGetNoAnswerAndMakeNoRecord()
    {
        using var harness = new PgsqlHarness();
        harness.Request(Parse("", "SELECT 1"), BindText("", ""), Execute(), Flush());
        harness.Response(ParseComplete(), BindComplete(), CommandComplete("SELECT 1"));
        harness.Request(Sync(), Terminate());
        harness.Response(Ready());
        harness.Close();
        Assert.Equal("Execute [SELECT 1] -> [SELECT 1]", Assert.Single(harness.Rows).Describe());
        Assert.Equal(0, harness.Pgsql.UnmatchedRequests);
    }

    [Fact]
    public void ClosedStatementIsForgotten()
    {
        using var harness = new PgsqlHarness();
        harness.Request(Parse("a", "SELECT 1"), Close('S', "a"), BindText("", "a"), Execute(), Sync());
        harness.Response(ParseComplete(), CloseComplete(), BindComplete(), CommandComplete("SELECT 1"), Ready());
        Assert.Equal("Execute [<unknown statement \"a\">] -> [SELECT 1]", Assert.Single(harness.Rows).Describe());
    }

    [Fact]
    public void PreparedStatementsAreBoundedPerConnection()
    {
        using var harness = new PgsqlHarness();
        for (int i = 0; i < 1000; i++)
        {
            harness.Request(Parse($"s{i}", $"SELECT {i}"), Sync());
            harness.Response(ParseComplete(), Ready());
        }
        Assert.Equal(1000 - 128, harness.Specific("statements_evicted"));
        harness.Request(BindText("", "s999"), Execute(), Sync());
        harness.Response(BindComplete(), CommandComplete("SELECT 1"), Ready());
        Assert.Equal("SELECT 999", Assert.Single(harness.Rows).Request);
    }

    [Fact]
    public void RecordsAreCountedWithoutASink()
    {
        using var harness = new PgsqlHarness(withSink: false);
        harness.Request(PgWire.Query("SELECT 1"));
        harness.Response(CommandComplete("SELECT 1"), Ready());
        Assert.Equal(1, harness.Pgsql.Records);
        Assert.Equal(1, harness.Specific("records_without_sink"));
    }

    [Fact]
    public void SteadyStateAllocatesNothingPerMessage()
    {
        // Without a sink: what is measured is reassembly, parsing and stitching alone.
        using var harness = new PgsqlHarness(withSink: false);
        byte[] request = Concat(Parse("", "SELECT id FROM t WHERE id = $1", 23), Bind("", "", [1], [Int32(7)]), Describe('P', ""), Execute(), Sync());
        byte[] response = Concat(ParseComplete(), BindComplete(), RowDescription("id"), DataRow("7"), CommandComplete("SELECT 1"), Ready());
        byte[] prepared = Concat(BindText("", "p", "42"), Execute(), Sync());
        byte[] preparedAnswer = Concat(BindComplete(), DataRow("7"), CommandComplete("SELECT 1"), Ready());
        byte[] query = PgWire.Query("SELECT 1");
        byte[] answer = Concat(RowDescription("x"), DataRow("1"), CommandComplete("SELECT 1"), Ready());
        harness.Request(Parse("p", "SELECT $1"), Sync());
        harness.Response(ParseComplete(), Ready());
        void Run()
        {
            for (int i = 0; i < 100; i++)
            {
                harness.Feed(harness.RequestDirection, request);
                harness.Feed(harness.ResponseDirection, response);
                harness.Feed(harness.RequestDirection, prepared);
                harness.Feed(harness.ResponseDirection, preparedAnswer);
                harness.Feed(harness.RequestDirection, query);
                harness.Feed(harness.ResponseDirection, answer);
            }
        }
        Run();
        Assert.Equal(0, Support.Allocations.OfSteadyState(Run));
        Assert.Equal(0, harness.Pgsql.ParseErrors);
        Assert.True(harness.Pgsql.Records > 300);
    }
}
