namespace Devtools.Core.Capture;

/// <summary>
/// Rows produced on another thread (e.g. the profiler's) that the capture thread,
/// the one writer of every table, appends when it ticks.
/// </summary>
public interface ITableFeed
{
    /// <summary>Appends what is pending; called on the writer thread only.</summary>
    void Drain();
}
