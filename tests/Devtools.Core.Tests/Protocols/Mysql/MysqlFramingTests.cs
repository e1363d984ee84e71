using System.Text;
using Devtools.Core.Connections;
using Devtools.Core.Protocols.Mysql;
using static Devtools.Core.Tests.Protocols.Mysql.MysqlBytes;

namespace Devtools.Core.Tests.Protocols.Mysql;

/// <summary>Packet framing and response shapes: long packets, multi-results, LOCAL INFILE, TLS, compression, and the rest.</summary>
public class MysqlFramingTests
{
    [Fact]
    public void QueryLongerThanOnePacketKeepsItsPrefixAndTheNextCommandParses()
    {
        using var harness = new MysqlHarness();
        string sql = "INSERT INTO blobs VALUES ('" + new string('x', 0xFFFFFF + 100) + "')";
        byte[] query = TextQuery(sql);
        harness.FeedInPieces(harness.RequestDirection, query, 1 << 20);
        harness.Response(Ok(2, affected: 1));
        harness.Request(TextQuery("SELECT 1"));
        harness.Response(ResultSet(1, ["1"], [["1"]], deprecateEof: true));
        harness.Close();

        Assert.Equal(2, harness.Records.Count);
        MysqlRow insert = harness.Records[0];
        Assert.Equal(4096, Encoding.UTF8.GetByteCount(insert.Body));
        Assert.StartsWith("INSERT INTO blobs VALUES ('xxx", insert.Body);
        Assert.Equal("OK: affected 1 rows, last insert id 0", insert.Response);
        Assert.Equal("SELECT 1", harness.Records[1].Body);
        Assert.Equal(0, harness.Mysql.ParseErrors);
        Assert.True(harness.Connection.Stream(harness.RequestDirection).BufferedBytes < 64 * 1024);
    }

    [Fact]
    public void RowLongerThanOnePacketCountsOnce()
    {
        using var harness = new MysqlHarness();
        harness.Request(TextQuery("SELECT doc FROM docs"));
        byte[] big = TextRow([new string('d', 0xFFFFFF + 10)]);
        byte[] response = Concat(
            Packet(1, [1]),
            ColumnDefinition(2, "doc"),
            Packet(3, big), // two packets: 3 and 4
            Packet(5, TextRow(["small"])),
            Ok(6, header: 0xFE));
        harness.FeedInPieces(harness.ResponseDirection, response, 1 << 20);
        MysqlRow row = Assert.Single(harness.Records);
        Assert.Equal("Resultset rows = 2, columns = 1", row.Response);
    }

    [Fact]
    public void HoleInsideARowIsSteppedOver()
    {
        using var harness = new MysqlHarness();
        harness.Request(TextQuery("SELECT doc FROM docs"));
        byte[] response = Concat(Packet(1, [1]), ColumnDefinition(2, "doc"), Packet(3, TextRow([new string('d', 5000)])), Ok(4, header: 0xFE));
        int rowStart = 4 + 1 + ColumnDefinition(2, "doc").Length;
        harness.Response(response.AsSpan(0, rowStart + 100));
        harness.Hole(harness.ResponseDirection, 3000, HoleKind.Truncated);
        harness.Response(response.AsSpan(rowStart + 3100));
        MysqlRow row = Assert.Single(harness.Records);
        Assert.Equal("Resultset rows = 1, columns = 1", row.Response);
        Assert.Equal(3000, harness.Mysql.AbsorbedHoleBytes);
    }

    [Fact]
    public void HoleAcrossResponsesLosesOnlyThatResponse()
    {
        using var harness = new MysqlHarness();
        harness.Request(TextQuery("SELECT a FROM t"));
        byte[] first = ResultSet(1, ["a"], [["1"], ["2"]], deprecateEof: true);
        harness.Response(first.AsSpan(0, 10));
        harness.Hole(harness.ResponseDirection, first.Length - 10);
        harness.Request(TextQuery("SELECT b FROM t"));
        harness.Response(ResultSet(1, ["b"], [["1"]], deprecateEof: true));
        harness.Close();
        Assert.True(harness.Mysql.FramesLostToGaps == 1, string.Join("\n", harness.Records.Select(r => r.Describe())) + string.Join(",", harness.Mysql.Snapshot()));
        Assert.Contains(harness.Records, r => r.Body == "SELECT a FROM t" && r.Response == "Resultset rows = 1, columns = 1");
    }

    [Fact]
    public void MultiStatementQueryGivesOneRecordWithEveryResult()
    {
        using var harness = new MysqlHarness();
        harness.Request(TextQuery("UPDATE t SET a = 1; SELECT a FROM t"));
        harness.Response(Concat(
            Ok(1, affected: 3, status: MysqlServerStatus.AutoCommit | MysqlServerStatus.MoreResultsExist, info: "Rows matched: 3  Changed: 3  Warnings: 0"),
            ResultSet(2, ["a"], [["1"], ["1"], ["1"]], deprecateEof: false)));
        MysqlRow row = Assert.Single(harness.Records);
        Assert.Equal("OK: affected 3 rows, last insert id 0; Resultset rows = 3, columns = 1", row.Response);
        Assert.Equal(MysqlResponseStatus.Ok, row.Status);
    }

    [Fact]
    public void ErrorInsteadOfTheNextResultEndsTheResponse()
    {
        using var harness = new MysqlHarness();
        harness.Request(TextQuery("SELECT 1; SELECT * FROM nope"));
        harness.Response(Concat(
            ResultSet(1, ["1"], [["1"]], deprecateEof: true, MysqlServerStatus.AutoCommit | MysqlServerStatus.MoreResultsExist),
            Err(5, 1146, "42S02", "Table 'shop.nope' doesn't exist")));
        MysqlRow row = Assert.Single(harness.Records);
        Assert.Equal(MysqlResponseStatus.Err, row.Status);
        Assert.Equal("Resultset rows = 1, columns = 1; ERR 1146 (42S02): Table 'shop.nope' doesn't exist", row.Response);
    }

    [Fact]
    public void ErrorAmongRowsEndsTheResponse()
    {
        using var harness = new MysqlHarness();
        harness.Request(TextQuery("SELECT slow()"));
        harness.Response(Concat(Packet(1, [1]), ColumnDefinition(2, "slow()"), Eof(3), Packet(4, TextRow(["1"])), Err(5, 1317, "70100", "Query execution was interrupted")));
        harness.Request(TextQuery("SELECT 2"));
        harness.Response(ResultSet(1, ["2"], [["2"]], deprecateEof: false));
        Assert.Equal(2, harness.Records.Count);
        Assert.Equal("ERR 1317 (70100): Query execution was interrupted", harness.Records[0].Response);
        Assert.Equal(MysqlResponseStatus.Err, harness.Records[0].Status);
        Assert.Equal("Resultset rows = 1, columns = 1", harness.Records[1].Response);
    }

    [Fact]
    public void LocalInfileExchangeIsOneRecord()
    {
        using var harness = new MysqlHarness();
        harness.Request(TextQuery("LOAD DATA LOCAL INFILE '/tmp/rows.csv' INTO TABLE t"));
        harness.Response(Packet(1, [0xFB, .. "/tmp/rows.csv"u8.ToArray()]));
        harness.Request(Packet(2, "1,a\n2,b\n"u8));
        harness.Request(Packet(3, []));
        harness.Response(Ok(4, affected: 2));
        harness.Request(TextQuery("SELECT 1"));
        harness.Response(ResultSet(1, ["1"], [["1"]], deprecateEof: true));
        Assert.Equal(2, harness.Records.Count);
        Assert.Equal("LOCAL INFILE '/tmp/rows.csv'; OK: affected 2 rows, last insert id 0", harness.Records[0].Response);
        Assert.Equal(1, harness.Specific("local_infile_requests"));
        Assert.Equal(2, harness.Specific("client_data_packets"));
        Assert.Equal(0, harness.Mysql.ParseErrors);
    }

    [Fact]
    public void FieldListStatisticsSetOptionAndProcessKill()
    {
        using var harness = new MysqlHarness();
        harness.Request(Packet(0, [(byte)MysqlCommand.FieldList, .. "orders\0"u8.ToArray()]));
        harness.Response(Concat(ColumnDefinition(1, "id"), ColumnDefinition(2, "item"), Eof(3)));
        harness.Request(Command(MysqlCommand.Statistics));
        harness.Response(Packet(1, "Uptime: 10  Threads: 1  Questions: 5"u8));
        harness.Request(Packet(0, [(byte)MysqlCommand.SetOption, 0, 0]));
        harness.Response(Eof(1));
        harness.Request(StatementCommand(MysqlCommand.ProcessKill, 77));
        harness.Response(Err(1, 1094, "HY000", "Unknown thread id: 77"));
        Assert.Equal(
        [
            "COM_FIELD_LIST [orders] -> Ok [Fields = 2]",
            "COM_STATISTICS [] -> Ok [Uptime: 10  Threads: 1  Questions: 5]",
            "COM_SET_OPTION [MYSQL_OPTION_MULTI_STATEMENTS_ON] -> Ok [EOF]",
            "COM_PROCESS_KILL [77] -> Err [ERR 1094 (HY000): Unknown thread id: 77]",
        ], harness.Records.Select(r => r.Describe()));
    }

    [Fact]
    public void CursorExecuteEndsAtTheColumnsAndFetchCountsRows()
    {
        using var harness = new MysqlHarness();
        harness.Request(Command(MysqlCommand.StmtPrepare, "SELECT a FROM t"));
        harness.Response(PrepareOk(1, 9, columns: 1, parameters: 0, deprecateEof: false));
        harness.Request(Packet(0, [(byte)MysqlCommand.StmtExecute, 9, 0, 0, 0, 1, 1, 0, 0, 0]));
        harness.Response(Concat(Packet(1, [1]), ColumnDefinition(2, "a"), Eof(3, MysqlServerStatus.AutoCommit | MysqlServerStatus.CursorExists)));
        harness.Request(StatementCommand(MysqlCommand.StmtFetch, 9, 10, 0, 0, 0));
        harness.Response(Concat(Packet(1, BinaryRow(["x"])), Packet(2, BinaryRow(["y"])), Eof(3, MysqlServerStatus.LastRowSent)));
        Assert.Equal(
        [
            "COM_STMT_PREPARE [SELECT a FROM t] -> Ok [OK: statement 9, 0 params, 1 columns]",
            "COM_STMT_EXECUTE [SELECT a FROM t] -> Ok [Resultset rows = 0, columns = 1]",
            "COM_STMT_FETCH [SELECT a FROM t] -> Ok [Resultset rows = 2]",
        ], harness.Records.Select(r => r.Describe()));
    }

    [Fact]
    public void SslRequestTurnsTheConnectionOpaque()
    {
        using var harness = new MysqlHarness();
        harness.Response(Greeting());
        harness.Request(Login(MysqlSamples.ClientCapabilities, sslRequest: true));
        byte[] clientHello = [0x16, 0x03, 0x01, 0x00, 0x40, .. new byte[0x40]];
        harness.Request(clientHello);
        harness.Response([0x16, 0x03, 0x03, 0x00, 0x30, .. new byte[0x30]]);
        harness.Request([0x17, 0x03, 0x03, 0x00, 0x20, .. new byte[0x20]]);
        harness.Close();
        Assert.Empty(harness.Records);
        Assert.Equal(1, harness.Specific("tls_connections"));
        Assert.Equal(0, harness.Mysql.ParseErrors);
        Assert.Equal(5 + 0x40 + 5 + 0x30 + 5 + 0x20, harness.Specific("opaque_bytes"));
    }

    [Fact]
    public void TlsAnswerDuringTheHandshakeTurnsTheConnectionOpaque()
    {
        using var harness = new MysqlHarness();
        harness.Response(Greeting());
        harness.Response([0x16, 0x03, 0x03, 0x00, 0x30, .. new byte[0x30]]);
        harness.Request([0x16, 0x03, 0x01, 0x00, 0x10, .. new byte[0x10]]);
        Assert.Equal(1, harness.Specific("tls_connections"));
        Assert.Equal(0, harness.Mysql.ParseErrors);
    }

    [Fact]
    public void CompressedProtocolIsCountedNotParsed()
    {
        using var harness = new MysqlHarness();
        harness.Response(Greeting(ServerCapabilities | MysqlCapabilities.Compress));
        harness.Request(Login(MysqlSamples.ClientCapabilities | MysqlCapabilities.Compress));
        harness.Response(Ok(2));
        harness.Request([0x0d, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, .. TextQuery("SELECT 1")]);
        harness.Close();
        Assert.Empty(harness.Records);
        Assert.Equal(1, harness.Specific("compressed_connections"));
        Assert.Equal(0, harness.Mysql.ParseErrors);
    }

    [Fact]
    public void AuthenticationSwitchAndMoreDataAreSteppedOver()
    {
        using var harness = new MysqlHarness();
        harness.Response(Greeting());
        harness.Request(Login(MysqlSamples.ClientCapabilities | MysqlCapabilities.DeprecateEof));
        harness.Response(Packet(2, [0xFE, .. "caching_sha2_password\0"u8.ToArray(), .. new byte[20]]));
        harness.Request(Packet(3, new byte[32]));
        harness.Response(Packet(4, [0x01, 0x04]));
        harness.Request(Packet(5, "secret\0"u8));
        harness.Response(Ok(6));
        harness.Request(TextQuery("SELECT 1"));
        harness.Response(ResultSet(1, ["1"], [["1"]], deprecateEof: true));
        MysqlRow row = Assert.Single(harness.Records);
        Assert.Equal("Resultset rows = 1, columns = 1", row.Response);
        Assert.Equal(7, harness.Specific("handshake_packets"));
        Assert.Equal(0, harness.Mysql.ParseErrors);
    }

    [Fact]
    public void FailedLoginEndsTheHandshakeWithoutRecords()
    {
        using var harness = new MysqlHarness();
        harness.Response(Greeting());
        harness.Request(Login(MysqlSamples.ClientCapabilities));
        harness.Response(Err(2, 1045, "28000", "Access denied for user 'root'@'localhost'"));
        harness.Close();
        Assert.Empty(harness.Records);
        Assert.Equal(0, harness.Mysql.ParseErrors);
        Assert.Equal(0, harness.Mysql.UnmatchedResponses);
    }

    [Fact]
    public void ChangeUserReauthenticatesInsideOneRecord()
    {
        using var harness = new MysqlHarness();
        harness.Request(Packet(0, [(byte)MysqlCommand.ChangeUser, .. "app\0"u8.ToArray(), 0, .. "shop\0"u8.ToArray()]));
        harness.Response(Packet(1, [0xFE, .. "mysql_native_password\0"u8.ToArray(), .. new byte[20]]));
        harness.Request(Packet(2, new byte[20]));
        harness.Response(Ok(3));
        harness.Request(TextQuery("SELECT 1"));
        harness.Response(ResultSet(1, ["1"], [["1"]], deprecateEof: true));
        Assert.Equal(["COM_CHANGE_USER [app] -> Ok [OK: affected 0 rows, last insert id 0]", "COM_QUERY [SELECT 1] -> Ok [Resultset rows = 1, columns = 1]"], harness.Records.Select(r => r.Describe()));
    }

    [Fact]
    public void QueryAttributesInFrontOfTheQueryAreSkipped()
    {
        using var harness = new MysqlHarness();
        harness.Request(Packet(0, [(byte)MysqlCommand.Query, 0x00, 0x01, .. "SELECT 1"u8.ToArray()]));
        harness.Response(ResultSet(1, ["1"], [["1"]], deprecateEof: true));
        Assert.Equal("SELECT 1", Assert.Single(harness.Records).Body);
    }

    [Fact]
    public void ResponseWithoutItsCommandIsCountedUnmatched()
    {
        using var harness = new MysqlHarness();
        // Joined mid-conversation: an answer whose command was sent before capture began.
        harness.Response(Ok(1, affected: 1));
        harness.Request(TextQuery("SELECT 1"));
        harness.Response(ResultSet(1, ["1"], [["1"]], deprecateEof: true));
        harness.Close();
        MysqlRow row = Assert.Single(harness.Records);
        Assert.Equal("SELECT 1", row.Body);
        Assert.Equal(1, harness.Mysql.UnmatchedResponses);
    }

    [Fact]
    public void StrayPacketsOfALateJoinedHandshakeAreSkipped()
    {
        using var harness = new MysqlHarness();
        harness.Response(Ok(2));
        harness.Request(TextQuery("SELECT 1"));
        harness.Response(ResultSet(1, ["1"], [["1"]], deprecateEof: true));
        Assert.Single(harness.Records);
        Assert.Equal(1, harness.Specific("stray_server_packets"));
    }
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void CachedMetadataSendsNoColumnDefinitions(bool deprecateEof)
    {
        using var harness = new MysqlHarness();
        harness.Request(StatementCommand(MysqlCommand.StmtExecute, 1, 0, 1, 0, 0, 0));
        var parts = new List<byte[]> { Packet(1, [2, 0]) }; // MariaDB: count 2, metadata not sent
        int sequence = 2;
        if (!deprecateEof)
            parts.Add(Eof(sequence++));
        parts.Add(Packet(sequence++, BinaryRow(["a", "b"])));
        parts.Add(deprecateEof ? Ok(sequence, header: 0xFE) : Eof(sequence));
        harness.Response(Concat([.. parts]));
        // MySQL 8: the flag first, then the count.
        harness.Request(TextQuery("SELECT 1, 2"));
        harness.Response(deprecateEof
            ? Concat(Packet(1, [0, 2]), Packet(2, TextRow(["1", "2"])), Ok(3, header: 0xFE))
            : Concat(Packet(1, [0, 2]), Eof(2), Packet(3, TextRow(["1", "2"])), Eof(4)));
        Assert.Equal(["Resultset rows = 1, columns = 2", "Resultset rows = 1, columns = 2"], harness.Records.Select(r => r.Response));
        Assert.Equal(0, harness.Mysql.ParseErrors);
    }
}
