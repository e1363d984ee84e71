using Microsoft.AspNetCore.Mvc;

namespace Shop.Areas.Admin;

[Area("Admin")]
[Route("{area}/[controller]/[action]")]
public class ReportsController : Controller
{
    [HttpGet("{year:int:range(2000,2100)}/{month:int?}")]
    public IActionResult Monthly(int year, int? month) => View();

    [HttpGet]
    public IActionResult Index() => View();
}
