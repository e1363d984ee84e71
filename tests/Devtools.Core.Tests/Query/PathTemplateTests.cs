using Devtools.Core.Query.Paths;
using Devtools.Core.Tests.Support;

namespace Devtools.Core.Tests.Query;

public sealed class PathTemplateTests
{
    [Theory]
    [InlineData("/orders/17", "/orders/{id}")]
    [InlineData("/orders/18", "/orders/{id}")]
    [InlineData("/users/550e8400-e29b-41d4-a716-446655440000/cart?x=1", "/users/{guid}/cart")]
    [InlineData("/v1/items", "/v1/items")]
    [InlineData("/blob/deadbeefcafe01", "/blob/{hex}")]
    [InlineData("", "/")]
    [InlineData("/", "/")]
    [InlineData("?x=1", "/")]
    [InlineData("#top", "/")]
    [InlineData("/api2/orders", "/api2/orders")]
    [InlineData("/orders/17/items/3", "/orders/{id}/items/{id}")]
    [InlineData("/orders/17/", "/orders/{id}/")]
    [InlineData("/orders//17", "/orders//{id}")]
    [InlineData("/orders/17#frag", "/orders/{id}")]
    [InlineData("/orders/17?a=1#frag", "/orders/{id}")]
    [InlineData("/0", "/{id}")]
    [InlineData("/users/550E8400-E29B-41D4-A716-446655440000", "/users/{guid}")]
    [InlineData("/users/{550e8400-e29b-41d4-a716-446655440000}", "/users/{guid}")]
    [InlineData("/users/(550e8400-e29b-41d4-a716-446655440000)", "/users/{guid}")]
    [InlineData("/users/550e8400e29b41d4a716446655440000", "/users/{guid}")]
    [InlineData("/users/550e8400-e29b-41d4-a716-44665544000", "/users/{token}")]
    [InlineData("/users/550e8400-e29b-41d4-a716-44665544000g", "/users/{token}")]
    [InlineData("/users/550e8400-e29b-41d4-a716", "/users/{token}")]
    [InlineData("/users/550e8400e29b41d4a71644665544000", "/users/{hex}")]
    [InlineData("/commits/a1b2c3d4", "/commits/{hex}")]
    [InlineData("/commits/A1B2C3D4E5F6", "/commits/{hex}")]
    [InlineData("/commits/a1b2c3d", "/commits/a1b2c3d")]
    [InlineData("/words/deadbeef", "/words/deadbeef")]
    [InlineData("/words/facade", "/words/facade")]
    [InlineData("/words/accessed", "/words/accessed")]
    [InlineData("/session/eyJhbGciOiJIUzI1NiJ9abc", "/session/{token}")]
    [InlineData("/s/Zx9_kQ-3vB7mN2pL8rT4w", "/s/{token}")]
    [InlineData("/s/abcdefghijklmnopqrstuvwxyz", "/s/abcdefghijklmnopqrstuvwxyz")]
    [InlineData("/s/this-is-a-very-long-readable-slug", "/s/this-is-a-very-long-readable-slug")]
    [InlineData("/s/short9token", "/s/short9token")]
    [InlineData("/s/12345678901234567890123", "/s/{id}")]
    [InlineData("/reports/2024-01-15", "/reports/2024-01-15")]
    [InlineData("/reports/2024", "/reports/{id}")]
    [InlineData("/static/app.min.js", "/static/app.min.js")]
    [InlineData("/files/17.json", "/files/17.json")]
    [InlineData("/price/-5", "/price/-5")]
    [InlineData("/price/3.14", "/price/3.14")]
    [InlineData("/Orders/17", "/Orders/{id}")]
    [InlineData("/search/%E4%B8%AD", "/search/%E4%B8%AD")]
    [InlineData("http://shop.local:8080/orders/17?x=1", "/orders/{id}")]
    [InlineData("https://shop.local", "/")]
    [InlineData("*", "*")]
    [InlineData("orders/17", "orders/{id}")]
    [InlineData("/redirect?to=http://x/1", "/redirect")]
    [InlineData("/ünïcødé/17", "/ünïcødé/{id}")]
    public void Normalizes(string path, string expected)
    {
        Assert.Equal(expected, PathTemplate.Normalize(path));
        Assert.Equal(expected, PathTemplate.Normalize(path.AsSpan()));
    }

    [Fact]
    public void NullIsTheRoot()
    {
        Assert.Equal("/", PathTemplate.Normalize((string?)null));
    }

    [Fact]
    public void LongPathsUseAPooledBuffer()
    {
        string path = string.Concat(Enumerable.Range(0, 200).Select(i => $"/seg{i}/{i}"));
        string expected = string.Concat(Enumerable.Range(0, 200).Select(i => $"/seg{i}/{{id}}"));

        Assert.Equal(expected, PathTemplate.Normalize(path));
    }

    [Fact]
    public void SeenTemplatesAreSharedAndCostNoAllocation()
    {
        string first = PathTemplate.Normalize("/alloc-test/1/items/2");
        string second = PathTemplate.Normalize("/alloc-test/99/items/100?page=2");
        Assert.Same(first, second);

        const string Path = "/alloc-test/123456/items/77?x=1";
        long allocated = Allocations.OfSteadyState(() =>
        {
            for (int i = 0; i < 100; i++)
            {
                PathTemplate.Normalize(Path);
            }
        });

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void TheCacheStaysBounded()
    {
        for (int i = 0; i < PathTemplate.MaxCachedTemplates + 100; i++)
        {
            Assert.Equal($"/bounded/w{i}x", PathTemplate.Normalize($"/bounded/w{i}x"));
        }
    }

    [Fact]
    public void ConcurrentCallersAgree()
    {
        Parallel.For(0, 20_000, i =>
        {
            Assert.Equal($"/p{i % 50}/{{id}}", PathTemplate.Normalize($"/p{i % 50}/{i}"));
        });
    }
}
