using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text;

namespace Devtools.Lsp.Analysis.Routing;

/// <summary>
/// Parses route templates: segments split on '/' outside braces, <c>{{</c>/<c>}}</c> as escaped
/// braces, parameters with constraints (<c>{id:int:min(1)}</c>, <c>{code:regex(^\d{{3}}$)}</c>),
/// optional (<c>{id?}</c>), default (<c>{id=5}</c>) and catch-all (<c>{*rest}</c>, <c>{**rest}</c>).
/// Lenient where ASP.NET Core would throw: source under edit is often half-written.
/// </summary>
internal static class RoutePatternParser
{
    private const int MaxCached = 64 * 1024;

    // Every snapshot rebuilds its routes; most templates are the same as in the last one.
    private static readonly ConcurrentDictionary<string, RoutePattern> s_cache = new(StringComparer.Ordinal);

    public static RoutePattern Parse(string template)
    {
        ArgumentNullException.ThrowIfNull(template);
        if (s_cache.TryGetValue(template, out RoutePattern? cached))
            return cached;
        if (s_cache.Count >= MaxCached)
            s_cache.Clear();
        return s_cache.GetOrAdd(template, ParseUncached);
    }

    private static RoutePattern ParseUncached(string template)
    {
        ReadOnlySpan<char> text = template.AsSpan().Trim();
        if (text.StartsWith("~/"))
            text = text[2..];
        text = text.TrimStart('/');
        var segments = ImmutableArray.CreateBuilder<RouteSegment>();
        foreach (string segment in SplitSegments(text))
        {
            if (segment.Length > 0)
                segments.Add(new RouteSegment(ParseParts(segment)));
        }
        return new RoutePattern(template, segments.ToImmutable());
    }

    private static List<string> SplitSegments(ReadOnlySpan<char> text)
    {
        var segments = new List<string>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if ((c == '{' || c == '}') && i + 1 < text.Length && text[i + 1] == c)
            {
                i++;
                continue;
            }
            if (c == '{')
                depth++;
            else if (c == '}' && depth > 0)
                depth--;
            else if (c == '/' && depth == 0)
            {
                segments.Add(text[start..i].ToString());
                start = i + 1;
            }
        }
        segments.Add(text[start..].ToString());
        return segments;
    }

    private static ImmutableArray<RoutePart> ParseParts(string segment)
    {
        var parts = ImmutableArray.CreateBuilder<RoutePart>();
        var literal = new StringBuilder();
        for (int i = 0; i < segment.Length; i++)
        {
            char c = segment[i];
            if ((c == '{' || c == '}') && i + 1 < segment.Length && segment[i + 1] == c)
            {
                literal.Append(c);
                i++;
                continue;
            }
            if (c != '{')
            {
                literal.Append(c);
                continue;
            }
            if (literal.Length > 0)
            {
                parts.Add(new RouteLiteral(literal.ToString()));
                literal.Clear();
            }
            i = ReadParameterText(segment, i + 1, out string inner);
            parts.Add(ParseParameter(inner));
        }
        if (literal.Length > 0)
            parts.Add(new RouteLiteral(literal.ToString()));
        return parts.ToImmutable();
    }

    /// <summary>Reads up to the closing brace (escaped braces inside become single); returns the index of that brace.</summary>
    private static int ReadParameterText(string segment, int start, out string inner)
    {
        var text = new StringBuilder();
        int i = start;
        for (; i < segment.Length; i++)
        {
            char c = segment[i];
            if ((c == '{' || c == '}') && i + 1 < segment.Length && segment[i + 1] == c)
            {
                text.Append(c);
                i++;
                continue;
            }
            if (c == '}')
                break;
            text.Append(c);
        }
        inner = text.ToString();
        return i;
    }

    private static RouteParameter ParseParameter(string text)
    {
        bool catchAll = false;
        int i = 0;
        while (i < text.Length && text[i] == '*' && i < 2)
        {
            catchAll = true;
            i++;
        }
        int nameStart = i;
        while (i < text.Length && text[i] is not (':' or '=' or '?'))
            i++;
        string name = text[nameStart..i].Trim();
        var constraints = ImmutableArray.CreateBuilder<RouteConstraint>();
        string? defaultValue = null;
        bool optional = false;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == ':')
            {
                i = ReadConstraint(text, i + 1, constraints);
            }
            else if (c == '=')
            {
                string rest = text[(i + 1)..];
                // "{id=5?}" is not valid ASP.NET; read it as optional with a default rather than fail.
                optional |= rest.EndsWith('?');
                defaultValue = rest.TrimEnd('?');
                break;
            }
            else
            {
                optional |= c == '?';
                i++;
            }
        }
        return new RouteParameter(name, constraints.ToImmutable(), optional, defaultValue, catchAll);
    }

    /// <summary>Reads <c>name</c> or <c>name(argument)</c>; arguments may hold parentheses (regexes).</summary>
    private static int ReadConstraint(string text, int start, ImmutableArray<RouteConstraint>.Builder constraints)
    {
        int i = start;
        while (i < text.Length && text[i] is not ('(' or ':' or '=' or '?'))
            i++;
        string name = text[start..i];
        string? argument = null;
        if (i < text.Length && text[i] == '(')
        {
            int depth = 0;
            int argumentStart = i + 1;
            for (; i < text.Length; i++)
            {
                if (text[i] == '(')
                    depth++;
                else if (text[i] == ')' && --depth == 0)
                    break;
            }
            // The last ')' before the next ':' closes it when the regex's parentheses do not balance.
            argument = text[argumentStart..Math.Min(i, text.Length)];
            i = Math.Min(i + 1, text.Length);
        }
        if (name.Length > 0)
            constraints.Add(new RouteConstraint(name, argument));
        return i;
    }
}
