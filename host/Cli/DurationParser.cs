using System.Globalization;

namespace Devtools.Host.Cli;

/// <summary>Parses durations the way people type them: 500ms, 10s, 2m, 1h, 1m30s, or plain seconds.</summary>
public static class DurationParser
{
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        ReadOnlySpan<char> s = text.Trim();
        if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double plainSeconds))
        {
            if (plainSeconds < 0 || double.IsNaN(plainSeconds) || plainSeconds > TimeSpan.MaxValue.TotalSeconds)
                return false;
            duration = TimeSpan.FromSeconds(plainSeconds);
            return true;
        }
        TimeSpan total = TimeSpan.Zero;
        while (!s.IsEmpty)
        {
            int numberEnd = 0;
            while (numberEnd < s.Length && (char.IsAsciiDigit(s[numberEnd]) || s[numberEnd] == '.'))
                numberEnd++;
            int unitEnd = numberEnd;
            while (unitEnd < s.Length && char.IsAsciiLetter(s[unitEnd]))
                unitEnd++;
            if (numberEnd == 0 || unitEnd == numberEnd)
                return false;
            if (!double.TryParse(s[..numberEnd], NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
                return false;
            double seconds = s[numberEnd..unitEnd] switch
            {
                "ms" => value / 1000,
                "s" => value,
                "m" or "min" => value * 60,
                "h" => value * 3600,
                _ => double.NaN,
            };
            if (double.IsNaN(seconds))
                return false;
            total += TimeSpan.FromSeconds(seconds);
            s = s[unitEnd..];
        }
        duration = total;
        return true;
    }
}
