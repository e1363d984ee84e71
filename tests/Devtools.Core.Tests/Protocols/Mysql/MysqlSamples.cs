using Devtools.Core.Protocols.Mysql;
using static Devtools.Core.Tests.Protocols.Mysql.MysqlBytes;

namespace Devtools.Core.Tests.Protocols.Mysql;

/// <summary>
/// A realistic connection: handshake, text queries (result sets, OK, an error, a procedure
/// with two results), prepared statements with parameters (types bound once, then reused),
/// statement reset and close, a ping, long data, and the quit.
/// </summary>
public static class MysqlSamples
{
    public const MysqlCapabilities ClientCapabilities = (MysqlCapabilities)0x000FA68D;

    /// <summary>Request bytes and response bytes (empty when none) per exchange; the handshake first.</summary>
    public static (byte[] Request, byte[] Response)[] Conversation(bool deprecateEof, bool withHandshake = true)
    {
        MysqlCapabilities client = ClientCapabilities | (deprecateEof ? MysqlCapabilities.DeprecateEof : 0);
        var exchanges = new List<(byte[], byte[])>();
        if (withHandshake)
        {
            exchanges.Add(([], Greeting()));
            exchanges.Add((Login(client), Ok(2)));
        }
        exchanges.AddRange(
        [
            (TextQuery("SELECT @@version_comment LIMIT 1"), ResultSet(1, ["@@version_comment"], [["Debian 12"]], deprecateEof)),
            (Command(MysqlCommand.InitDb, "shop"), Ok(1)),
            (TextQuery("INSERT INTO orders (item, qty) VALUES ('book', 2)"), Ok(1, affected: 1, insertId: 5)),
            (TextQuery("SELECT id, item FROM orders"), ResultSet(1, ["id", "item"], [["1", "book"], ["2", null], ["3", "pen"]], deprecateEof)),
            (TextQuery("SELECT * FROM missing"), Err(1, 1146, "42S02", "Table 'shop.missing' doesn't exist")),
            (Command(MysqlCommand.StmtPrepare, "SELECT id, item FROM orders WHERE id = ? AND item = ?"), PrepareOk(1, 1, columns: 2, parameters: 2, deprecateEof)),
            (Execute(1, bindTypes: true, Param.I64(42), Param.Text("bo'ok")), ResultSet(1, ["id", "item"], [["42", "bo'ok"]], deprecateEof, binary: true)),
            (Execute(1, bindTypes: false, Param.I64(7), Param.Text("pen")), ResultSet(1, ["id", "item"], [], deprecateEof, binary: true)),
            (StatementCommand(MysqlCommand.StmtReset, 1), Ok(1)),
            (StatementCommand(MysqlCommand.StmtClose, 1), []),
            (Command(MysqlCommand.Ping), Ok(1)),
            (TextQuery("CALL report()"), Concat(
                ResultSet(1, ["total"], [["10"], ["20"]], deprecateEof, MysqlServerStatus.AutoCommit | MysqlServerStatus.MoreResultsExist),
                Ok(ResultSetPackets(1, 2, deprecateEof) + 1))),
            (Command(MysqlCommand.StmtPrepare, "INSERT INTO orders (item, created) VALUES (?, ?)"), PrepareOk(1, 2, columns: 0, parameters: 2, deprecateEof)),
            (Execute(2, bindTypes: true, Param.Text("lamp"), Param.DateTime(2024, 1, 2, 3, 4, 5)), Ok(1, affected: 1, insertId: 6)),
            (StatementCommand(MysqlCommand.StmtSendLongData, 2, 0, 0, (byte)'x'), []),
            (Command(MysqlCommand.Quit), []),
        ]);
        return [.. exchanges];
    }

    /// <summary>What the conversation's records must say, in order.</summary>
    public static readonly string[] Expected =
    [
        "COM_QUERY [SELECT @@version_comment LIMIT 1] -> Ok [Resultset rows = 1, columns = 1]",
        "COM_INIT_DB [shop] -> Ok [OK: affected 0 rows, last insert id 0]",
        "COM_QUERY [INSERT INTO orders (item, qty) VALUES ('book', 2)] -> Ok [OK: affected 1 rows, last insert id 5]",
        "COM_QUERY [SELECT id, item FROM orders] -> Ok [Resultset rows = 3, columns = 2]",
        "COM_QUERY [SELECT * FROM missing] -> Err [ERR 1146 (42S02): Table 'shop.missing' doesn't exist]",
        "COM_STMT_PREPARE [SELECT id, item FROM orders WHERE id = ? AND item = ?] -> Ok [OK: statement 1, 2 params, 2 columns]",
        "COM_STMT_EXECUTE [SELECT id, item FROM orders WHERE id = 42 AND item = 'bo''ok'] -> Ok [Resultset rows = 1, columns = 2]",
        "COM_STMT_EXECUTE [SELECT id, item FROM orders WHERE id = 7 AND item = 'pen'] -> Ok [Resultset rows = 0, columns = 2]",
        "COM_STMT_RESET [SELECT id, item FROM orders WHERE id = ? AND item = ?] -> Ok [OK: affected 0 rows, last insert id 0]",
        "COM_STMT_CLOSE [SELECT id, item FROM orders WHERE id = ? AND item = ?] -> None []",
        "COM_PING [] -> Ok [OK: affected 0 rows, last insert id 0]",
        "COM_QUERY [CALL report()] -> Ok [Resultset rows = 2, columns = 1; OK: affected 0 rows, last insert id 0]",
        "COM_STMT_PREPARE [INSERT INTO orders (item, created) VALUES (?, ?)] -> Ok [OK: statement 2, 2 params, 0 columns]",
        "COM_STMT_EXECUTE [INSERT INTO orders (item, created) VALUES ('lamp', '2024-01-02 03:04:05')] -> Ok [OK: affected 1 rows, last insert id 6]",
        "COM_STMT_SEND_LONG_DATA [INSERT INTO orders (item, created) VALUES (?, ?)] -> None []",
        "COM_QUIT [] -> None []",
    ];

    public static byte[] AllRequests(bool deprecateEof) => Concat([.. Conversation(deprecateEof).Select(e => e.Request)]);

    public static byte[] AllResponses(bool deprecateEof) => Concat([.. Conversation(deprecateEof).Select(e => e.Response)]);
}
