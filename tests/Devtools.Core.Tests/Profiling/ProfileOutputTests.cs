using System.Text;
using System.Text.Json;
using Devtools.Core.Profiling;
using Devtools.Core.Profiling.Output;
using Devtools.Core.Storage;
using Devtools.Core.Storage.Schemas;
using Devtools.Core.Storage.Tables;

namespace Devtools.Core.Tests.Profiling;

public sealed class ProfileOutputTests
{
    [Fact]
    public void Folded_stacks_are_root_first_with_kernel_frames_marked()
    {
        Profile profile = ProfileSamples.Create();

        ProfileStack syscall = profile.Stacks.Single(s => s.Count == 20);
        Assert.Equal("main;[k] ksys_read", syscall.Folded);

        var text = new StringWriter();
        FoldedWriter.Write(profile, text);
        string[] lines = text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("app (100);main;work;HotLoop.Worker::BurnCpu(int32) 60", lines);
        Assert.Contains("app (100);main;[k] ksys_read 20", lines);
        Assert.Contains("other (200);idle_loop 5", lines);
        Assert.Equal(5, lines.Length);
    }

    [Fact]
    public void Separators_inside_frame_names_do_not_break_folded_lines()
    {
        var profile = new Profile(TimeSpan.FromSeconds(1), 97, "ebpf");
        profile.Add(ProfileSamples.App, [new StackFrame("operator;weird\nname", FrameKind.Native)], 3);

        var text = new StringWriter();
        FoldedWriter.Write(profile, text);

        Assert.Equal("pid 100;operator,weird name 3", text.ToString().TrimEnd());
    }

    [Fact]
    public void Stack_trace_ids_are_a_stable_hash_of_the_folded_text()
    {
        long id = StackTraceId.Of("main;work;[k] ksys_read");

        Assert.Equal(id, StackTraceId.Of("main;work;[k] ksys_read"));
        Assert.NotEqual(id, StackTraceId.Of("main;work;[k] ksys_write"));
        // FNV-1a 64 of the empty string is its offset basis: the hash is fixed across runs and machines.
        Assert.Equal(unchecked((long)14695981039346656037UL), StackTraceId.Of(string.Empty));
    }

    [Fact]
    public void Table_rows_are_one_per_process_and_folded_stack()
    {
        var store = new TableStore();
        Profile profile = ProfileSamples.Create();
        // The same names from another module fold to the same text: one row.
        profile.Add(ProfileSamples.App, [ProfileSamples.Main, new StackFrame("work", FrameKind.Native, "libother.so")], 4);

        int rows = StackTracesTableWriter.Append(store.StackTraces, profile, 1_700_000_000_000_000_000);
        store.SealAll();

        Assert.Equal(5, rows);
        var batch = store.StackTraces.Snapshot().Batches.Single().RecordBatch;
        var traces = (Apache.Arrow.StringArray)batch.Column("stack_trace");
        var counts = (Apache.Arrow.Int64Array)batch.Column("count");
        var ids = (Apache.Arrow.Int64Array)batch.Column("stack_trace_id");
        int work = Enumerable.Range(0, rows).Single(i => traces.GetString(i) == "main;work");
        Assert.Equal(14, counts.GetValue(work));
        Assert.Equal(StackTraceId.Of("main;work"), ids.GetValue(work));
    }

    [Fact]
    public void Speedscope_json_is_a_sampled_profile_with_shared_frames()
    {
        Profile profile = ProfileSamples.Create();
        using var stream = new MemoryStream();

        SpeedscopeWriter.Write(profile, stream, "test profile");

        using JsonDocument doc = JsonDocument.Parse(stream.ToArray());
        JsonElement root = doc.RootElement;
        Assert.Equal("https://www.speedscope.app/file-format-schema.json", root.GetProperty("$schema").GetString());
        JsonElement[] frames = [.. root.GetProperty("shared").GetProperty("frames").EnumerateArray()];
        string[] names = [.. frames.Select(f => f.GetProperty("name").GetString()!)];
        Assert.Equal(names.Length, names.Distinct().Count());
        Assert.Contains("[k] ksys_read", names);
        JsonElement hot = frames.Single(f => f.GetProperty("name").GetString() == "HotLoop.Worker::BurnCpu(int32)");
        Assert.Equal("Worker.cs", hot.GetProperty("file").GetString());
        Assert.Equal(42, hot.GetProperty("line").GetInt32());

        JsonElement p = root.GetProperty("profiles")[0];
        Assert.Equal("sampled", p.GetProperty("type").GetString());
        Assert.Equal("none", p.GetProperty("unit").GetString());
        int[][] samples = [.. p.GetProperty("samples").EnumerateArray().Select(s => s.EnumerateArray().Select(i => i.GetInt32()).ToArray())];
        long[] weights = [.. p.GetProperty("weights").EnumerateArray().Select(w => w.GetInt64())];
        Assert.Equal(samples.Length, weights.Length);
        Assert.Equal(profile.TotalSamples, weights.Sum());
        Assert.Equal(profile.TotalSamples, p.GetProperty("endValue").GetInt64());
        Assert.All(samples, s => Assert.All(s, i => Assert.InRange(i, 0, names.Length - 1)));
        // Root first: the process, then main, ..., the leaf last.
        int heaviest = Array.IndexOf(weights, weights.Max());
        Assert.Equal(["app (100)", "main", "work", "HotLoop.Worker::BurnCpu(int32)"], samples[heaviest].Select(i => names[i]));
    }

    [Fact]
    public void Html_page_is_self_contained_and_carries_the_data()
    {
        Profile profile = ProfileSamples.Create();
        profile.Add(ProfileSamples.App, [new StackFrame("</script><script>alert(1)</script>", FrameKind.Native)], 1);
        var html = new StringWriter();

        FlameGraphHtmlWriter.Write(profile, html, "CPU profile <test>");

        string page = html.ToString();
        Assert.StartsWith("<!DOCTYPE html>", page, StringComparison.Ordinal);
        Assert.Contains("HotLoop.Worker::BurnCpu(int32)", page, StringComparison.Ordinal);
        Assert.Contains("[k] ksys_read", page, StringComparison.Ordinal);
        Assert.Contains("CPU profile &lt;test&gt;", page, StringComparison.Ordinal);
        // No network: nothing is loaded from elsewhere.
        Assert.DoesNotContain("http://", page.Replace("http://www.w3.org/2000/svg", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("https://", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script src", page, StringComparison.Ordinal);
        // A hostile frame name cannot end the data element early.
        Assert.Equal(2, CountOf(page, "</script>"));

        string json = FlameGraphHtmlWriter.TreeJson(profile);
        using JsonDocument doc = JsonDocument.Parse(json);
        JsonElement root = doc.RootElement.GetProperty("root");
        Assert.Equal(profile.TotalSamples, root[1].GetInt64());
    }

    [Fact]
    public void Top_functions_count_self_at_the_leaf_and_total_once_per_stack()
    {
        Profile profile = ProfileSamples.Create();

        List<FunctionCost> top = TopFunctions.ByFunction(profile, 10);

        FunctionCost hot = top[0];
        Assert.Equal("HotLoop.Worker::BurnCpu(int32)", hot.Name);
        Assert.Equal(65, hot.Self);
        Assert.Equal(65, hot.Total);
        FunctionCost work = top.Single(f => f.Name == "work");
        Assert.Equal(10, work.Self);
        Assert.Equal(75, work.Total); // the recursive stack counts once
        Assert.Equal(75.0, work.TotalPercent(100), 3);
        Assert.Equal(20, top.Single(f => f.Name == "[k] ksys_read").Self);
    }

    [Fact]
    public void Top_lines_come_from_frames_with_source_locations()
    {
        Profile profile = ProfileSamples.Create();

        List<FunctionCost> lines = TopFunctions.ByLine(profile, 10);

        FunctionCost line = Assert.Single(lines);
        Assert.Equal("Worker.cs:42", line.Name);
        Assert.Equal(65, line.Self);
    }

    [Fact]
    public void A_profile_keeps_at_most_its_stack_cap_and_counts_the_rest()
    {
        var profile = new Profile(TimeSpan.FromSeconds(1), 97, "ebpf") { MaxStacks = 2 };
        profile.Add(ProfileSamples.App, [ProfileSamples.Main], 1);
        profile.Add(ProfileSamples.App, [ProfileSamples.Work], 1);
        profile.Add(ProfileSamples.App, [ProfileSamples.Hot], 7);
        profile.Add(ProfileSamples.App, [ProfileSamples.Main], 2);

        Assert.Equal(2, profile.StackCount);
        Assert.Equal(4, profile.TotalSamples);
        Assert.Equal(7, profile.DroppedSamples);
    }

    [Fact]
    public void The_accumulator_merges_intervals()
    {
        var total = new Profile(TimeSpan.Zero, 97, "ebpf");
        var accumulator = new ProfileAccumulator(total);

        accumulator.OnProfile(ProfileSamples.Create(), 1);
        Profile second = ProfileSamples.Create();
        second.Notes.Add("process 100 exited");
        accumulator.OnProfile(second, 2);

        Assert.Equal(2 * ProfileSamples.Create().TotalSamples, total.TotalSamples);
        Assert.Equal(5, total.StackCount);
        Assert.Equal("app", total.ProcessNames[100]);
        Assert.Equal(["process 100 exited"], total.Notes);
    }

    private static int CountOf(string text, string value)
    {
        int count = 0;
        for (int i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal))
            count++;
        return count;
    }
}
