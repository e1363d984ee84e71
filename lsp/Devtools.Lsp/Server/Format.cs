using System.Globalization;
using Devtools.Core.Common;

namespace Devtools.Lsp.Server;

/// <summary>How numbers read in lenses and hovers: few digits, as much precision as the size deserves.</summary>
public static class Format
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>41 ms, 3.1 ms, 0.85 ms.</summary>
    public static string Ms(double ms) =>
        (ms >= 10 ? ms.ToString("0", Inv) : ms >= 1 ? ms.ToString("0.0", Inv) : ms.ToString("0.00", Inv)) + " ms";

    /// <summary>212, 4.5, 0.25.</summary>
    public static string Rate(double perMinute) =>
        perMinute >= 10 ? perMinute.ToString("0", Inv) : perMinute >= 1 ? perMinute.ToString("0.#", Inv) : perMinute.ToString("0.##", Inv);

    /// <summary>0.4%, 12.5%.</summary>
    public static string Percent(double percent) => percent.ToString("0.0", Inv) + "%";

    /// <summary>One loss counter as it reads: <c>12 http parse errors</c>, <c>4.0 KiB lost in 3 gaps</c>.</summary>
    public static string Loss(Protocol.LossCounter counter)
    {
        ArgumentNullException.ThrowIfNull(counter);
        return (counter.Unit == "bytes" ? ByteSize.Format(counter.Value) : counter.Value.ToString("N0", Inv)) + " " + counter.Label;
    }

    /// <summary>
    /// <c>capture lost data: 12 data events dropped by the kernel (ring buffer full), 4.0 KiB lost in 3 gaps, and 2 more</c>;
    /// null when nothing was lost.
    /// </summary>
    public static string? LossSummary(Protocol.CaptureLosses? losses, int max = 2)
    {
        if (losses is null || losses.Counters.Count == 0)
            return null;
        string text = "capture lost data: " + string.Join(", ", losses.Counters.Take(max).Select(Loss));
        return losses.Counters.Count > max ? text + $", and {losses.Counters.Count - max} more" : text;
    }

    public static string Time(long unixMs) =>
        DateTimeOffset.FromUnixTimeMilliseconds(unixMs).ToLocalTime().ToString("HH:mm:ss.fff", Inv);
}
