// SampleShop: the small ASP.NET Core service that `devtools demo` and the tests
// capture. Its endpoints cover the HTTP shapes the parser must handle:
// fixed-length and chunked bodies, 201/204/304/404/500, slow handlers and large
// responses written in many pieces; /work burns CPU on one known line.
using System.Text.Json;

var builder = WebApplication.CreateBuilder(args);
builder.Logging.ClearProviders();
builder.Services.AddControllers();
var app = builder.Build();
app.MapControllers();

app.MapMethods("/health", ["GET", "HEAD"], () => Results.Text("ok"));

app.MapGet("/orders/{id:int}", (int id) =>
    id % 50 == 0
        ? Results.NotFound(new ErrorBody($"order {id} not found"))
        : Results.Json(new Order(id, $"item-{id % 7}", id * 3 % 100 + 0.99m)));

app.MapGet("/orders", async (HttpContext ctx, int? count) =>
{
    // No Content-Length: Kestrel sends this chunked, one chunk per flush.
    ctx.Response.ContentType = "application/json";
    int n = Math.Clamp(count ?? 5, 0, 1000);
    await ctx.Response.WriteAsync("[");
    for (int i = 1; i <= n; i++)
    {
        await ctx.Response.WriteAsync(JsonSerializer.Serialize(new Order(i, $"item-{i % 7}", i + 0.5m)) + (i < n ? "," : ""));
        await ctx.Response.Body.FlushAsync();
    }
    await ctx.Response.WriteAsync("]");
});

app.MapPost("/orders", async (HttpContext ctx) =>
{
    using var reader = new StreamReader(ctx.Request.Body);
    string body = await reader.ReadToEndAsync();
    return Results.Json(new Created(body.Length), statusCode: 201);
});

app.MapDelete("/orders/{id:int}", (int id) => Results.NoContent());

app.MapGet("/slow", async (int? ms) =>
{
    await Task.Delay(Math.Clamp(ms ?? 50, 0, 5000));
    return Results.Text("done");
});

app.MapGet("/error", () => Results.Problem("simulated failure", statusCode: 500));

app.MapGet("/big", async (HttpContext ctx, int? kb) =>
{
    // A large body in many writes: it spans many capture events.
    int total = Math.Clamp(kb ?? 256, 1, 64 * 1024) * 1024;
    ctx.Response.ContentType = "application/octet-stream";
    ctx.Response.ContentLength = total;
    var block = new byte[8192];
    Array.Fill(block, (byte)'x');
    for (int sent = 0; sent < total; sent += block.Length)
        await ctx.Response.Body.WriteAsync(block.AsMemory(0, Math.Min(block.Length, total - sent)));
});

// CPU-bound work for the profiler and the editor's hot-line view: the marked
// line is where nearly all of this endpoint's samples land.
app.MapGet("/work", (int? n) => Results.Text(Work.Spin(Math.Clamp(n ?? 2_000_000, 1, 200_000_000)).ToString()));

app.MapGet("/static/logo", (HttpContext ctx) =>
{
    const string etag = "\"logo-v1\"";
    if (ctx.Request.Headers.IfNoneMatch == etag)
        return Results.StatusCode(304);
    ctx.Response.Headers.ETag = etag;
    return Results.Text("<svg/>", "image/svg+xml");
});

app.Lifetime.ApplicationStarted.Register(() =>
    Console.WriteLine($"SampleShop listening on {string.Join(", ", app.Urls)} (pid {Environment.ProcessId})"));

app.Run();

sealed record Order(int Id, string Item, decimal Price);
sealed record ErrorBody(string Error);
sealed record Created(int BytesReceived);

static class Work
{
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    public static ulong Spin(int n)
    {
        ulong x = 0x9E3779B97F4A7C15;
        for (int i = 0; i < n; i++)
            x = (x ^ (x >> 29)) * 0xBF58476D1CE4E5B9 + (ulong)i; // HOT: the /work loop (devtools e2e looks for this marker)
        return x;
    }
}

