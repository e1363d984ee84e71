namespace Devtools.Core.Query.Common;

/// <summary>The span of time a stats query divides counts by to get rates.</summary>
public static class QueryWindow
{
    private const double NanosPerSecond = 1e9;

    /// <summary>
    /// The query's window when it has both ends (<see cref="long.MinValue"/> and
    /// <see cref="long.MaxValue"/> meaning open); otherwise the span of the matched rows
    /// (<paramref name="firstSeenUnixNs"/> to <paramref name="lastSeenUnixNs"/>), at least one
    /// second so a handful of requests does not read as thousands per second.
    /// </summary>
    public static double Seconds(long fromUnixNs, long toUnixNs, long firstSeenUnixNs, long lastSeenUnixNs)
    {
        if (fromUnixNs != long.MinValue && toUnixNs != long.MaxValue)
        {
            return Math.Max(toUnixNs - fromUnixNs, 1) / NanosPerSecond;
        }

        if (firstSeenUnixNs > lastSeenUnixNs)
        {
            return 1;
        }

        long from = fromUnixNs != long.MinValue ? fromUnixNs : firstSeenUnixNs;
        long to = toUnixNs != long.MaxValue ? toUnixNs : lastSeenUnixNs;
        return Math.Max((to - from) / NanosPerSecond, 1);
    }
}
