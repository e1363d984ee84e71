using Npgsql;

namespace Devtools.Lsp.Server.Tests.TestData.SqlWorkspace;

/// <summary>
/// The workspace of <see cref="SqlLensTests"/>: the bridge analyses this folder, and the test runs
/// these very call sites against a real PostgreSQL, so the lenses must land on these literals.
/// </summary>
public static class ItemsRepository
{
    public static async Task<string?> GetNameAsync(NpgsqlConnection connection, int id)
    {
        await using var command = new NpgsqlCommand("SELECT name FROM items WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", id);
        return (string?)await command.ExecuteScalarAsync();
    }

    /// <summary>Fails at Parse: the table does not exist.</summary>
    public static async Task<long> CountMissingAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand("SELECT count(*) FROM missing_items", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Never executed: no lens.</summary>
    public static async Task DeleteAsync(NpgsqlConnection connection, int id)
    {
        await using var command = new NpgsqlCommand("DELETE FROM items WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", id);
        await command.ExecuteNonQueryAsync();
    }
}
