namespace Devtools.Core.Profiling;

/// <summary>Receives the profile of each interval, on the profiler's thread.</summary>
public interface IProfileSink
{
    /// <summary>
    /// One interval's samples (the profile is the sink's from now on). <paramref name="endUnixNs"/>
    /// is when the interval ended, ns since the Unix epoch.
    /// </summary>
    void OnProfile(Profile interval, long endUnixNs);
}

/// <summary>Merges every interval into one profile (the `devtools profile` command's view).</summary>
public sealed class ProfileAccumulator : IProfileSink
{
    private readonly Lock _gate = new();

    public ProfileAccumulator(Profile total)
    {
        ArgumentNullException.ThrowIfNull(total);
        Total = total;
    }

    public Profile Total { get; }

    public void OnProfile(Profile interval, long endUnixNs)
    {
        ArgumentNullException.ThrowIfNull(interval);
        lock (_gate)
        {
            foreach (ProfileStack stack in interval.Stacks)
                Total.Add(stack.Upid, stack.Frames, stack.Count);
            foreach ((uint pid, string name) in interval.ProcessNames)
                Total.ProcessNames[pid] = name;
            foreach (string note in interval.Notes)
            {
                if (!Total.Notes.Contains(note))
                    Total.Notes.Add(note);
            }
        }
    }
}
