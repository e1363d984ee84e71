using System.Diagnostics;
using Devtools.Lsp.Analysis;
using Devtools.Lsp.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Devtools.Lsp.Tests.Workspace;

/// <summary>
/// Prints how long a 500-file workspace takes to index and to update after one edit. No
/// assertion on time (machines differ and are shared); the figures go in the test output:
/// <c>dotnet test tests/Devtools.Lsp.Tests -c Release --filter IndexPerformanceTests --logger "console;verbosity=detailed"</c>.
/// </summary>
public sealed class IndexPerformanceTests(ITestOutputHelper output) : IDisposable
{
    private const int Files = 500;
    private const int Edits = 40;

    private readonly string _root = Directory.CreateTempSubdirectory("devtools-lsp-perf-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static TimeSpan CpuSince(Process process, ref TimeSpan start)
    {
        process.Refresh();
        TimeSpan now = process.TotalProcessorTime;
        TimeSpan used = now - start;
        start = now;
        return used;
    }

    [Fact]
    public async Task A_500_file_workspace_indexes_fully_and_updates_one_file_incrementally()
    {
        SyntheticWorkspace.Write(_root, Files);
        using var index = new WorkspaceIndex([_root]);

        // CPU time next to wall time: on a shared machine the wall clock mostly measures the neighbours.
        using var process = Process.GetCurrentProcess();
        var clock = Stopwatch.StartNew();
        TimeSpan cpu = process.TotalProcessorTime;
        WorkspaceSnapshot cold = await index.LoadAsync();
        (TimeSpan coldLoad, TimeSpan coldCpu) = (clock.Elapsed, CpuSince(process, ref cpu));
        clock.Restart();
        WorkspaceSnapshot warm = await index.LoadAsync();
        (TimeSpan warmLoad, TimeSpan warmCpu) = (clock.Elapsed, CpuSince(process, ref cpu));

        string edited = SyntheticWorkspace.ServicePath(_root, 7);
        var updates = new List<double>(Edits);
        for (int edit = 0; edit < Edits; edit++)
        {
            clock.Restart();
            index.Update(edited, SyntheticWorkspace.EditedService(7, edit));
            await index.WhenIdleAsync();
            updates.Add(clock.Elapsed.TotalMilliseconds);
        }
        TimeSpan updateCpu = CpuSince(process, ref cpu);
        updates.Sort();
        WorkspaceSnapshot last = index.Current;
        clock.Restart();
        int matched = 0;
        for (int i = 0; i < 10_000; i++)
            matched += last.Routes.Match("GET", $"/api/m{(i % 99 * 5) + 1}/items/{i}/v{i % 10}").Route is null ? 0 : 1;
        TimeSpan matching = clock.Elapsed;

        Assert.Equal(Files, warm.FileCount);
        Assert.Equal(cold.Endpoints.Length, last.Endpoints.Length);
        Assert.Equal(10_000, matched);
        Assert.Null(index.LastError);
        output.WriteLine($"{Files} files, {last.Endpoints.Length} endpoint declarations, {last.Routes.Routes.Length} routes, "
            + $"{last.SqlLiterals.Length} SQL sites, {last.Files.Sum(f => last.MethodsIn(f).Length)} methods; {Environment.ProcessorCount} cores");
        output.WriteLine($"load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        output.WriteLine($"full index: cold {coldLoad.TotalMilliseconds:0} ms wall / {coldCpu.TotalMilliseconds:0} ms CPU (includes JIT of Roslyn), "
            + $"warm {warmLoad.TotalMilliseconds:0} ms wall / {warmCpu.TotalMilliseconds:0} ms CPU");
        output.WriteLine($"one-file update to published snapshot ({Edits} edits): median {updates[Edits / 2]:0.0} ms, "
            + $"p90 {updates[Edits * 9 / 10]:0.0} ms, max {updates[^1]:0.0} ms wall; {updateCpu.TotalMilliseconds / Edits:0.0} ms CPU each");
        output.WriteLine($"route matching: {matching.TotalMilliseconds * 1000 / 10_000:0.0} µs per distinct request path (uncached)");
    }
}
