namespace Shop.Api;

public static class OrderEndpoints
{
    public static RouteGroupBuilder MapOrders(this RouteGroupBuilder group)
    {
        group.MapGet("/", ListOrders);
        group.MapGet("/{id:int}", GetOrder);
        group.MapPut("/{id:int}", (int id) => Results.NoContent());
        var lines = group.MapGroup("/{orderId:int}/lines");
        lines.MapPatch("/{line:int:min(1)}", (int orderId, int line) => Results.Ok());
        return group;
    }

    private static IResult ListOrders() => Results.Ok();

    private static async Task<IResult> GetOrder(int id, CancellationToken cancellationToken)
    {
        await Task.Delay(1, cancellationToken);
        return Results.Ok(id);
    }
}
