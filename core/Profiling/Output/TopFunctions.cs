namespace Devtools.Core.Profiling.Output;

/// <summary>A function's share of the samples: self (it was running) and total (it was on the stack).</summary>
public sealed record FunctionCost(string Name, string? Module, long Self, long Total)
{
    public double SelfPercent(long samples) => samples == 0 ? 0 : 100.0 * Self / samples;

    public double TotalPercent(long samples) => samples == 0 ? 0 : 100.0 * Total / samples;
}

/// <summary>The hottest functions, and source lines when frames carry them.</summary>
public static class TopFunctions
{
    /// <summary>Functions by self samples, then total. Recursion counts a function once per stack.</summary>
    public static List<FunctionCost> ByFunction(Profile profile, int count) =>
        Rank(profile, count, f => f.FoldedName, f => f.Module);

    /// <summary>Source lines ("File.cs:42") by self samples; empty when no frame has a line.</summary>
    public static List<FunctionCost> ByLine(Profile profile, int count) =>
        Rank(profile, count, f => f.SourceLocation, _ => null);

    private static List<FunctionCost> Rank(Profile profile, int count, Func<StackFrame, string?> key, Func<StackFrame, string?> module)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var self = new Dictionary<string, long>(StringComparer.Ordinal);
        var total = new Dictionary<string, long>(StringComparer.Ordinal);
        var modules = new Dictionary<string, string?>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (ProfileStack stack in profile.Stacks)
        {
            if (stack.Frames.Count == 0)
                continue;
            if (key(stack.Frames[^1]) is { } leaf)
                self[leaf] = self.GetValueOrDefault(leaf) + stack.Count;
            seen.Clear();
            foreach (StackFrame frame in stack.Frames)
            {
                if (key(frame) is not { } name || !seen.Add(name))
                    continue;
                total[name] = total.GetValueOrDefault(name) + stack.Count;
                modules.TryAdd(name, module(frame));
            }
        }
        return [.. total
            .Select(kv => new FunctionCost(kv.Key, modules.GetValueOrDefault(kv.Key), self.GetValueOrDefault(kv.Key), kv.Value))
            .OrderByDescending(f => f.Self)
            .ThenByDescending(f => f.Total)
            .ThenBy(f => f.Name, StringComparer.Ordinal)
            .Take(count)];
    }
}
