namespace Devtools.Core.Profiling.EventPipe;

/// <summary>What a managed profiling session has seen so far.</summary>
/// <param name="Elapsed">Time since the session started.</param>
/// <param name="Samples">Thread samples received, of every kind.</param>
/// <param name="ManagedSamples">Samples of threads running managed code (the CPU view).</param>
/// <param name="ExternalSamples">Samples of threads outside managed code: blocked, waiting, in native code.</param>
/// <param name="SamplesWithoutStack">Samples that came without a stack (not in any profile).</param>
/// <param name="DroppedSamples">Samples of stacks beyond the distinct-stack limit.</param>
/// <param name="Stacks">Distinct stacks kept.</param>
/// <param name="Methods">Method bodies known (rundown plus jitted since).</param>
/// <param name="RundownMethods">Method bodies the rundown reported (code that existed at attach).</param>
/// <param name="RundownDuration">How long the rundown session at attach took.</param>
/// <param name="Rundowns">Rundowns run: the one at attach, plus those that named ReadyToRun code first run later.</param>
/// <param name="MethodLoads">Methods jitted while attached (tier-ups included).</param>
/// <param name="EventsLost">Events the runtime dropped because the session's buffer was full.</param>
public sealed record ManagedProfilerStatistics(
    TimeSpan Elapsed,
    long Samples,
    long ManagedSamples,
    long ExternalSamples,
    long SamplesWithoutStack,
    long DroppedSamples,
    int Stacks,
    int Methods,
    int RundownMethods,
    TimeSpan RundownDuration,
    int Rundowns,
    long MethodLoads,
    int EventsLost)
{
    /// <summary>Samples per second of wall time (all threads together).</summary>
    public double SamplesPerSecond => Elapsed > TimeSpan.Zero ? Samples / Elapsed.TotalSeconds : 0;
}
