namespace Devtools.Core.Profiling.EventPipe.Requests;

/// <summary>What a <see cref="ManagedRequestRecorder"/> saw, so that nothing is lost silently.</summary>
public readonly record struct ManagedRequestCounters(
    long Rows,
    long RowsWithoutStatus,
    long StopsWithoutStart,
    long SkippedPending,
    long ForgottenConnections);
