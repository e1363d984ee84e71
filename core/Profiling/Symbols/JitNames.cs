namespace Devtools.Core.Profiling.Symbols;

/// <summary>
/// Turns .NET perf map names into frame names. The runtime writes
/// "int64 [HotLoop] HotLoop.Worker::BurnCpu(int32)[OptimizedTier1]": return type,
/// [assembly], method, and (with PerfMapShowOptimizationTiers) the tier. The
/// frame keeps "HotLoop.Worker::BurnCpu(int32)" with the assembly as module, so
/// the tiers of one method (Tier0, OSR, Tier1) add up to one frame. Stubs
/// ("stub&lt;12&gt; ReportStubBlock&lt;...&gt;") lose their running number for the same reason.
/// Names from other JITs (node, Java agents) pass through unchanged.
/// </summary>
public static class JitNames
{
    public static (string Function, string? Module) Clean(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        if (raw.StartsWith("stub<", StringComparison.Ordinal))
        {
            int close = raw.IndexOf("> ", StringComparison.Ordinal);
            return (close > 0 ? "stub " + raw[(close + 2)..] : raw, null);
        }
        int open = raw.IndexOf(" [", StringComparison.Ordinal);
        if (open < 0)
            return (raw, null);
        int end = raw.IndexOf("] ", open + 2, StringComparison.Ordinal);
        if (end < 0 || raw.AsSpan(open + 2, end - open - 2).Contains(' '))
            return (raw, null);
        string module = raw[(open + 2)..end];
        string method = raw[(end + 2)..];
        // A trailing "[Tier]" (letters, digits, '-') after the parameter list.
        if (method.EndsWith(']') && method.LastIndexOf('[') is var tier and > 0 && method[tier - 1] == ')'
            && method.AsSpan(tier + 1, method.Length - tier - 2).ContainsAnyExcept(TierChars) is false)
            method = method[..tier];
        return (method, module);
    }

    private static readonly System.Buffers.SearchValues<char> TierChars =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-");
}
