namespace Shop.Api;

public static class Checkout
{
    public static IResult Run(HttpContext context)
    {
        return Results.Accepted();
    }
}
