using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Devtools.Lsp.Analysis.Routing;

/// <summary>
/// Evaluates ASP.NET Core's built-in inline constraints on a route value, with the same parsing
/// rules (invariant culture). A constraint it does not know (a custom one) accepts everything:
/// source cannot tell what it does, and showing a lens for a near-miss is better than none.
/// </summary>
internal static class RouteConstraints
{
    private static readonly TimeSpan s_regexTimeout = TimeSpan.FromMilliseconds(100);
    private static readonly ConcurrentDictionary<string, Regex?> s_regexes = new(StringComparer.Ordinal);

    public static bool Accepts(RouteConstraint constraint, string value)
    {
        string? argument = constraint.Argument;
        switch (constraint.Name.ToUpperInvariant())
        {
            case "INT":
                return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _);
            case "LONG":
                return long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _);
            case "BOOL":
                return bool.TryParse(value, out _);
            case "GUID":
                return Guid.TryParse(value, out _);
            case "DATETIME":
                return DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
            case "DECIMAL":
                return decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _);
            case "DOUBLE":
                return double.TryParse(value, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out _);
            case "FLOAT":
                return float.TryParse(value, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out _);
            case "ALPHA":
                return value.Length > 0 && value.All(char.IsAsciiLetter);
            case "REQUIRED":
                return value.Length > 0;
            // A numeric constraint fails on a value that is not a number, as ASP.NET's do; a bad argument is ignored.
            case "MIN":
                return Long(argument) is not { } lower || Long(value) >= lower;
            case "MAX":
                return Long(argument) is not { } upper || Long(value) <= upper;
            case "RANGE":
                return Pair(argument) is not ({ } from, { } to) || (Long(value) is { } number && number >= from && number <= to);
            case "MINLENGTH":
                return Long(argument) is not { } minLength || value.Length >= minLength;
            case "MAXLENGTH":
                return Long(argument) is not { } maxLength || value.Length <= maxLength;
            case "LENGTH":
                return Pair(argument) switch
                {
                    ({ } shortest, { } longest) => value.Length >= shortest && value.Length <= longest,
                    ({ } exact, null) => value.Length == exact,
                    _ => true,
                };
            case "REGEX":
                return Regex(argument) is not { } regex || Matches(regex, value);
            case "FILE":
                return LooksLikeFileName(value);
            case "NONFILE":
                return !LooksLikeFileName(value);
            default:
                return true;
        }
    }

    private static long? Long(string? text) =>
        long.TryParse(text?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out long value) ? value : null;

    private static (long? First, long? Second) Pair(string? argument)
    {
        if (argument is null)
            return (null, null);
        int comma = argument.IndexOf(',', StringComparison.Ordinal);
        return comma < 0 ? (Long(argument), null) : (Long(argument[..comma]), Long(argument[(comma + 1)..]));
    }

    /// <summary>ASP.NET's <c>FileNameRouteConstraint</c>: the last path segment has a dot with something after it.</summary>
    private static bool LooksLikeFileName(string value)
    {
        string last = value[(value.LastIndexOf('/') + 1)..];
        int dot = last.LastIndexOf('.');
        return dot >= 0 && dot < last.Length - 1;
    }

    private static Regex? Regex(string? pattern)
    {
        if (string.IsNullOrEmpty(pattern))
            return null;
        return s_regexes.GetOrAdd(pattern, static p =>
        {
            try
            {
                // As RegexRouteConstraint: case-insensitive, culture-invariant, explicit captures.
                return new Regex(p, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, s_regexTimeout);
            }
            catch (ArgumentException)
            {
                return null;
            }
        });
    }

    private static bool Matches(Regex regex, string value)
    {
        try
        {
            return regex.IsMatch(value);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
