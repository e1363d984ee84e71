using Devtools.Core.Protocols.Mysql;
using static Devtools.Core.Tests.Protocols.Mysql.MysqlBytes;

namespace Devtools.Core.Tests.Protocols.Mysql;

/// <summary>COM_STMT_EXECUTE is recorded as the prepared query with its parameters written in.</summary>
public class MysqlExecuteTests
{
    [Theory]
    [MemberData(nameof(Values))]
    public void ParameterValuesAreWrittenAsSql(string name, Param parameter, string expected)
    {
        Assert.Equal("SELECT * FROM t WHERE a = " + expected, Execute("SELECT * FROM t WHERE a = ?", parameter));
        Assert.NotNull(name);
    }

    public static TheoryData<string, Param, string> Values => new()
    {
        { "bigint", Param.I64(-9_000_000_000), "-9000000000" },
        { "int", Param.I32(42), "42" },
        { "tinyint", Param.I8(-5), "-5" },
        { "unsigned smallint", Param.U16(65535), "65535" },
        { "unsigned bigint", new Param(0x08, true, BitConverter.GetBytes(ulong.MaxValue)), "18446744073709551615" },
        { "double", Param.F64(3.25), "3.25" },
        { "float", Param.F32(0.5f), "0.5" },
        { "decimal", Param.Dec("12.50"), "12.50" },
        { "null type", Param.Null(), "NULL" },
        { "string", Param.Text("O'Brien"), "'O''Brien'" },
        { "backslash", Param.Text("a\\b"), "'a\\\\b'" },
        { "utf-8 string", Param.Text("zoë ☕"), "'zoë ☕'" },
        { "long string", Param.Text(new string('s', 300)), "'" + new string('s', 128) + "...'" },
        { "text blob", Param.Blob("plain text"u8.ToArray()), "'plain text'" },
        { "binary blob", Param.Blob([0x00, 0xFF, 0x10]), "X'00FF10'" },
        { "long binary blob", Param.Blob([.. Enumerable.Range(0, 40).Select(i => (byte)i)]), "X'" + string.Concat(Enumerable.Range(0, 32).Select(i => i.ToString("X2", System.Globalization.CultureInfo.InvariantCulture))) + "...'" },
        { "date", Param.Date(2024, 2, 29), "'2024-02-29'" },
        { "datetime", Param.DateTime(2024, 1, 2, 3, 4, 5), "'2024-01-02 03:04:05'" },
        { "datetime with micros", Param.DateTime(2024, 1, 2, 3, 4, 5, 120), "'2024-01-02 03:04:05.000120'" },
        { "time", Param.Time(false, 1, 2, 3, 4), "'26:03:04'" },
        { "negative time", Param.Time(true, 0, 10, 0, 0), "'-10:00:00'" },
    };

    [Fact]
    public void NullBitmapWinsOverTheType()
    {
        Assert.Equal("UPDATE t SET a = NULL, b = 7 WHERE c = 'x'", Execute("UPDATE t SET a = ?, b = ? WHERE c = ?", new Param(0x08, false, null), Param.I64(7), Param.Text("x")));
    }

    [Fact]
    public void PlaceholdersInQuotesAndCommentsStay()
    {
        Assert.Equal(
            "SELECT '?', \"?\", `?` /* ? */ FROM t WHERE a = 1 -- ?\nAND b = 'it''s ?' AND c = 2 # ?",
            Execute("SELECT '?', \"?\", `?` /* ? */ FROM t WHERE a = ? -- ?\nAND b = 'it''s ?' AND c = ? # ?", Param.I32(1), Param.I32(2)));
    }

    [Fact]
    public void MissingParametersStayPlaceholders()
    {
        // The server said one parameter; the query shows two placeholders.
        using var harness = new MysqlHarness();
        harness.Request(Command(MysqlCommand.StmtPrepare, "SELECT ? + ?"));
        harness.Response(PrepareOk(1, 1, columns: 1, parameters: 1, deprecateEof: true));
        harness.Request(MysqlBytes.Execute(1, true, Param.I32(5)));
        harness.Response(ResultSet(1, ["x"], [["5"]], deprecateEof: true, binary: true));
        Assert.Equal("SELECT 5 + ?", harness.Records[^1].Body);
    }

    [Fact]
    public void TypesBoundOnceAreReusedAndRebindingChangesThem()
    {
        using var harness = new MysqlHarness();
        harness.Request(Command(MysqlCommand.StmtPrepare, "SELECT ?"));
        harness.Response(PrepareOk(1, 1, columns: 1, parameters: 1, deprecateEof: true));
        foreach (byte[] execute in (byte[][])[
            MysqlBytes.Execute(1, true, Param.I64(1)),
            MysqlBytes.Execute(1, false, Param.I64(2)),
            MysqlBytes.Execute(1, true, Param.Text("three")),
            MysqlBytes.Execute(1, false, Param.Text("four"))])
        {
            harness.Request(execute);
            harness.Response(ResultSet(1, ["x"], [["x"]], deprecateEof: true, binary: true));
        }
        Assert.Equal(["SELECT 1", "SELECT 2", "SELECT 'three'", "SELECT 'four'"], harness.Records.Skip(1).Select(r => r.Body));
    }

    [Fact]
    public void ExecuteWithoutKnownTypesShowsPlaceholders()
    {
        using var harness = new MysqlHarness();
        harness.Request(Command(MysqlCommand.StmtPrepare, "SELECT ?"));
        harness.Response(PrepareOk(1, 1, columns: 1, parameters: 1, deprecateEof: true));
        harness.Request(MysqlBytes.Execute(1, false, Param.I64(2)));
        harness.Response(ResultSet(1, ["x"], [["x"]], deprecateEof: true, binary: true));
        Assert.Equal("SELECT ?", harness.Records[^1].Body);
    }

    [Fact]
    public void ValuesBeyondTheKeptPayloadStayPlaceholders()
    {
        string big = new('b', 5000);
        Assert.Equal("INSERT INTO t VALUES (1, '" + new string('b', 128) + "...', ?)", Execute("INSERT INTO t VALUES (?, ?, ?)", Param.I32(1), Param.Text(big), Param.I32(3)));
    }

    [Fact]
    public void MariaDbExecuteOfTheLastPreparedStatement()
    {
        using var harness = new MysqlHarness();
        harness.Request(Command(MysqlCommand.StmtPrepare, "SELECT ?"));
        harness.Response(PrepareOk(1, 8, columns: 1, parameters: 1, deprecateEof: true));
        harness.Request(MysqlBytes.Execute(uint.MaxValue, true, Param.I32(9)));
        harness.Response(ResultSet(1, ["x"], [["9"]], deprecateEof: true, binary: true));
        Assert.Equal("SELECT 9", harness.Records[^1].Body);
    }

    private static string Execute(string query, params Param[] parameters)
    {
        using var harness = new MysqlHarness();
        harness.Request(Command(MysqlCommand.StmtPrepare, query));
        harness.Response(PrepareOk(1, 1, columns: 1, parameters: parameters.Length, deprecateEof: true));
        harness.Request(MysqlBytes.Execute(1, true, parameters));
        harness.Response(ResultSet(1, ["x"], [["1"]], deprecateEof: true, binary: true));
        Assert.Equal(2, harness.Records.Count);
        Assert.Equal(0, harness.Mysql.ParseErrors);
        return harness.Records[1].Body;
    }
}
