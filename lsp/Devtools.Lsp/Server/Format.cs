using System.Globalization;

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

    public static string Time(long unixMs) =>
        DateTimeOffset.FromUnixTimeMilliseconds(unixMs).ToLocalTime().ToString("HH:mm:ss.fff", Inv);
}
