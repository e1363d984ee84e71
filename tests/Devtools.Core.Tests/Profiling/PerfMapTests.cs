using Devtools.Core.Profiling.Symbols;

namespace Devtools.Core.Tests.Profiling;

public sealed class PerfMapTests
{
    [Fact]
    public void Parses_both_address_styles_and_finds_the_code_containing_an_address()
    {
        var map = new PerfMap("/nonexistent");
        map.Parse("""
            0x7f170be62970 e8 int64 [HotLoop] HotLoop.Worker::BurnCpu(int32)[MinOptJitted]
            7f170be70000 100 instance void [System.Private.CoreLib] System.Threading.Thread::Sleep(int32)
            not a line
            0x7f170be80000 0 zero sized
            """);

        Assert.Equal(2, map.Count);
        Assert.True(map.TryFind(0x7f170be62970, out string name));
        Assert.Equal("int64 [HotLoop] HotLoop.Worker::BurnCpu(int32)[MinOptJitted]", name);
        Assert.True(map.TryFind(0x7f170be62970 + 0xe7, out _));
        Assert.False(map.TryFind(0x7f170be62970 + 0xe8, out _));
        Assert.True(map.TryFind(0x7f170be700ff, out name));
        Assert.StartsWith("instance void [System.Private.CoreLib]", name, StringComparison.Ordinal);
        Assert.False(map.TryFind(0x1000, out _));
    }

    [Fact]
    public void Later_lines_win_where_code_was_replaced_at_the_same_address()
    {
        var map = new PerfMap("/nonexistent");
        map.Parse("0x1000 100 old\n0x5000 10 other\n0x1000 80 new\n");

        Assert.True(map.TryFind(0x1010, out string name));
        Assert.Equal("new", name);
    }

    [Fact]
    public void Refresh_reads_only_complete_new_lines_as_the_file_grows()
    {
        string path = Path.Combine(Path.GetTempPath(), $"perf-test-{Guid.NewGuid():N}.map");
        try
        {
            File.WriteAllText(path, "0x1000 10 first\n0x2000 10 sec");
            var map = new PerfMap(path);
            Assert.Equal(1, map.Refresh());
            Assert.False(map.TryFind(0x2004, out _));

            File.AppendAllText(path, "ond\n0x3000 10 third\n");
            Assert.Equal(2, map.Refresh());
            Assert.True(map.TryFind(0x2004, out string name));
            Assert.Equal("second", name);
            Assert.True(map.TryFind(0x3004, out _));
            Assert.Equal(0, map.Refresh());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_missing_file_refreshes_to_nothing()
    {
        var map = new PerfMap("/nonexistent/perf-1.map");

        Assert.Equal(0, map.Refresh());
        Assert.False(map.TryFind(0x1000, out _));
    }

    [Theory]
    [InlineData("int64 [HotLoop] HotLoop.Worker::BurnCpu(int32)[MinOptJitted]", "HotLoop.Worker::BurnCpu(int32)", "HotLoop")]
    [InlineData("int64 [HotLoop] HotLoop.Worker::BurnCpu(int32)[OSR]", "HotLoop.Worker::BurnCpu(int32)", "HotLoop")]
    [InlineData("int64 [HotLoop] HotLoop.Worker::BurnCpu(int32)", "HotLoop.Worker::BurnCpu(int32)", "HotLoop")]
    [InlineData("valuetype System.DateTime [System.Private.CoreLib] System.DateTime::get_UtcNow()[InstrumentedTierOptimized]", "System.DateTime::get_UtcNow()", "System.Private.CoreLib")]
    [InlineData("!0 [System.Private.CoreLib] System.RuntimeType+IGenericCacheEntry`1[System.__Canon]::CreateAndCache(class System.RuntimeType)[QuickJitted]", "System.RuntimeType+IGenericCacheEntry`1[System.__Canon]::CreateAndCache(class System.RuntimeType)", "System.Private.CoreLib")]
    [InlineData("string[] [App] App.C::M()", "App.C::M()", "App")]
    [InlineData("stub<12> ReportStubBlock<MethodCallThunk>", "stub ReportStubBlock<MethodCallThunk>", null)]
    [InlineData("LazyCompile:*fib /app/index.js:3", "LazyCompile:*fib /app/index.js:3", null)]
    public void Jit_names_keep_the_method_and_its_assembly(string raw, string function, string? module)
    {
        (string f, string? m) = JitNames.Clean(raw);

        Assert.Equal(function, f);
        Assert.Equal(module, m);
    }
}
