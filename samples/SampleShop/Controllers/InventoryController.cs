using Microsoft.AspNetCore.Mvc;

namespace SampleShop.Controllers;

/// <summary>
/// A controller-routed endpoint beside the minimal APIs, so the editor bridge's live
/// CodeLens is tested on both kinds of ASP.NET Core endpoint.
/// </summary>
[ApiController]
[Route("api/inventory")]
public sealed class InventoryController : ControllerBase
{
    [HttpGet("{sku}")]
    public ActionResult<StockLevel> Get(string sku) =>
        sku.StartsWith('x') ? NotFound() : new StockLevel(sku, sku.Length * 7 % 40);
}

public sealed record StockLevel(string Sku, int Count);
