namespace Devtools.Core.Profiling.Output;

/// <summary>
/// The stacks every file format draws: each profile stack with its process as
/// the root frame ("dotnet (1234)"), so a node-wide profile splits by process
/// first, and frames with the same display name merged.
/// </summary>
public static class FlameStacks
{
    public static List<(StackFrame[] Frames, long Count)> Of(Profile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var merged = new Dictionary<string, (StackFrame[] Frames, long Count)>(StringComparer.Ordinal);
        foreach (ProfileStack stack in profile.Stacks)
        {
            string process = profile.ProcessNames.TryGetValue(stack.Upid.Pid, out string? name) ? $"{name} ({stack.Upid.Pid})" : $"pid {stack.Upid.Pid}";
            var frames = new StackFrame[stack.Frames.Count + 1];
            frames[0] = new StackFrame(process, FrameKind.Unknown);
            for (int i = 0; i < stack.Frames.Count; i++)
                frames[i + 1] = stack.Frames[i];
            string key = Folded(frames);
            merged[key] = merged.TryGetValue(key, out var existing) ? (existing.Frames, existing.Count + stack.Count) : (frames, stack.Count);
        }
        return [.. merged.Values.OrderByDescending(s => s.Count)];
    }

    /// <summary>Folded text of frames, root first; ';' and line breaks inside names are replaced so the line stays parseable.</summary>
    public static string Folded(IEnumerable<StackFrame> frames) =>
        string.Join(';', frames.Select(f => Clean(f.FoldedName)));

    internal static string Clean(string name) =>
        name.AsSpan().IndexOfAny(";\r\n") < 0 ? name : name.Replace(';', ',').Replace('\r', ' ').Replace('\n', ' ');
}
