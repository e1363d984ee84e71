using Shop.Api;

var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

app.MapGet("/", () => "shop");
app.MapMethods("/health", new[] { "GET", "HEAD" }, () => Results.Ok());

var api = app.MapGroup("/api").RequireAuthorization();
var v1 = api.MapGroup("v1");
v1.MapGet("/products/{id:int}", (int id) => Results.Ok(id));
v1.MapGet("/products/{slug}", (string slug) => Results.Ok(slug));
v1.MapGet("/products/featured", () => Results.Ok())
    .WithName("Featured");

api.MapGroup("/orders")
   .MapOrders();

app.MapPost("/checkout", Checkout.Run);
app.MapGet("/files/{**path}", (string path) => path);
app.MapDelete("/carts/{id:guid}", DeleteCart);

app.Run();

static IResult DeleteCart(Guid id) => Results.NoContent();
