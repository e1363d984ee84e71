using System.Globalization;
using System.Text;

namespace Devtools.Lsp.Tests.Infrastructure;

/// <summary>
/// Writes a generated ASP.NET Core workspace of a given size for measuring the index: a mix of
/// controllers, minimal API modules mapped on groups from Program.cs, and services with SQL,
/// lambdas and local functions — about 150 lines a file. Shared by the tests and the benchmarks.
/// </summary>
internal static class SyntheticWorkspace
{
    public static void Write(string root, int files)
    {
        var program = new StringBuilder("using Synthetic;\n\nvar app = WebApplication.CreateBuilder(args).Build();\nvar api = app.MapGroup(\"/api\");\n");
        for (int i = 1; i < files; i++)
        {
            string folder = Path.Combine(root, "Module" + (i / 50).ToString(CultureInfo.InvariantCulture));
            Directory.CreateDirectory(folder);
            string text = (i % 5) switch
            {
                0 => Controller(i),
                1 => MinimalModule(i),
                _ => Service(i),
            };
            if (i % 5 == 1)
                program.Append(CultureInfo.InvariantCulture, $"api.MapGroup(\"/m{i}\").MapModule{i}();\n");
            File.WriteAllText(Path.Combine(folder, $"File{i}.cs"), text);
        }
        program.Append("app.Run();\n");
        File.WriteAllText(Path.Combine(root, "Program.cs"), program.ToString());
    }

    /// <summary>A new version of a service file, as an editor buffer: one method changed.</summary>
    public static string EditedService(int i, int edit) => Service(i).Replace("return total;", $"return total + {edit};", StringComparison.Ordinal);

    public static string ServicePath(string root, int i) =>
        Path.Combine(root, "Module" + (i / 50).ToString(CultureInfo.InvariantCulture), $"File{i}.cs");

    private static string Controller(int i)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $$"""
            using Microsoft.AspNetCore.Mvc;
            using Npgsql;

            namespace Synthetic.Controllers;

            [ApiController]
            [Route("api/items{{i}}/[controller]")]
            public sealed class Items{{i}}Controller(NpgsqlDataSource db) : ControllerBase
            {

            """);
        for (int a = 0; a < 8; a++)
        {
            text.Append(CultureInfo.InvariantCulture, $$"""
                    [HttpGet("{id:int}/part{{a}}")]
                    public async Task<IActionResult> Get{{a}}Async(int id)
                    {
                        await using var command = db.CreateCommand("SELECT id, name, price FROM items{{i}} WHERE id = $1 AND part = {{a}}");
                        command.Parameters.AddWithValue(id);
                        object? value = await command.ExecuteScalarAsync();
                        if (value is null)
                            return NotFound();
                        return Ok(value);
                    }

                    [HttpPost("part{{a}}")]
                    public IActionResult Create{{a}}([FromBody] string body) => Created($"/api/items{{i}}/{body.Length}", body);


                """);
        }
        text.Append("}\n");
        return text.ToString();
    }

    private static string MinimalModule(int i)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $$"""
            namespace Synthetic;

            public static class Module{{i}}
            {
                public static RouteGroupBuilder MapModule{{i}}(this RouteGroupBuilder group)
                {
                    var items = group.MapGroup("/items");

            """);
        for (int a = 0; a < 10; a++)
        {
            text.Append(CultureInfo.InvariantCulture, $$"""
                        items.MapGet("/{id:int}/v{{a}}", (int id) => Results.Ok(id * {{a}}));
                        items.MapPost("/v{{a}}", Handle{{a}});

                """);
        }
        text.Append("        return group;\n    }\n\n");
        for (int a = 0; a < 10; a++)
        {
            text.Append(CultureInfo.InvariantCulture, $$"""
                    private static IResult Handle{{a}}(HttpContext context)
                    {
                        string path = context.Request.Path;
                        return path.Length > {{a}} ? Results.Ok(path) : Results.BadRequest();
                    }


                """);
        }
        text.Append("}\n");
        return text.ToString();
    }

    private static string Service(int i)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $$"""
            using Dapper;
            using Npgsql;

            namespace Synthetic.Services;

            public sealed class Service{{i}}(NpgsqlConnection connection)
            {
                private const string Select = "SELECT id, total FROM orders{{i}} WHERE customer_id = @customer";
                private readonly Func<decimal, decimal> _round = value => Math.Round(value, 2);

                public decimal Total { get; private set; }


            """);
        for (int m = 0; m < 10; m++)
        {
            text.Append(CultureInfo.InvariantCulture, $$"""
                    public async Task<decimal> Compute{{m}}Async(int customer, IEnumerable<decimal> extra)
                    {
                        var rows = await connection.QueryAsync<decimal>(Select, new { customer });
                        decimal total = rows.Sum() + extra.Where(x => x > {{m}}).Sum(Scale);
                        Total = _round(total);
                        return total;

                        decimal Scale(decimal x) => x * {{m + 1}};
                    }


                """);
        }
        text.Append("}\n");
        return text.ToString();
    }
}
