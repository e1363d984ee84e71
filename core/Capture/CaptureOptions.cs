using Devtools.Core.Capture.SocketTrace;
using Devtools.Core.Connections;
using Devtools.Core.Profiling;
using Devtools.Core.Protocols;
using Devtools.Core.Storage;

namespace Devtools.Core.Capture;

/// <summary>Everything that shapes one capture session; every bound has a default that holds on a small node.</summary>
public sealed record CaptureOptions
{
    public SocketTracerOptions Tracer { get; init; } = new();

    public ConnectionTrackerOptions Tracking { get; init; } = new();

    public ProtocolOptions Protocols { get; init; } = new();

    public TableStoreOptions Storage { get; init; } = new();

    /// <summary>CPU profiling into stack_traces.beta alongside the capture; null (the default) leaves it off.</summary>
    public CpuProfilerOptions? Profiler { get; init; }
}
