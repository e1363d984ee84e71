using Microsoft.AspNetCore.Mvc;

namespace Shop.Controllers;

public class CustomersController : ApiControllerBase
{
    [HttpGet]
    public IActionResult List() => Ok();

    [HttpGet("{id:long}")]
    public IActionResult Get(long id) => Ok(id);

    [HttpPost]
    [HttpPut("{id:long}")]
    public IActionResult Save(long? id) => Ok();

    [HttpGet("~/customers-by-email/{email}")]
    public async Task<IActionResult> FindByEmailAsync(string email)
    {
        await Task.Yield();
        return Ok(email);
    }

    [Route("[action]/{page=1}")]
    [HttpGet]
    public IActionResult Search(int page) => Ok(page);

    [NonAction]
    public IActionResult Helper() => Ok();
}
