using Devtools.Core.Profiling;
using Devtools.Lsp.Protocol;

namespace Devtools.Lsp.Runtime;

/// <summary>What the editor shows of a <see cref="Profile"/>: hot functions and lines, and a speedscope document.</summary>
public static class ProfileViews
{
    public static Hotspots Hotspots(Profile profile, int limit)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var functions = new Dictionary<string, FunctionCounts>(StringComparer.Ordinal);
        var lines = new Dictionary<(string File, int Line), LineCounts>();
        var seenF = new HashSet<string>(StringComparer.Ordinal);
        var seenL = new HashSet<(string, int)>();
        foreach (ProfileStack stack in profile.Stacks)
        {
            IReadOnlyList<StackFrame> frames = stack.Frames;
            if (frames.Count == 0)
                continue;
            seenF.Clear();
            seenL.Clear();
            bool selfLine = false;
            for (int i = frames.Count - 1; i >= 0; i--)
            {
                StackFrame f = frames[i];
                if (!functions.TryGetValue(f.Function, out FunctionCounts? fc))
                    functions[f.Function] = fc = new FunctionCounts();
                if (i == frames.Count - 1)
                    fc.Self += stack.Count;
                if (seenF.Add(f.Function))
                    fc.Total += stack.Count;
                if (f.File is null || f.Line <= 0)
                    continue;
                fc.Lines[(f.File, f.Line)] = fc.Lines.GetValueOrDefault((f.File, f.Line)) + stack.Count;
                var key = (f.File, f.Line);
                if (!lines.TryGetValue(key, out LineCounts? lc))
                    lines[key] = lc = new LineCounts(f.Function);
                if (!selfLine)
                {
                    lc.Self += stack.Count;
                    selfLine = true;
                }
                if (seenL.Add(key))
                    lc.Total += stack.Count;
            }
        }
        long total = profile.TotalSamples;
        double Pct(long n) => total == 0 ? 0 : 100.0 * n / total;
        List<HotFunction> hotFunctions = [.. functions
            .OrderByDescending(kv => kv.Value.Self).ThenByDescending(kv => kv.Value.Total).ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Take(limit)
            .Select(kv =>
            {
                (string File, int Line) top = kv.Value.Lines.Count == 0 ? (null!, 0) : kv.Value.Lines.MaxBy(l => l.Value).Key;
                return new HotFunction(kv.Key, Pct(kv.Value.Self), Pct(kv.Value.Total), kv.Value.Self, kv.Value.Total, top.File, top.Line);
            })];
        // Functions ranked by total too: a method whose time is all in its callees is still hot.
        foreach (var kv in functions.OrderByDescending(kv => kv.Value.Total).Take(limit))
        {
            if (hotFunctions.Any(h => h.Name == kv.Key) || kv.Value.Lines.Count == 0)
                continue;
            (string File, int Line) top = kv.Value.Lines.MaxBy(l => l.Value).Key;
            hotFunctions.Add(new HotFunction(kv.Key, Pct(kv.Value.Self), Pct(kv.Value.Total), kv.Value.Self, kv.Value.Total, top.File, top.Line));
        }
        List<HotLine> hotLines = [.. lines
            .OrderByDescending(kv => kv.Value.Self).ThenByDescending(kv => kv.Value.Total).ThenBy(kv => kv.Key.File, StringComparer.Ordinal).ThenBy(kv => kv.Key.Line)
            .Take(limit)
            .Select(kv => new HotLine(kv.Key.File, kv.Key.Line, Pct(kv.Value.Self), kv.Value.Self, Pct(kv.Value.Total), kv.Value.Function))];
        return new Hotspots(total, hotFunctions, hotLines);
    }

    /// <summary>A speedscope "sampled" document (https://www.speedscope.app/file-format-schema.json).</summary>
    public static object Speedscope(Profile profile, string name)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var frameIndex = new Dictionary<StackFrame, int>();
        var frames = new List<object>();
        var samples = new List<int[]>();
        var weights = new List<long>();
        foreach (ProfileStack stack in profile.Stacks.OrderByDescending(s => s.Count).Take(20_000))
        {
            int[] ids = new int[stack.Frames.Count];
            for (int i = 0; i < ids.Length; i++)
            {
                StackFrame f = stack.Frames[i];
                if (!frameIndex.TryGetValue(f, out int id))
                {
                    id = frames.Count;
                    frameIndex[f] = id;
                    frames.Add(f.File is null || f.Line <= 0
                        ? new { name = f.Function }
                        : new { name = f.Function, file = f.File, line = f.Line });
                }
                ids[i] = id;
            }
            samples.Add(ids);
            weights.Add(stack.Count);
        }
        long total = weights.Sum();
        return new Dictionary<string, object>
        {
            ["$schema"] = "https://www.speedscope.app/file-format-schema.json",
            ["shared"] = new { frames },
            ["profiles"] = new object[]
            {
                new { type = "sampled", name, unit = "none", startValue = 0, endValue = total, samples, weights },
            },
            ["name"] = name,
            ["activeProfileIndex"] = 0,
            ["exporter"] = "devtools",
        };
    }

    /// <summary>A profile holding the samples of both.</summary>
    public static Profile Merge(Profile? older, Profile newer)
    {
        ArgumentNullException.ThrowIfNull(newer);
        if (older is null)
            return newer;
        var merged = new Profile(older.Duration + newer.Duration, newer.SamplesPerSecond, newer.Source);
        foreach (ProfileStack s in older.Stacks)
            merged.Add(s.Upid, s.Frames, s.Count);
        foreach (ProfileStack s in newer.Stacks)
            merged.Add(s.Upid, s.Frames, s.Count);
        return merged;
    }

    private sealed class FunctionCounts
    {
        public long Self;
        public long Total;
        public Dictionary<(string, int), long> Lines { get; } = [];
    }

    private sealed class LineCounts(string function)
    {
        public string Function { get; } = function;
        public long Self;
        public long Total;
    }
}
