using System.Buffers;
using System.Collections.Concurrent;

namespace Devtools.Core.Query.Paths;

/// <summary>
/// Turns a request path into an endpoint template by replacing the segments that identify a
/// resource rather than a route: <c>/orders/17?x=1</c> becomes <c>/orders/{id}</c>.
/// </summary>
/// <remarks>
/// <para>Rules, per path segment, first match wins:</para>
/// <list type="bullet">
/// <item>all ASCII digits → <c>{id}</c></item>
/// <item>a GUID: 32 hex digits, optionally dashed 8-4-4-4-12, optionally in braces or parentheses → <c>{guid}</c></item>
/// <item>8 or more hex digits including at least one decimal digit → <c>{hex}</c> (so words like "deadbeef" or "facade" stay)</item>
/// <item>20 or more of [A-Za-z0-9_-] with at least one letter and one digit → <c>{token}</c></item>
/// <item>anything else is kept: <c>v1</c>, <c>api2</c>, <c>2024-01-15</c>, <c>index.html</c></item>
/// </list>
/// <para>
/// The query string and fragment are dropped, an absolute-form target (<c>http://host/path</c>)
/// keeps only its path, and an empty path becomes <c>/</c>.
/// </para>
/// <para>
/// The template is built on the stack and looked up in a cache of template strings, so a path
/// whose template was seen before costs no allocation, whatever its ids. The cache holds
/// templates, not paths, so it stays small; it is cleared if it ever reaches
/// <see cref="MaxCachedTemplates"/> (high-cardinality segments the rules do not catch).
/// </para>
/// </remarks>
public static class PathTemplate
{
    /// <summary>Cache size at which the cache is cleared.</summary>
    public const int MaxCachedTemplates = 4096;

    /// <summary>Replacement for an all-digit segment.</summary>
    public const string IdPlaceholder = "{id}";

    /// <summary>Replacement for a GUID segment.</summary>
    public const string GuidPlaceholder = "{guid}";

    /// <summary>Replacement for a hex segment.</summary>
    public const string HexPlaceholder = "{hex}";

    /// <summary>Replacement for a long opaque token segment.</summary>
    public const string TokenPlaceholder = "{token}";

    private const int StackBufferChars = 512;
    private const int MinHexLength = 8;
    private const int MinTokenLength = 20;

    private static readonly ConcurrentDictionary<string, string> s_templates = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> s_lookup =
        s_templates.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly SearchValues<char> s_hexDigits = SearchValues.Create("0123456789abcdefABCDEF");
    private static readonly SearchValues<char> s_tokenChars =
        SearchValues.Create("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_-");

    /// <summary>The endpoint template of <paramref name="path"/>.</summary>
    public static string Normalize(string? path) => Normalize(path.AsSpan());

    /// <summary>The endpoint template of <paramref name="path"/>.</summary>
    public static string Normalize(ReadOnlySpan<char> path)
    {
        path = PathOnly(path);
        if (path.IsEmpty)
        {
            return "/";
        }

        // A replacement is at most 7 chars and replaces at least 1, so 7x bounds the output.
        int maxLength = checked(path.Length * TokenPlaceholder.Length);
        char[]? rented = null;
        Span<char> buffer = maxLength <= StackBufferChars
            ? stackalloc char[StackBufferChars]
            : (rented = ArrayPool<char>.Shared.Rent(maxLength));
        try
        {
            int length = WriteTemplate(path, buffer);
            return Intern(buffer[..length]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>What a single segment is replaced with, or null when it is kept.</summary>
    public static string? ClassifySegment(ReadOnlySpan<char> segment)
    {
        if (segment.IsEmpty)
        {
            return null;
        }

        if (!segment.ContainsAnyExceptInRange('0', '9'))
        {
            return IdPlaceholder;
        }

        if (IsGuid(segment))
        {
            return GuidPlaceholder;
        }

        bool hasDigit = segment.ContainsAnyInRange('0', '9');
        if (segment.Length >= MinHexLength && hasDigit && !segment.ContainsAnyExcept(s_hexDigits))
        {
            return HexPlaceholder;
        }

        if (segment.Length >= MinTokenLength && hasDigit && !segment.ContainsAnyExcept(s_tokenChars)
            && (segment.ContainsAnyInRange('a', 'z') || segment.ContainsAnyInRange('A', 'Z')))
        {
            return TokenPlaceholder;
        }

        return null;
    }

    private static ReadOnlySpan<char> PathOnly(ReadOnlySpan<char> target)
    {
        int end = target.IndexOfAny('?', '#');
        if (end >= 0)
        {
            target = target[..end];
        }

        // Absolute-form request target, as sent to proxies: keep what follows the authority.
        int scheme = target.IndexOf("://", StringComparison.Ordinal);
        if (scheme > 0 && !target[..scheme].Contains('/'))
        {
            ReadOnlySpan<char> afterScheme = target[(scheme + 3)..];
            int slash = afterScheme.IndexOf('/');
            target = slash >= 0 ? afterScheme[slash..] : [];
        }

        return target;
    }

    private static int WriteTemplate(ReadOnlySpan<char> path, Span<char> destination)
    {
        int written = 0;
        while (true)
        {
            int slash = path.IndexOf('/');
            ReadOnlySpan<char> segment = slash >= 0 ? path[..slash] : path;
            ReadOnlySpan<char> replacement = ClassifySegment(segment) ?? segment;
            replacement.CopyTo(destination[written..]);
            written += replacement.Length;
            if (slash < 0)
            {
                return written;
            }

            destination[written++] = '/';
            path = path[(slash + 1)..];
        }
    }

    private static bool IsGuid(ReadOnlySpan<char> segment)
    {
        if (segment.Length == 38 && ((segment[0] == '{' && segment[37] == '}') || (segment[0] == '(' && segment[37] == ')')))
        {
            segment = segment[1..^1];
        }

        if (segment.Length == 32)
        {
            return !segment.ContainsAnyExcept(s_hexDigits);
        }

        return segment.Length == 36
            && segment[8] == '-' && segment[13] == '-' && segment[18] == '-' && segment[23] == '-'
            && !segment[..8].ContainsAnyExcept(s_hexDigits)
            && !segment[9..13].ContainsAnyExcept(s_hexDigits)
            && !segment[14..18].ContainsAnyExcept(s_hexDigits)
            && !segment[19..23].ContainsAnyExcept(s_hexDigits)
            && !segment[24..].ContainsAnyExcept(s_hexDigits);
    }

    private static string Intern(ReadOnlySpan<char> template)
    {
        if (s_lookup.TryGetValue(template, out string? cached))
        {
            return cached;
        }

        if (s_templates.Count >= MaxCachedTemplates)
        {
            s_templates.Clear();
        }

        string created = template.ToString();
        return s_templates.GetOrAdd(created, created);
    }
}
