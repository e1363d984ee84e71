using Devtools.Lsp.Analysis;
using Devtools.Lsp.Tests.Infrastructure;

namespace Devtools.Lsp.Tests.Workspace;

/// <summary>Paths recorded in PDBs built elsewhere mapped to workspace files by path suffix, never to a wrong file.</summary>
public class PathMappingTests
{
    private static readonly Task<WorkspaceSnapshot> s_snapshot = TestWorkspace.FromSourcesAsync(
        ("/home/me/shop/src/App/Program.cs", "var x = 1;"),
        ("/home/me/shop/src/App/Controllers/OrdersController.cs", "class OrdersController { }"),
        ("/home/me/shop/src/Admin/Controllers/OrdersController.cs", "class OrdersController { }"),
        ("/home/me/shop/src/App/Services/OrderService.cs", "class OrderService { }"),
        ("/home/me/shop/src/Worker/Services/OrderService.cs", "class OrderService { }"),
        ("/home/me/libs/Common/Clock.cs", "class Clock { }"));

    [Theory]
    // A container build: /src/<project>/…; the longest common suffix decides.
    [InlineData("/src/App/Controllers/OrdersController.cs", "/home/me/shop/src/App/Controllers/OrdersController.cs")]
    [InlineData("/src/Admin/Controllers/OrdersController.cs", "/home/me/shop/src/Admin/Controllers/OrdersController.cs")]
    // A Windows build agent: backslashes, a drive letter, another case.
    [InlineData(@"C:\build\app\Program.cs", "/home/me/shop/src/App/Program.cs")]
    [InlineData(@"D:\a\1\s\src\worker\services\orderservice.cs", "/home/me/shop/src/Worker/Services/OrderService.cs")]
    // A file in an extra source root.
    [InlineData("/build/Common/Clock.cs", "/home/me/libs/Common/Clock.cs")]
    // Already a workspace path.
    [InlineData("/home/me/shop/src/App/Program.cs", "/home/me/shop/src/App/Program.cs")]
    public async Task A_recorded_path_maps_to_the_file_sharing_the_longest_suffix(string recorded, string expected) =>
        Assert.Equal(expected, (await s_snapshot).ResolvePath(recorded));

    [Theory]
    // Two files share the longest suffix: no guess.
    [InlineData("/src/Controllers/OrdersController.cs")]
    [InlineData("/other/Services/OrderService.cs")]
    // No file of that name; Linux paths compare case-sensitively.
    [InlineData("/src/App/Startup.cs")]
    [InlineData("/src/App/program.cs")]
    [InlineData("")]
    public async Task Ambiguous_or_unknown_paths_map_to_nothing(string recorded) =>
        Assert.Null((await s_snapshot).ResolvePath(recorded));
}
