using System.Diagnostics;
using System.Globalization;
using Devtools.Core.Capture;
using Devtools.Core.Query.Mysql;
using Devtools.Integration.Tests.Infrastructure;
using MySqlConnector;
using Xunit.Abstractions;

namespace Devtools.Integration.Tests.Mysql;

/// <summary>
/// Real eBPF capture of a real MariaDB server and real clients on loopback: every command a
/// client issued must be in mysql_events exactly once, with its command, query and status,
/// and a latency no larger than the client measured — on the server side and on the client
/// side — and must agree with what tshark's MySQL dissector decodes from the same traffic.
/// </summary>
[Collection(RealCapture.Name)]
public sealed class MysqlCaptureTests(ITestOutputHelper output)
{
    [Fact]
    public async Task MySqlConnector_text_and_prepared_statements_every_command_once_on_both_sides()
    {
        using MariaDbServer server = MariaDbServer.Start();
        (int setupExit, string setupOutput) = server.Client(
            "CREATE DATABASE shop; CREATE TABLE shop.orders (id INT PRIMARY KEY AUTO_INCREMENT, item VARCHAR(40), qty INT, price DOUBLE, created DATETIME, note BLOB)");
        Assert.True(setupExit == 0, setupOutput);

        var expected = new List<ExpectedCommand>();
        using TsharkCapture tshark = TsharkCapture.Start(server.Port);
        using CaptureSession session = Capture.Start();
        await using (var connection = new MySqlConnection(server.ConnectionString()))
        {
            // Opening logs in (the handshake: no records) and sets the character set.
            var opening = Stopwatch.StartNew();
            await connection.OpenAsync();
            expected.Add(new ExpectedCommand(0x03, "SET NAMES utf8mb4;", 3, "OK: affected 0 rows, last insert id 0", (long)opening.Elapsed.TotalNanoseconds));
            async Task Run(byte command, string body, long status, string response, Func<Task> action)
            {
                var clock = Stopwatch.StartNew();
                await action();
                expected.Add(new ExpectedCommand(command, body, status, response, (long)clock.Elapsed.TotalNanoseconds));
            }

            await Run(0x03, "INSERT INTO orders (item, qty, price) VALUES ('book', 2, 9.5), ('pen', 10, 1.25)", 3, "OK: affected 2 rows, last insert id 1", async () =>
            {
                await using var insert = new MySqlCommand("INSERT INTO orders (item, qty, price) VALUES ('book', 2, 9.5), ('pen', 10, 1.25)", connection);
                Assert.Equal(2, await insert.ExecuteNonQueryAsync());
            });
            await Run(0x03, "SELECT id, item, qty FROM orders ORDER BY id", 3, "Resultset rows = 2, columns = 3", async () =>
            {
                await using var select = new MySqlCommand("SELECT id, item, qty FROM orders ORDER BY id", connection);
                await using MySqlDataReader reader = await select.ExecuteReaderAsync();
                int rows = 0;
                while (await reader.ReadAsync())
                    rows++;
                Assert.Equal(2, rows);
            });

            await using (var query = new MySqlCommand("SELECT id, item, qty FROM orders WHERE qty > @qty AND item <> @item", connection))
            {
                query.Parameters.AddWithValue("@qty", 1);
                query.Parameters.AddWithValue("@item", "pen");
                await Run(0x16, "SELECT id, item, qty FROM orders WHERE qty > ? AND item <> ?", 3, "OK: statement 1, 2 params, 3 columns", () => query.PrepareAsync());
                await Run(0x17, "SELECT id, item, qty FROM orders WHERE qty > 1 AND item <> 'pen'", 3, "Resultset rows = 1, columns = 3", async () =>
                {
                    await using MySqlDataReader reader = await query.ExecuteReaderAsync();
                    while (await reader.ReadAsync())
                    {
                    }
                });
                query.Parameters["@qty"].Value = 0;
                query.Parameters["@item"].Value = "it's";
                await Run(0x17, "SELECT id, item, qty FROM orders WHERE qty > 0 AND item <> 'it''s'", 3, "Resultset rows = 2, columns = 3", async () =>
                {
                    await using MySqlDataReader reader = await query.ExecuteReaderAsync();
                    while (await reader.ReadAsync())
                    {
                    }
                });
            }

            await using (var insert = new MySqlCommand("INSERT INTO orders (item, qty, price, created, note) VALUES (@item, @qty, @price, @created, @note)", connection))
            {
                insert.Parameters.AddWithValue("@item", "lamp");
                insert.Parameters.AddWithValue("@qty", 3);
                insert.Parameters.AddWithValue("@price", 19.99);
                insert.Parameters.AddWithValue("@created", new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Unspecified));
                insert.Parameters.AddWithValue("@note", new byte[] { 0x00, 0xFF, 0x10 });
                await Run(0x16, "INSERT INTO orders (item, qty, price, created, note) VALUES (?, ?, ?, ?, ?)", 3, "OK: statement 2, 5 params, 0 columns", () => insert.PrepareAsync());
                await Run(0x17, "INSERT INTO orders (item, qty, price, created, note) VALUES ('lamp', 3, 19.99, '2024-01-02 03:04:05', X'00FF10')", 3, "OK: affected 1 rows, last insert id 3", async () =>
                    Assert.Equal(1, await insert.ExecuteNonQueryAsync()));
                insert.Parameters["@item"].Value = DBNull.Value;
                await Run(0x17, "INSERT INTO orders (item, qty, price, created, note) VALUES (NULL, 3, 19.99, '2024-01-02 03:04:05', X'00FF10')", 3, "OK: affected 1 rows, last insert id 4", async () =>
                    Assert.Equal(1, await insert.ExecuteNonQueryAsync()));
            }

            await Run(0x03, "SELECT * FROM missing", 2, "ERR 1146 (42S02): Table 'shop.missing' doesn't exist", async () =>
            {
                await using var missing = new MySqlCommand("SELECT * FROM missing", connection);
                await Assert.ThrowsAsync<MySqlException>(() => missing.ExecuteReaderAsync());
            });
            await Run(0x0e, "", 3, "OK: affected 0 rows, last insert id 0", async () => Assert.True(await connection.PingAsync()));
        }
        expected.Add(new ExpectedCommand(0x01, "", 1, "", 0));
        Thread.Sleep(200); // the server reads COM_QUIT after the client has closed
        List<MysqlEvent> rows = StopAndRead(session);

        Dump(rows, server.Port);
        int serverPid = server.Process.Pid;
        List<MysqlEvent> serverSide = [.. rows.Where(r => r.TraceRole == 2 && r.LocalPort == server.Port && r.Upid.Pid == (uint)serverPid).OrderBy(r => r.TimeUnixNs)];
        List<MysqlEvent> clientSide = [.. rows.Where(r => r.TraceRole == 1 && r.RemotePort == server.Port && r.Upid.Pid == (uint)Environment.ProcessId).OrderBy(r => r.TimeUnixNs)];
        AssertEachOnce(expected, serverSide, "server side (mariadbd)");
        AssertEachOnce(expected, clientSide, "client side (MySqlConnector)");
        List<TsharkMysqlExchange> decoded = TsharkMysqlExchange.From(tshark.ReadPackets("mysql", TsharkMysqlExchange.FieldNames), server.Port);
        TsharkMysqlExchange.AssertAgree(decoded, serverSide, "server side vs tshark");
        TsharkMysqlExchange.AssertAgree(decoded, clientSide, "client side vs tshark");
    }

    [Fact]
    public void Mariadb_command_line_client_text_protocol_every_command_once_on_both_sides()
    {
        using MariaDbServer server = MariaDbServer.Start();
        (int setupExit, string setupOutput) = server.Client("CREATE DATABASE shop; CREATE TABLE shop.items (id INT PRIMARY KEY, name VARCHAR(20))");
        Assert.True(setupExit == 0, setupOutput);

        using TsharkCapture tshark = TsharkCapture.Start(server.Port);
        using CaptureSession session = Capture.Start();
        var clock = Stopwatch.StartNew();
        (int exit, string cliOutput) = server.Client(
            "SELECT 1 + 1 AS two; USE shop; INSERT INTO items VALUES (1, 'one'), (2, 'two'), (3, NULL); "
            + "SELECT id, name FROM items ORDER BY id; UPDATE items SET name = 'uno' WHERE id = 1; SELECT * FROM nope");
        long elapsed = (long)clock.Elapsed.TotalNanoseconds;
        Thread.Sleep(200);
        List<MysqlEvent> rows = StopAndRead(session);
        Assert.True(exit == 1 && cliOutput.Contains("ERROR 1146 (42S02)", StringComparison.Ordinal), $"mariadb exited {exit}: {cliOutput}");

        Dump(rows, server.Port);
        ExpectedCommand E(byte command, string body, long status, string response) => new(command, body, status, response, elapsed);
        List<ExpectedCommand> expected =
        [
            E(0x03, "SELECT 1 + 1 AS two", 3, "Resultset rows = 1, columns = 1"),
            // The client asks for the current schema before it changes it.
            E(0x03, "SELECT DATABASE()", 3, "Resultset rows = 1, columns = 1"),
            E(0x02, "shop", 3, "OK: affected 0 rows, last insert id 0"),
            E(0x03, "INSERT INTO items VALUES (1, 'one'), (2, 'two'), (3, NULL)", 3, "OK: affected 3 rows, last insert id 0"),
            E(0x03, "SELECT id, name FROM items ORDER BY id", 3, "Resultset rows = 3, columns = 2"),
            E(0x03, "UPDATE items SET name = 'uno' WHERE id = 1", 3, "OK: affected 1 rows, last insert id 0"),
            E(0x03, "SELECT * FROM nope", 2, "ERR 1146 (42S02): Table 'shop.nope' doesn't exist"),
            E(0x01, "", 1, ""),
        ];
        int serverPid = server.Process.Pid;
        List<MysqlEvent> serverSide = [.. rows.Where(r => r.TraceRole == 2 && r.LocalPort == server.Port && r.Upid.Pid == (uint)serverPid).OrderBy(r => r.TimeUnixNs)];
        List<MysqlEvent> clientSide = [.. rows.Where(r => r.TraceRole == 1 && r.RemotePort == server.Port).OrderBy(r => r.TimeUnixNs)];
        AssertEachOnce(expected, serverSide, "server side (mariadbd)");
        AssertEachOnce(expected, clientSide, "client side (mariadb)");
        List<TsharkMysqlExchange> decoded = TsharkMysqlExchange.From(tshark.ReadPackets("mysql", TsharkMysqlExchange.FieldNames), server.Port);
        TsharkMysqlExchange.AssertAgree(decoded, serverSide, "server side vs tshark");
        TsharkMysqlExchange.AssertAgree(decoded, clientSide, "client side vs tshark");
    }

    private void Dump(List<MysqlEvent> rows, int port)
    {
        foreach (MysqlEvent r in rows.Where(r => r.LocalPort == port || r.RemotePort == port))
            output.WriteLine($"pid {r.Upid.Pid} role {r.TraceRole} cmd 0x{r.ReqCmd:x2} [{r.ReqBody}] -> {r.RespStatus} [{r.RespBody}] {r.LatencyNs / 1e6:0.000} ms");
    }

    private static List<MysqlEvent> StopAndRead(CaptureSession session)
    {
        CaptureSummary summary = session.Stop();
        Assert.Null(session.Fault);
        Assert.Equal(0UL, summary.DroppedEvents);
        return MysqlEvent.ReadAll(session.Tables.MysqlEvents);
    }

    private static void AssertEachOnce(List<ExpectedCommand> expected, List<MysqlEvent> rows, string side)
    {
        List<MysqlEvent> ordered = [.. rows.OrderBy(r => r.TimeUnixNs)];
        string Describe() => string.Join("\n", ordered.Select(r => "  " + ExpectedCommand.Format(r.ReqCmd, r.ReqBody, r.RespStatus, r.RespBody)));
        Assert.True(expected.Count == ordered.Count, $"{side}: expected {expected.Count} commands, captured {ordered.Count}:\n{Describe()}");
        for (int i = 0; i < expected.Count; i++)
        {
            ExpectedCommand e = expected[i];
            MysqlEvent r = ordered[i];
            string actual = ExpectedCommand.Format(r.ReqCmd, r.ReqBody, r.RespStatus, r.RespBody);
            Assert.True(e.Key == actual, $"{side}: command {i}: expected\n  {e.Key}\ncaptured\n  {actual}\nall captured:\n{Describe()}");
            if (e.Status == 1)
                continue;
            Assert.True(r.LatencyNs > 0, $"{side}: command {i} ({e.Key}) has latency {r.LatencyNs} ns");
            Assert.True(r.LatencyNs <= e.ClientLatencyNs, $"{side}: command {i} ({e.Key}) latency {r.LatencyNs / 1e6:0.000} ms exceeds the client's {e.ClientLatencyNs / 1e6:0.000} ms");
        }
    }

    /// <summary>What a client did for one command: the ground truth a row must match.</summary>
    private sealed record ExpectedCommand(byte Command, string Body, long Status, string Response, long ClientLatencyNs)
    {
        public string Key => Format(Command, Body, Status, Response);

        public static string Format(long command, string body, long status, string response) =>
            string.Create(CultureInfo.InvariantCulture, $"0x{command:x2} [{body}] -> {status} [{response}]");
    }
}
