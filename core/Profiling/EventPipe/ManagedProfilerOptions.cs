using Devtools.Core.Profiling.EventPipe.Requests;

namespace Devtools.Core.Profiling.EventPipe;

/// <summary>What a managed (EventPipe) profiling session collects and how.</summary>
public sealed record ManagedProfilerOptions
{
    /// <summary>How long <see cref="ManagedProfiler.ProfileAsync"/> samples; live sessions ignore it.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Enable the runtime's sampler. Off for a session that only records requests.</summary>
    public bool Sample { get; init; } = true;

    /// <summary>
    /// EventPipe samples are thread time: every managed thread is sampled each millisecond,
    /// blocked ones too (sample type "external": waiting, sleeping, in native code). By
    /// default profiles keep only samples of threads running managed code (type
    /// "managed"), the CPU view; set this for the thread-time view (where is time spent,
    /// waits included).
    /// </summary>
    public bool IncludeBlockedSamples { get; init; }

    /// <summary>Resolve file:line through the assemblies' portable PDBs.</summary>
    public bool ResolveSourceLines { get; init; } = true;

    /// <summary>Where the source files recorded in PDBs are on this machine.</summary>
    public SourcePathMap SourcePaths { get; init; } = SourcePathMap.Empty;

    /// <summary>Also record Kestrel requests into http_events through this recorder (one recorder per session).</summary>
    public ManagedRequestRecorder? Requests { get; init; }

    /// <summary>The runtime-side buffer of the session; events beyond it are dropped (and counted) by the runtime.</summary>
    public int CircularBufferMB { get; init; } = 32;

    /// <summary>Distinct stacks kept; samples of further stacks are counted as dropped.</summary>
    public int MaxStacks { get; init; } = 100_000;

    /// <summary>Frames kept per stack, from the leaf (the runtime sends at most 100 anyway).</summary>
    public int MaxStackDepth { get; init; } = 256;

    /// <summary>How long stopping may wait for the runtime to flush before the stream is cut.</summary>
    public TimeSpan StopTimeout { get; init; } = TimeSpan.FromSeconds(10);

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Duration, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(CircularBufferMB, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxStacks, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxStackDepth, 1);
        ArgumentNullException.ThrowIfNull(SourcePaths);
        if (!Sample && Requests is null)
            throw new ArgumentException("Nothing to collect: enable Sample or give a Requests recorder.");
        Requests?.ThrowIfBound();
    }
}
