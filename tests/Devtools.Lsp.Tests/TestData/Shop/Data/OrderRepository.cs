using Dapper;
using Npgsql;

namespace Shop.Data;

public sealed class OrderRepository(NpgsqlDataSource dataSource)
{
    private const string SelectOrder = "SELECT id, customer_id, total FROM orders WHERE id = @id";

    public async Task<Order?> GetAsync(int id)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<Order>(SelectOrder, new { id });
    }

    public async Task<int> CountAsync(string status)
    {
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM orders " +
            "WHERE status = $1", await dataSource.OpenConnectionAsync());
        command.Parameters.AddWithValue(status);
        return Convert.ToInt32(await command.ExecuteScalarAsync());
    }

    public async Task ArchiveAsync(DateTime before)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("""
            UPDATE orders
            SET archived = true
            WHERE created_at < @before
            """, new { before });
    }

    public string Describe(int id) => $"Select an order from the list ({id}).";
}

public sealed record Order(int Id, int CustomerId, decimal Total);
