using System.Globalization;

namespace Devtools.Core.Profiling.Output;

/// <summary>
/// Brendan Gregg's folded format, one "root;...;leaf COUNT" line per stack:
/// flamegraph.pl, inferno, speedscope and most flame graph tools read it.
/// </summary>
public static class FoldedWriter
{
    public static void Write(Profile profile, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        foreach ((StackFrame[] frames, long count) in FlameStacks.Of(profile))
        {
            writer.Write(FlameStacks.Folded(frames));
            writer.Write(' ');
            writer.WriteLine(count.ToString(CultureInfo.InvariantCulture));
        }
    }
}
