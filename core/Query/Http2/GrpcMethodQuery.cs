namespace Devtools.Core.Query.Http2;

/// <summary>Which gRPC calls of http_events <see cref="GrpcMethodStats"/> aggregates.</summary>
public sealed record GrpcMethodQuery
{
    /// <summary>Inclusive start of the window, ns since the Unix epoch; long.MinValue for "from the oldest row".</summary>
    public long FromUnixNs { get; init; } = long.MinValue;

    /// <summary>Exclusive end of the window, ns since the Unix epoch; long.MaxValue for "to the newest row".</summary>
    public long ToUnixNs { get; init; } = long.MaxValue;

    /// <summary>Only calls traced in this process, when set.</summary>
    public uint? Pid { get; init; }

    /// <summary>Most methods reported; calls of further methods are counted together.</summary>
    public int MaxMethods { get; init; } = 1000;

    /// <summary>The last <paramref name="window"/> before <paramref name="nowUnixNs"/>.</summary>
    public static GrpcMethodQuery Last(TimeSpan window, long nowUnixNs) =>
        new() { FromUnixNs = nowUnixNs - (long)(window.Ticks * 100L), ToUnixNs = nowUnixNs };
}
