using Devtools.Core.Common;
using Microsoft.Diagnostics.Tracing;

namespace Devtools.Core.Profiling.EventPipe;

/// <summary>
/// Puts EventPipe timestamps on the clock the tables use (CLOCK_MONOTONIC ns, as the
/// eBPF rows are). On Linux the runtime stamps events with that very clock at 1 GHz, so
/// the raw stamp is used as is; should a runtime ever differ, the stamp is converted
/// through wall-clock time instead (coarser, still consistent within a session).
/// </summary>
internal sealed class EventClock
{
    // A raw stamp this close to our monotonic now is our clock: events are at most seconds old.
    private const long PlausibleSkewNs = 60_000_000_000;

    private bool? _rawIsMonotonic;

    // TraceEvent discourages the raw stamp because it is clock-specific; that clock is exactly what we want.
#pragma warning disable CS0618
    public long ToMonotonicNs(TraceEvent data)
    {
        _rawIsMonotonic ??= Math.Abs(data.TimeStampQPC - MonotonicClock.NowNs()) < PlausibleSkewNs;
        if (_rawIsMonotonic.Value)
            return data.TimeStampQPC;
        long unixNs = (data.TimeStamp.ToUniversalTime() - DateTime.UnixEpoch).Ticks * 100;
        return MonotonicClock.FromUnixNs(unixNs);
    }
#pragma warning restore CS0618
}
