using System.Globalization;
using System.Text.RegularExpressions;
using Devtools.Core.Query.Mysql;
using Devtools.Integration.Tests.Infrastructure;

namespace Devtools.Integration.Tests.Mysql;

/// <summary>
/// What tshark's MySQL dissector decoded from one connection, grouped into exchanges: each
/// client packet with a command starts one, the server packets after it are its response.
/// </summary>
internal sealed partial record TsharkMysqlExchange(long Command, string Query, long StatementId, long? AffectedRows, long? ErrorCode, long? Fields, long? PreparedId)
{
    public static readonly string[] FieldNames = ["mysql.command", "mysql.query", "mysql.stmt_id", "mysql.affected_rows", "mysql.error_code", "mysql.num_fields"];

    public static List<TsharkMysqlExchange> From(List<(int SourcePort, string[] Fields)> packets, int serverPort)
    {
        var exchanges = new List<TsharkMysqlExchange>();
        foreach ((int source, string[] f) in packets)
        {
            if (source != serverPort)
            {
                if (f[0].Length > 0)
                    exchanges.Add(new TsharkMysqlExchange(Number(f[0]) ?? -1, f[1], Number(f[2]) ?? -1, null, null, null, null));
                continue;
            }
            if (exchanges.Count == 0)
                continue; // the handshake's authentication result
            TsharkMysqlExchange e = exchanges[^1];
            exchanges[^1] = e with
            {
                AffectedRows = Number(f[3]) ?? e.AffectedRows,
                ErrorCode = Number(f[4]) ?? e.ErrorCode,
                Fields = e.Fields ?? Number(f[5]),
                PreparedId = e.PreparedId ?? (e.Command == 0x16 ? Number(f[2]) : null),
            };
        }
        return exchanges;
    }

    /// <summary>
    /// Compares captured rows (one side of one connection, in order) with tshark's exchanges
    /// field by field: command, query text, error code, affected rows, result set columns, and
    /// for an execute that its text is its prepared statement with literals in the placeholders.
    /// </summary>
    public static void AssertAgree(List<TsharkMysqlExchange> tshark, List<MysqlEvent> rows, string side)
    {
        string All() => string.Join("\n", tshark.Select(e => "  " + e)) + "\ncaptured:\n" + string.Join("\n", rows.Select(r => $"  0x{r.ReqCmd:x2} [{r.ReqBody}] -> [{r.RespBody}]"));
        Assert.True(tshark.Count == rows.Count, $"{side}: tshark decoded {tshark.Count} commands, Devtools captured {rows.Count}:\n{All()}");
        var prepared = new Dictionary<long, string>();
        for (int i = 0; i < rows.Count; i++)
        {
            TsharkMysqlExchange t = tshark[i];
            MysqlEvent r = rows[i];
            string where = $"{side}: command {i}";
            Assert.True(t.Command == r.ReqCmd, $"{where}: tshark command 0x{t.Command:x2}, captured 0x{r.ReqCmd:x2}\n{All()}");
            if (t.Command is 0x03 or 0x16)
                Assert.Equal(t.Query, r.ReqBody);
            if (t.Command == 0x16 && t.PreparedId is long id)
                prepared[id] = t.Query;
            if (t.Command == 0x17)
            {
                Assert.True(prepared.TryGetValue(t.StatementId, out string? query), $"{where}: tshark saw an execute of unknown statement {t.StatementId}");
                string pattern = "^" + Regex.Escape(query).Replace("\\?", "(NULL|-?[0-9.e+]+|'(?:[^']|'')*'|X'[0-9A-F]*')", StringComparison.Ordinal) + "$";
                Assert.Matches(pattern, r.ReqBody);
            }
            if (t.ErrorCode is long code)
            {
                Assert.Equal(2, r.RespStatus);
                Assert.StartsWith($"ERR {code.ToString(CultureInfo.InvariantCulture)} ", r.RespBody, StringComparison.Ordinal);
                continue;
            }
            if (t.Command is 0x01 or 0x19 or 0x18)
            {
                Assert.Equal(1, r.RespStatus);
                continue;
            }
            Assert.Equal(3, r.RespStatus);
            if (r.RespBody.StartsWith("Resultset", StringComparison.Ordinal))
                Assert.EndsWith($", columns = {t.Fields?.ToString(CultureInfo.InvariantCulture)}", r.RespBody, StringComparison.Ordinal);
            else if (r.RespBody.StartsWith("OK: affected", StringComparison.Ordinal))
                Assert.StartsWith($"OK: affected {t.AffectedRows?.ToString(CultureInfo.InvariantCulture)} rows", r.RespBody, StringComparison.Ordinal);
        }
    }

    /// <summary>The first value of a field tshark may have repeated (several packets in one segment).</summary>
    private static long? Number(string field)
    {
        string first = field.Split('|')[0];
        return long.TryParse(first, NumberStyles.Integer, CultureInfo.InvariantCulture, out long value) ? value : null;
    }
}
