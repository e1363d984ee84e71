namespace Devtools.Core.Query.Redis;

/// <summary>Which redis_events rows <see cref="RedisCommandStats"/> aggregates.</summary>
public sealed record RedisCommandQuery
{
    /// <summary>Inclusive start of the window, ns since the Unix epoch; long.MinValue for "from the oldest row".</summary>
    public long FromUnixNs { get; init; } = long.MinValue;

    /// <summary>Exclusive end of the window, ns since the Unix epoch; long.MaxValue for "to the newest row".</summary>
    public long ToUnixNs { get; init; } = long.MaxValue;

    /// <summary>Only commands traced in this process, when set.</summary>
    public uint? Pid { get; init; }

    /// <summary>Most commands reported; further ones are counted together.</summary>
    public int MaxCommands { get; init; } = 1000;

    /// <summary>The last <paramref name="window"/> before <paramref name="nowUnixNs"/>.</summary>
    public static RedisCommandQuery Last(TimeSpan window, long nowUnixNs) =>
        new() { FromUnixNs = nowUnixNs - (long)(window.Ticks * 100L), ToUnixNs = nowUnixNs };
}
