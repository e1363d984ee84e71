using Devtools.Core.Query.Sql;
using Devtools.Lsp.Analysis;
using Devtools.Lsp.Tests.Infrastructure;

namespace Devtools.Lsp.Tests.Sql;

/// <summary>SQL written in TestData/Shop/Data, found at its call sites and matched to what the capture normalises.</summary>
public class SqlLiteralTests
{
    private static readonly string s_data = TestPaths.TestData("Shop", "Data");

    [Fact]
    public async Task Statements_are_found_in_every_string_form_with_exact_ranges()
    {
        WorkspaceSnapshot snapshot = await TestWorkspace.LoadAsync(s_data);
        string repository = Path.Combine(s_data, "OrderRepository.cs");
        string legacy = Path.Combine(s_data, "LegacyReports.cs");

        Assert.Equal(
        [
            // A const handed to Dapper: the site is the constant's initialiser.
            (new SourceRange(7, 39, 7, 97), "SELECT id, customer_id, total FROM orders WHERE id = @id", "QuerySingleOrDefaultAsync"),
            // A concatenation across lines passed to NpgsqlCommand.
            (new SourceRange(18, 12, 19, 31), "SELECT count(*) FROM orders WHERE status = $1", "NpgsqlCommand"),
            // A raw string literal: its indentation removed, values normalised.
            (new SourceRange(27, 38, 31, 15), "UPDATE orders SET archived = ? WHERE created_at < @before", "ExecuteAsync"),
        ], snapshot.SqlLiteralsIn(repository).Select(s => (s.Range, s.NormalizedForms.Single(), s.Sink)));

        Assert.Equal(
        [
            // An interpolation hole becomes a placeholder.
            (new SourceRange(8, 39, 8, 88), "SELECT COUNT(*) FROM ? WHERE shipped = ?", "MySqlCommand"),
            // A verbatim string in a target-typed new(…), its type read from the method's return type.
            (new SourceRange(13, 12, 15, 59),
                "SELECT c.name, SUM(o.total) AS spent FROM customers c JOIN orders o ON o.customer_id = c.id GROUP BY c.name ORDER BY spent DESC LIMIT ?",
                "MySqlCommand"),
        ], snapshot.SqlLiteralsIn(legacy).Select(s => (s.Range, s.NormalizedForms.Single(), s.Sink)));
        Assert.All(snapshot.SqlLiteralsIn(legacy), s => Assert.Equal(SqlDialect.MySql, s.Dialect));
    }

    [Fact]
    public async Task Shapes_and_sinks_that_syntax_alone_can_tell()
    {
        const string source = """
            using Npgsql;

            class Jobs(NpgsqlDataSource db)
            {
                private static readonly string[] Messages = ["Update available", "Select a file to upload", "Delete from the list?"];

                public NpgsqlCommand Next()
                {
                    NpgsqlCommand claim = new("UPDATE jobs SET taken = now() WHERE id = (SELECT id FROM jobs LIMIT 1) RETURNING id");
                    return claim;
                }

                public NpgsqlCommand Peek() => db.CreateCommand("SELECT id FROM jobs ORDER BY id LIMIT $1");

                public string Label(int n) => "select " + n + " items";
            }
            """;
        WorkspaceSnapshot snapshot = await TestWorkspace.FromSourcesAsync(("/ws/Jobs.cs", source));

        Assert.Equal(
        [
            (8, "NpgsqlCommand", "UPDATE jobs SET taken = now() WHERE id = (SELECT id FROM jobs LIMIT ?) RETURNING id"),
            (12, "CreateCommand", "SELECT id FROM jobs ORDER BY id LIMIT $1"),
        ], snapshot.SqlLiterals.Select(s => (s.Range.Start.Line, s.Sink, s.NormalizedForms.Single())));
    }

    [Fact]
    public async Task Prose_that_starts_with_a_keyword_is_not_SQL()
    {
        WorkspaceSnapshot snapshot = await TestWorkspace.LoadAsync(s_data);

        Assert.DoesNotContain(snapshot.SqlLiterals, s => s.Text.StartsWith("Select an order", StringComparison.Ordinal));
    }

    [Theory]
    // What Npgsql sends for "@id": it rewrites named parameters to $1.
    [InlineData("SELECT id, customer_id, total FROM orders WHERE id = $1", 7, SqlMatchKind.Tolerant)]
    [InlineData("SELECT count(*) FROM orders WHERE status = $1", 18, SqlMatchKind.Exact)]
    [InlineData("select count(*)   from orders where status = $1;", 18, SqlMatchKind.Exact)]
    [InlineData("UPDATE orders\n SET archived = true WHERE created_at < $1", 27, SqlMatchKind.Tolerant)]
    public async Task Captured_statements_normalised_by_the_core_find_their_site(string wire, int line, SqlMatchKind kind)
    {
        WorkspaceSnapshot snapshot = await TestWorkspace.LoadAsync(s_data);
        string normalized = new SqlNormalizer(SqlDialect.PostgreSql).Normalize(wire);

        SqlMatch match = snapshot.Sql.Match(normalized);

        Assert.Equal(kind, match.Kind);
        Assert.Equal(line, Assert.Single(match.Sites).Range.Start.Line);
    }

    [Fact]
    public async Task MySQL_text_protocol_statements_with_inlined_values_match_their_site()
    {
        WorkspaceSnapshot snapshot = await TestWorkspace.LoadAsync(s_data);
        string normalized = new SqlNormalizer(SqlDialect.MySql).Normalize("SELECT COUNT(*) FROM order_lines WHERE shipped = 1");

        // The table came from an interpolation hole; the capture sees its name. No match beats a wrong one.
        Assert.Equal(SqlMatchKind.None, snapshot.Sql.Match(normalized).Kind);
        string top = new SqlNormalizer(SqlDialect.MySql).Normalize(
            "SELECT c.name, SUM(o.total) AS spent FROM customers c JOIN orders o ON o.customer_id = c.id GROUP BY c.name ORDER BY spent DESC LIMIT 10");
        Assert.Equal(13, Assert.Single(snapshot.Sql.Match(top).Sites).Range.Start.Line);
    }

    [Fact]
    public async Task Constants_concatenations_and_EF_raw_SQL_in_an_editor_buffer()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore;

            namespace Shop.Data;

            public class Reports(ShopContext db)
            {
                private const string Table = "orders";
                private const string Columns = "id, total";

                public IQueryable<Order> Large(decimal min) =>
                    db.Orders.FromSqlRaw("SELECT " + Columns + " FROM " + Table + " WHERE total > {0}", min);

                public IQueryable<Order> ByCustomer(int customerId) =>
                    db.Orders.FromSql($"SELECT * FROM orders WHERE customer_id = {customerId}");

                public Task<int> Purge() => db.Database.ExecuteSqlRawAsync(sql: "DELETE FROM orders WHERE total = 0");
            }
            """;
        WorkspaceSnapshot snapshot = await TestWorkspace.FromSourcesAsync(("/ws/Reports.cs", source));

        Assert.Equal(
        [
            // EF's {0} is sent as a parameter.
            (10, "SELECT id, total FROM orders WHERE total > ?", "FromSqlRaw"),
            (13, "SELECT * FROM orders WHERE customer_id = ?", "FromSql"),
            (15, "DELETE FROM orders WHERE total = ?", "ExecuteSqlRawAsync"),
        ], snapshot.SqlLiterals.Select(s => (s.Range.Start.Line, s.NormalizedForms[0], s.Sink)));

        // EF sends @p0; Npgsql puts $1 on the wire.
        string wire = new SqlNormalizer(SqlDialect.PostgreSql).Normalize("SELECT id, total FROM orders WHERE total > $1");
        Assert.Equal(10, Assert.Single(snapshot.Sql.Match(wire).Sites).Range.Start.Line);
    }
}
