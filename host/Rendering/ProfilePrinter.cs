using Devtools.Core.Profiling;
using Devtools.Core.Profiling.Output;

namespace Devtools.Host.Rendering;

/// <summary>The text report of a profile: top functions (self and total), top source lines, notes, and what was lost.</summary>
public static class ProfilePrinter
{
    public static void PrintTop(Profile profile, int count, TextWriter output)
    {
        long samples = profile.TotalSamples;
        output.WriteLine();
        output.WriteLine($"top functions ({samples:N0} samples)");
        output.WriteLine($"  {"self",7} {"total",7}  function");
        foreach (FunctionCost f in TopFunctions.ByFunction(profile, count))
        {
            string module = f.Module is null || f.Name.Contains(f.Module, StringComparison.Ordinal) ? string.Empty : $"  [{f.Module}]";
            output.WriteLine($"  {f.SelfPercent(samples),6:0.0}% {f.TotalPercent(samples),6:0.0}%  {f.Name}{module}");
        }
        List<FunctionCost> lines = TopFunctions.ByLine(profile, count);
        if (lines.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("top source lines");
            output.WriteLine($"  {"self",7} {"total",7}  line");
            foreach (FunctionCost line in lines)
                output.WriteLine($"  {line.SelfPercent(samples),6:0.0}% {line.TotalPercent(samples),6:0.0}%  {line.Name}");
        }
    }

    /// <summary>The profiler's part of a capture summary (record --profile).</summary>
    public static void PrintStats(ProfilerStats stats, TextWriter output)
    {
        output.WriteLine($"  profiler      {stats.Samples:N0} samples at {stats.SamplesPerSecond} Hz on {stats.Cpus} CPUs");
        List<string> problems = [.. stats.Problems()];
        output.WriteLine(problems.Count == 0 ? "  profiler lost nothing" : "  profiler lost " + problems[0]);
        foreach (string problem in problems.Skip(1))
            output.WriteLine("                " + problem);
    }

    public static void PrintSummary(Profile profile, ProfilerStats? stats, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"profile summary ({profile.Duration.TotalSeconds:0.0} s, {profile.Source})");
        if (stats is not null)
        {
            output.WriteLine($"  samples       {stats.Samples:N0} at {stats.SamplesPerSecond} Hz on {stats.Cpus} CPUs, {profile.StackCount:N0} distinct stacks, {profile.ProcessNames.Count:N0} processes");
            output.WriteLine($"  own work      {stats.ReadTime.TotalMilliseconds:N0} ms reading kernel maps, {stats.SymbolizeTime.TotalMilliseconds:N0} ms symbolizing, in {stats.Collections:N0} reads");
        }
        else
            output.WriteLine($"  samples       {profile.TotalSamples:N0}, {profile.StackCount:N0} distinct stacks");
        List<string> problems = stats?.Problems().ToList() ?? [];
        output.WriteLine(problems.Count == 0 ? "  lost          nothing" : "  lost          " + problems[0]);
        foreach (string problem in problems.Skip(1))
            output.WriteLine("                " + problem);
        foreach (string note in profile.Notes)
            output.WriteLine("  note          " + note);
    }
}
