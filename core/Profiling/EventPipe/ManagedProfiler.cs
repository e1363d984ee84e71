namespace Devtools.Core.Profiling.EventPipe;

/// <summary>
/// Profiles a running .NET process through EventPipe, without root: the same user (or
/// root) connects to the runtime's diagnostics socket, asks for the runtime's own thread
/// samples, and resolves each managed frame to its method and, through the portable
/// PDB, its file:line.
/// <code>
/// Profile profile = await ManagedProfiler.ProfileAsync(pid, new ManagedProfilerOptions { Duration = TimeSpan.FromSeconds(5) });
/// ProfileSummary top = ProfileSummary.Compute(profile);
///
/// await using ManagedProfilerSession live = await ManagedProfiler.StartAsync(pid);
/// Profile soFar = live.Snapshot();   // as often as needed
/// Profile final = await live.StopAsync();
/// </code>
/// </summary>
public static class ManagedProfiler
{
    /// <summary>
    /// Attaches to <paramref name="pid"/> and returns once methods that existed before the
    /// attach are known (the rundown), so the first snapshot already resolves them.
    /// </summary>
    /// <exception cref="ManagedProfilerException">No such process, not .NET, no socket, not allowed, or the runtime refused.</exception>
    public static Task<ManagedProfilerSession> StartAsync(int pid, ManagedProfilerOptions? options = null, CancellationToken ct = default) =>
        ManagedProfilerSession.StartAsync(pid, options ?? new ManagedProfilerOptions(), ct);

    /// <summary>
    /// Samples <paramref name="pid"/> for <see cref="ManagedProfilerOptions.Duration"/> and
    /// returns the profile. A process that exits early ends the run early: the profile
    /// covers the time until then and says so in <see cref="Profile.Notes"/>.
    /// </summary>
    /// <exception cref="ManagedProfilerException">The session could not start.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="ct"/> was cancelled (the session is stopped first).</exception>
    public static async Task<Profile> ProfileAsync(int pid, ManagedProfilerOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ManagedProfilerSession session = await StartAsync(pid, options, ct).ConfigureAwait(false);
        await using (session.ConfigureAwait(false))
        {
            using var delay = CancellationTokenSource.CreateLinkedTokenSource(ct);
            Task elapsed = Task.Delay(options.Duration, delay.Token);
            await Task.WhenAny(elapsed, session.Completion).ConfigureAwait(false);
            await delay.CancelAsync().ConfigureAwait(false);
            Profile profile = await session.StopAsync(CancellationToken.None).ConfigureAwait(false);
            ct.ThrowIfCancellationRequested();
            return profile;
        }
    }
}
