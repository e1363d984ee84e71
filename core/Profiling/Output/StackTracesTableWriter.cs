using Devtools.Core.Storage;
using Devtools.Core.Storage.Schemas;
using Devtools.Core.Storage.Tables;

namespace Devtools.Core.Profiling.Output;

/// <summary>
/// Appends a profile interval to stack_traces.beta: one row per (process, folded
/// stack), Pixie's shape: folded root first, kernel frames "[k] ", the id a
/// stable hash of the folded text. Call on the table's writer thread.
/// </summary>
public static class StackTracesTableWriter
{
    /// <summary>Returns rows written.</summary>
    public static int Append(Table<StackTracesBuilder> table, Profile profile, long timeUnixNs)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(profile);
        // Stacks that differ only in what the folded text leaves out (module, file) are one row.
        var rows = new Dictionary<(Upid Upid, string Folded), long>();
        foreach (ProfileStack stack in profile.Stacks)
        {
            var key = (stack.Upid, FlameStacks.Folded(stack.Frames));
            rows[key] = rows.GetValueOrDefault(key) + stack.Count;
        }
        StackTracesBuilder b = table.Builder;
        foreach (((Upid upid, string folded), long count) in rows)
        {
            b.Time.Append(timeUnixNs);
            b.Upid.Append(upid);
            b.StackTraceId.Append(StackTraceId.Of(folded));
            b.StackTrace.Append(folded);
            b.Count.Append(count);
            table.CommitRow();
        }
        return rows.Count;
    }
}
