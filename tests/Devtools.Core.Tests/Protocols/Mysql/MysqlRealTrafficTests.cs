namespace Devtools.Core.Tests.Protocols.Mysql;

/// <summary>Real traffic, replayed segment by segment (and in small pieces): the records real peers produce.</summary>
public class MysqlRealTrafficTests
{
    [Fact]
    public void MariadbCommandLineClient()
    {
        string[] expected =
        [
            "COM_QUERY [CREATE DATABASE IF NOT EXISTS shop] -> Ok [OK: affected 1 rows, last insert id 0]",
            "COM_QUERY [SELECT DATABASE()] -> Ok [Resultset rows = 1, columns = 1]",
            "COM_INIT_DB [shop] -> Ok [OK: affected 0 rows, last insert id 0]",
            "COM_QUERY [CREATE TABLE IF NOT EXISTS t (id INT PRIMARY KEY AUTO_INCREMENT, name VARCHAR(20))] -> Ok [OK: affected 0 rows, last insert id 0]",
            "COM_QUERY [INSERT INTO t (name) VALUES ('a'),('b'),('c')] -> Ok [OK: affected 3 rows, last insert id 1]",
            "COM_QUERY [SELECT * FROM t] -> Ok [Resultset rows = 3, columns = 2]",
            "COM_QUERY [SELECT * FROM nope] -> Err [ERR 1146 (42S02): Table 'shop.nope' doesn't exist]",
            "COM_QUIT [] -> None []",
        ];
        Assert.Equal(expected, Replay(MysqlCaptures.MariadbClient, pieceSize: 0));
        Assert.Equal(expected, Replay(MysqlCaptures.MariadbClient, pieceSize: 3));
    }

    [Fact]
    public void MySqlConnectorPreparedStatements()
    {
        string[] expected =
        [
            "COM_QUERY [SET NAMES utf8mb4;] -> Ok [OK: affected 0 rows, last insert id 0]",
            "COM_QUERY [INSERT INTO orders (item, qty, price) VALUES ('book', 2, 9.5), ('pen', 10, 1.25)] -> Ok [OK: affected 2 rows, last insert id 1]",
            "COM_QUERY [SELECT id, item, qty FROM orders ORDER BY id] -> Ok [Resultset rows = 2, columns = 3]",
            "COM_STMT_PREPARE [SELECT id, item, qty FROM orders WHERE qty > ? AND item <> ?] -> Ok [OK: statement 1, 2 params, 3 columns]",
            "COM_STMT_EXECUTE [SELECT id, item, qty FROM orders WHERE qty > 1 AND item <> 'pen'] -> Ok [Resultset rows = 1, columns = 3]",
            "COM_STMT_EXECUTE [SELECT id, item, qty FROM orders WHERE qty > 0 AND item <> 'it''s'] -> Ok [Resultset rows = 2, columns = 3]",
            "COM_STMT_PREPARE [INSERT INTO orders (item, qty, price, created, note) VALUES (?, ?, ?, ?, ?)] -> Ok [OK: statement 2, 5 params, 0 columns]",
            "COM_STMT_EXECUTE [INSERT INTO orders (item, qty, price, created, note) VALUES ('lamp', 3, 19.99, '2024-01-02 03:04:05', X'00FF10')] -> Ok [OK: affected 1 rows, last insert id 3]",
            "COM_STMT_EXECUTE [INSERT INTO orders (item, qty, price, created, note) VALUES (NULL, 3, 19.99, '2024-01-02 03:04:05', X'00FF10')] -> Ok [OK: affected 1 rows, last insert id 4]",
            "COM_QUERY [SELECT * FROM missing] -> Err [ERR 1146 (42S02): Table 'shop.missing' doesn't exist]",
            "COM_PING [] -> Ok [OK: affected 0 rows, last insert id 0]",
            "COM_QUIT [] -> None []",
        ];
        Assert.Equal(expected, Replay(MysqlCaptures.MySqlConnector, pieceSize: 0));
        Assert.Equal(expected, Replay(MysqlCaptures.MySqlConnector, pieceSize: 1));
    }

    private static string[] Replay((bool FromServer, string Hex)[] segments, int pieceSize)
    {
        using var harness = new MysqlHarness();
        foreach ((bool fromServer, string hex) in segments)
        {
            byte[] bytes = Convert.FromHexString(hex);
            var direction = fromServer ? harness.ResponseDirection : harness.RequestDirection;
            if (pieceSize > 0)
                harness.FeedInPieces(direction, bytes, pieceSize);
            else
                harness.Feed(direction, bytes);
        }
        harness.Close();
        Assert.Equal(0, harness.Mysql.ParseErrors);
        Assert.Equal(0, harness.Mysql.UnmatchedResponses);
        Assert.Equal(1, harness.Specific("handshakes"));
        return [.. harness.Records.Select(r => r.Describe())];
    }
}
