using MySqlConnector;

namespace Shop.Data;

public static class LegacyReports
{
    public static async Task<long> CountLinesAsync(MySqlConnection connection, string table)
    {
        var command = new MySqlCommand($"SELECT COUNT(*) FROM {table} WHERE shipped = 1", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public static MySqlCommand TopCustomers(MySqlConnection connection) =>
        new(@"SELECT c.name, SUM(o.total) AS spent
              FROM customers c JOIN orders o ON o.customer_id = c.id
              GROUP BY c.name ORDER BY spent DESC LIMIT 10", connection);
}
