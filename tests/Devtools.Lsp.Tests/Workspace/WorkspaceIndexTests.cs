using Devtools.Lsp.Analysis;
using Devtools.Lsp.Tests.Infrastructure;

namespace Devtools.Lsp.Tests.Workspace;

/// <summary>Loading, incremental updates from the editor and the disk, and snapshots that do not change under readers.</summary>
public sealed class WorkspaceIndexTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("devtools-lsp-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Write(string relative, string text)
    {
        string path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task Build_output_and_tool_folders_are_skipped()
    {
        Write("src/Kept.cs", "class Kept { void Run() { } }");
        Write("src/obj/Debug/net10.0/Generated.cs", "class Generated { void Run() { } }");
        Write("src/bin/Copied.cs", "class Copied { void Run() { } }");
        Write(".git/hooks/Hook.cs", "class Hook { }");
        Write("web/node_modules/pkg/Tool.cs", "class Tool { }");
        Write("src/notes.txt", "not C#");
        using var index = new WorkspaceIndex([_root]);

        WorkspaceSnapshot snapshot = await index.LoadAsync();

        Assert.Equal([Path.Combine(_root, "src", "Kept.cs")], snapshot.Files);
    }

    [Fact]
    public async Task Editor_text_replaces_the_disk_until_closed_and_earlier_snapshots_stay_as_they_were()
    {
        string program = Write("Program.cs", "var app = WebApplication.Create();\napp.MapGet(\"/a\", () => 1);\napp.Run();\n");
        using var index = new WorkspaceIndex([_root]);
        WorkspaceSnapshot loaded = await index.LoadAsync();

        index.Update(program, "var app = WebApplication.Create();\n\napp.MapGet(\"/b\", () => 1);\napp.Run();\n");
        WorkspaceSnapshot edited = await index.WhenIdleAsync();
        // A save from another tool does not override the open buffer.
        File.WriteAllText(program, "var app = WebApplication.Create();\napp.MapGet(\"/disk\", () => 1);\n");
        index.Refresh(program);
        WorkspaceSnapshot afterDiskChange = await index.WhenIdleAsync();
        index.Close(program);
        WorkspaceSnapshot closed = await index.WhenIdleAsync();

        Assert.Equal(["/a"], loaded.Endpoints.Select(e => e.RouteTemplate));
        Assert.Equal(1, loaded.Endpoints[0].Range.Start.Line);
        Assert.Equal(["/b"], edited.Endpoints.Select(e => e.RouteTemplate));
        Assert.Equal(2, edited.Endpoints[0].Range.Start.Line);
        Assert.Equal(["/b"], afterDiskChange.Endpoints.Select(e => e.RouteTemplate));
        Assert.Equal(["/disk"], closed.Endpoints.Select(e => e.RouteTemplate));
        Assert.True(loaded.Version < edited.Version && edited.Version < closed.Version);
    }

    [Fact]
    public async Task A_change_in_one_file_updates_endpoints_that_depend_on_it_in_another()
    {
        Write("Program.cs", "var app = WebApplication.Create();\napp.MapGroup(\"/api\").MapOrders();\n");
        string endpoints = Write("Orders.cs", """
            static class Orders
            {
                public static void MapOrders(this RouteGroupBuilder group) => group.MapGet("/orders", () => 1);
            }
            """);
        using var index = new WorkspaceIndex([_root]);
        WorkspaceSnapshot before = await index.LoadAsync();

        index.Update(Path.Combine(_root, "Program.cs"), "var app = WebApplication.Create();\napp.MapGroup(\"/v2\").MapOrders();\n");
        WorkspaceSnapshot after = await index.WhenIdleAsync();

        Assert.Equal("/api/orders", Assert.Single(before.EndpointsIn(endpoints)).RouteTemplate);
        Assert.Equal("/v2/orders", Assert.Single(after.EndpointsIn(endpoints)).RouteTemplate);
    }

    [Fact]
    public async Task Created_and_deleted_files_come_and_go()
    {
        Write("A.cs", "class A { void Run() { } }");
        using var index = new WorkspaceIndex([_root]);
        await index.LoadAsync();

        string b = Write("B.cs", "class B { void Run() { } }");
        index.Refresh(b);
        WorkspaceSnapshot added = await index.WhenIdleAsync();
        File.Delete(b);
        index.Refresh(b);
        WorkspaceSnapshot deletedOnDisk = await index.WhenIdleAsync();
        index.Remove(Path.Combine(_root, "A.cs"));
        WorkspaceSnapshot removed = await index.WhenIdleAsync();

        Assert.Equal(["A.Run", "B.Run"], added.Files.Order(StringComparer.Ordinal).SelectMany(f => added.MethodsIn(f)).Select(m => m.QualifiedName));
        Assert.False(deletedOnDisk.Contains(b));
        Assert.Equal(0, removed.FileCount);
    }

    [Fact]
    public async Task A_burst_of_edits_is_coalesced_and_announced()
    {
        string file = Write("Program.cs", "var app = WebApplication.Create();\n");
        using var index = new WorkspaceIndex([_root]);
        await index.LoadAsync();
        var published = new List<WorkspaceSnapshot>();
        index.Changed += (_, snapshot) =>
        {
            lock (published)
                published.Add(snapshot);
        };

        for (int i = 0; i < 50; i++)
            index.Update(file, $"var app = WebApplication.Create();\napp.MapGet(\"/v{i}\", () => 1);\n");
        WorkspaceSnapshot last = await index.WhenIdleAsync();

        Assert.Equal("/v49", Assert.Single(last.Endpoints).RouteTemplate);
        lock (published)
        {
            Assert.InRange(published.Count, 1, 50);
            Assert.Same(last, published[^1]);
        }
        Assert.Same(last, index.Current);
    }

    [Fact]
    public async Task Readers_on_other_threads_always_see_a_whole_snapshot()
    {
        string file = Write("Program.cs", "var app = WebApplication.Create();\napp.MapGet(\"/r0\", () => 1);\n");
        using var index = new WorkspaceIndex([_root]);
        await index.LoadAsync();
        using var stop = new CancellationTokenSource();

        Task reader = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                WorkspaceSnapshot snapshot = index.Current;
                EndpointDeclaration endpoint = Assert.Single(snapshot.Endpoints);
                Assert.Same(endpoint.RouteTemplate, Assert.Single(snapshot.Routes.Routes).RouteTemplate);
                Assert.NotNull(snapshot.Routes.Match("GET", endpoint.RouteTemplate).Route);
            }
        });
        for (int i = 1; i <= 100; i++)
            index.Update(file, $"var app = WebApplication.Create();\napp.MapGet(\"/r{i}\", () => 1);\n");
        await index.WhenIdleAsync();
        await stop.CancelAsync();
        await reader;

        Assert.Equal("/r100", Assert.Single(index.Current.Endpoints).RouteTemplate);
    }
}
