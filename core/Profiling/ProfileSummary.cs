namespace Devtools.Core.Profiling;

/// <summary>One function's share of a profile.</summary>
/// <param name="Self">Samples with this function as the leaf (running its own code).</param>
/// <param name="Total">Samples with this function anywhere on the stack (counted once per sample).</param>
public sealed record FunctionShare(string Function, string? Module, long Self, long Total, double SelfPercent, double TotalPercent);

/// <summary>One source line's share of a profile.</summary>
/// <param name="Location">"File.cs:42", as printed.</param>
/// <param name="File">The path as the symbols recorded it (mapped to this machine when a map was given).</param>
/// <param name="Function">The function the line belongs to.</param>
/// <param name="Self">
/// Samples whose innermost frame with a known line is this one: time in the line itself,
/// or in code it called that has no source (the framework, native code).
/// </param>
/// <param name="Total">Samples with this line anywhere on the stack (counted once per sample).</param>
public sealed record SourceLineShare(string Location, string File, int Line, string Function, long Self, long Total, double SelfPercent, double TotalPercent);

/// <summary>
/// The top functions and source lines of a <see cref="Profile"/>, whichever profiler
/// filled it: what `devtools profile` prints and what the editor shows as hotspots.
/// Percentages are of <see cref="Profile.TotalSamples"/>.
/// </summary>
public sealed class ProfileSummary
{
    private ProfileSummary(long totalSamples, IReadOnlyList<FunctionShare> functions, IReadOnlyList<SourceLineShare> lines)
    {
        TotalSamples = totalSamples;
        TopFunctions = functions;
        TopLines = lines;
    }

    public long TotalSamples { get; }

    /// <summary>By self samples, then total samples.</summary>
    public IReadOnlyList<FunctionShare> TopFunctions { get; }

    /// <summary>By self samples, then total samples; only frames with a known file and line.</summary>
    public IReadOnlyList<SourceLineShare> TopLines { get; }

    /// <summary>Summarises <paramref name="profile"/>, keeping the <paramref name="top"/> first of each list.</summary>
    public static ProfileSummary Compute(Profile profile, int top = 20)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentOutOfRangeException.ThrowIfNegative(top);
        var functions = new Dictionary<(string Function, string? Module), Counts>();
        var lines = new Dictionary<(string File, int Line), LineCounts>();
        var seenFunctions = new HashSet<(string, string?)>();
        var seenLines = new HashSet<(string, int)>();
        foreach (ProfileStack stack in profile.Stacks)
        {
            IReadOnlyList<StackFrame> frames = stack.Frames;
            if (frames.Count == 0)
                continue;
            seenFunctions.Clear();
            seenLines.Clear();
            bool selfLineTaken = false;
            // Leaf first: the first frame is "self", the first frame with a line owns the line's self time.
            for (int i = frames.Count - 1; i >= 0; i--)
            {
                StackFrame frame = frames[i];
                var functionKey = (frame.Function, frame.Module);
                Counts function = Get(functions, functionKey);
                if (i == frames.Count - 1)
                    function.Self += stack.Count;
                if (seenFunctions.Add(functionKey))
                    function.Total += stack.Count;

                if (frame.File is null || frame.Line <= 0)
                    continue;
                var lineKey = (frame.File, frame.Line);
                if (!lines.TryGetValue(lineKey, out LineCounts? line))
                {
                    line = new LineCounts(frame.Function);
                    lines.Add(lineKey, line);
                }
                if (!selfLineTaken)
                {
                    line.Self += stack.Count;
                    selfLineTaken = true;
                }
                if (seenLines.Add(lineKey))
                    line.Total += stack.Count;
            }
        }

        long total = profile.TotalSamples;
        double Percent(long n) => total == 0 ? 0 : 100.0 * n / total;
        List<FunctionShare> topFunctions = [.. functions
            .OrderByDescending(kv => kv.Value.Self).ThenByDescending(kv => kv.Value.Total).ThenBy(kv => kv.Key.Function, StringComparer.Ordinal)
            .Take(top)
            .Select(kv => new FunctionShare(kv.Key.Function, kv.Key.Module, kv.Value.Self, kv.Value.Total, Percent(kv.Value.Self), Percent(kv.Value.Total)))];
        List<SourceLineShare> topLines = [.. lines
            .OrderByDescending(kv => kv.Value.Self).ThenByDescending(kv => kv.Value.Total).ThenBy(kv => kv.Key.File, StringComparer.Ordinal).ThenBy(kv => kv.Key.Line)
            .Take(top)
            .Select(kv => new SourceLineShare(
                $"{Path.GetFileName(kv.Key.File)}:{kv.Key.Line}", kv.Key.File, kv.Key.Line, kv.Value.Function,
                kv.Value.Self, kv.Value.Total, Percent(kv.Value.Self), Percent(kv.Value.Total)))];
        return new ProfileSummary(total, topFunctions, topLines);
    }

    private static Counts Get(Dictionary<(string, string?), Counts> map, (string, string?) key)
    {
        if (!map.TryGetValue(key, out Counts? counts))
        {
            counts = new Counts();
            map.Add(key, counts);
        }
        return counts;
    }

    private class Counts
    {
        public long Self;
        public long Total;
    }

    private sealed class LineCounts(string function) : Counts
    {
        public string Function { get; } = function;
    }
}
