namespace Devtools.Core.Query.Dns;

/// <summary>Which dns_events rows <see cref="DnsQueryStats"/> aggregates.</summary>
public sealed record DnsStatsQuery
{
    /// <summary>Inclusive start of the window, ns since the Unix epoch; long.MinValue for "from the oldest row".</summary>
    public long FromUnixNs { get; init; } = long.MinValue;

    /// <summary>Exclusive end of the window, ns since the Unix epoch; long.MaxValue for "to the newest row".</summary>
    public long ToUnixNs { get; init; } = long.MaxValue;

    /// <summary>Only lookups traced in this process, when set.</summary>
    public uint? Pid { get; init; }

    /// <summary>Most (process, name, type) groups reported; lookups of further groups are counted together.</summary>
    public int MaxGroups { get; init; } = 1000;

    /// <summary>The last <paramref name="window"/> before <paramref name="nowUnixNs"/>.</summary>
    public static DnsStatsQuery Last(TimeSpan window, long nowUnixNs) =>
        new() { FromUnixNs = nowUnixNs - (long)(window.Ticks * 100L), ToUnixNs = nowUnixNs };
}
