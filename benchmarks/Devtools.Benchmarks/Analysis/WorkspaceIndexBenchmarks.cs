using BenchmarkDotNet.Attributes;
using Devtools.Lsp.Analysis;
using Devtools.Lsp.Tests.Infrastructure;

namespace Devtools.Benchmarks.Analysis;

/// <summary>
/// The editor bridge's Roslyn index on a generated 500-file ASP.NET Core workspace (the same
/// generator as the tests): a full index from disk, and one edited file re-analysed until its
/// new snapshot (endpoints, routes, SQL, methods of the whole workspace) is published.
/// <c>dotnet run -c Release --project benchmarks/Devtools.Benchmarks -- --filter *WorkspaceIndex* --inProcess</c>
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 8)]
public class WorkspaceIndexBenchmarks
{
    private const int Files = 500;
    private const int EditedFile = 7;

    private string _root = null!;
    private WorkspaceIndex _index = null!;
    private string _edited = null!;
    private int _edit;

    [GlobalSetup]
    public void Setup()
    {
        _root = Directory.CreateTempSubdirectory("devtools-bench-").FullName;
        SyntheticWorkspace.Write(_root, Files);
        _edited = SyntheticWorkspace.ServicePath(_root, EditedFile);
        _index = new WorkspaceIndex([_root]);
        _index.LoadAsync().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _index.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    [Benchmark]
    public async Task<int> FullIndex()
    {
        using var index = new WorkspaceIndex([_root]);
        WorkspaceSnapshot snapshot = await index.LoadAsync();
        return snapshot.FileCount;
    }

    [Benchmark]
    public async Task<long> OneFileUpdate()
    {
        _index.Update(_edited, SyntheticWorkspace.EditedService(EditedFile, _edit++));
        WorkspaceSnapshot snapshot = await _index.WhenIdleAsync();
        return snapshot.Version;
    }
}
