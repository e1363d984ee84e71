using System.Collections.Concurrent;
using Devtools.Core.Capture;
using Devtools.Core.Profiling.Output;
using Devtools.Core.Storage.Schemas;
using Devtools.Core.Storage.Tables;

namespace Devtools.Core.Profiling;

/// <summary>
/// Carries profile intervals from the profiler's thread to stack_traces.beta,
/// appended on the capture thread (tables have one writer). Bounded: when the
/// writer falls behind by more than <see cref="MaxPending"/> intervals, the oldest
/// pending one is dropped and counted.
/// </summary>
public sealed class StackTracesFeed(Table<StackTracesBuilder> table) : IProfileSink, ITableFeed
{
    public const int MaxPending = 8;

    private readonly ConcurrentQueue<(Profile Profile, long EndUnixNs)> _pending = new();
    private long _droppedIntervals;
    private long _rows;

    /// <summary>Intervals dropped because the writer fell behind.</summary>
    public long DroppedIntervals => Interlocked.Read(ref _droppedIntervals);

    /// <summary>Rows appended so far.</summary>
    public long Rows => Interlocked.Read(ref _rows);

    public void OnProfile(Profile interval, long endUnixNs)
    {
        _pending.Enqueue((interval, endUnixNs));
        while (_pending.Count > MaxPending && _pending.TryDequeue(out _))
            Interlocked.Increment(ref _droppedIntervals);
    }

    public void Drain()
    {
        while (_pending.TryDequeue(out var item))
            Interlocked.Add(ref _rows, StackTracesTableWriter.Append(table, item.Profile, item.EndUnixNs));
    }
}
