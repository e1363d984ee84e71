using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using Devtools.Lsp.Analysis.Routing;

namespace Devtools.Lsp.Analysis;

/// <summary>
/// Matches observed requests (method and path, as <c>http_events</c> records them) to the routes
/// declared in source, with ASP.NET Core's rules: literals compare case-insensitively, inline
/// constraints are checked, optional/default/catch-all parameters may be absent, and among the
/// routes that match, the lowest inbound precedence wins (literal &gt; constrained parameter &gt;
/// parameter &gt; catch-all, segment by segment from the left), then routes with explicit HTTP
/// methods over those accepting any. Immutable and thread-safe; results are cached.
/// </summary>
public sealed class RouteMatcher
{
    private const int MaxCached = 16 * 1024;

    private readonly ImmutableArray<EndpointRoute> _routes;
    private readonly RouteTree _tree;
    private readonly ConcurrentDictionary<(string Method, string Path), RouteMatch> _cache = new();

    public RouteMatcher(IEnumerable<EndpointRoute> routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        _routes = [.. routes];
        _tree = new RouteTree(_routes);
    }

    /// <summary>Groups declarations into routes (by methods and template) and indexes them.</summary>
    public static RouteMatcher FromDeclarations(IEnumerable<EndpointDeclaration> declarations) => new(GroupRoutes(declarations));

    public ImmutableArray<EndpointRoute> Routes => _routes;

    /// <summary>
    /// The route(s) serving <paramref name="httpMethod"/> <paramref name="path"/>. The path may carry
    /// a query string or be an absolute URL; segments are percent-decoded before matching.
    /// </summary>
    public RouteMatch Match(string httpMethod, string path)
    {
        ArgumentNullException.ThrowIfNull(httpMethod);
        ArgumentNullException.ThrowIfNull(path);
        if (_cache.TryGetValue((httpMethod, path), out RouteMatch? cached))
            return cached;
        RouteMatch match = Compute(httpMethod, path);
        // Bounded: paths carry ids, so there is no end to distinct ones.
        if (_cache.Count >= MaxCached)
            _cache.Clear();
        _cache.TryAdd((httpMethod, path), match);
        return match;
    }

    internal static ImmutableArray<EndpointRoute> GroupRoutes(IEnumerable<EndpointDeclaration> declarations)
    {
        var byKey = new Dictionary<string, List<EndpointDeclaration>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (EndpointDeclaration declaration in declarations)
        {
            if (!byKey.TryGetValue(declaration.RouteKey, out List<EndpointDeclaration>? list))
            {
                byKey[declaration.RouteKey] = list = [];
                order.Add(declaration.RouteKey);
            }
            list.Add(declaration);
        }
        return [.. order.Select(key => byKey[key]).Select(list => new EndpointRoute(list[0].HttpMethods, list[0].RouteTemplate, [.. list]))];
    }

    private RouteMatch Compute(string httpMethod, string path)
    {
        List<string> segments = PathSegments(path);
        var candidates = new List<EndpointRoute>();
        foreach (EndpointRoute route in _tree.Candidates(segments))
        {
            if (Matches(route.Pattern, segments))
                candidates.Add(route);
        }
        if (candidates.Count == 0)
            return RouteMatch.None;
        List<EndpointRoute> accepting = candidates.FindAll(r => r.Accepts(httpMethod));
        if (accepting.Count == 0)
            return new RouteMatch([], MethodNotAllowed: true);
        decimal best = accepting.Min(r => r.Pattern.Precedence);
        List<EndpointRoute> winners = accepting.FindAll(r => r.Pattern.Precedence == best);
        // HttpMethodMatcherPolicy's comparer: an endpoint that names its methods beats one that takes any.
        if (winners.Exists(r => !r.HttpMethods.IsDefaultOrEmpty))
            winners.RemoveAll(r => r.HttpMethods.IsDefaultOrEmpty);
        return new RouteMatch([.. winners], false);
    }

    /// <summary>The decoded, non-empty segments of the path part of <paramref name="target"/>.</summary>
    internal static List<string> PathSegments(string target)
    {
        ReadOnlySpan<char> path = target.AsSpan().Trim();
        int scheme = path.IndexOf("://", StringComparison.Ordinal);
        if (scheme > 0 && scheme < 10)
        {
            ReadOnlySpan<char> afterHost = path[(scheme + 3)..];
            int slash = afterHost.IndexOf('/');
            path = slash < 0 ? [] : afterHost[slash..];
        }
        int end = path.IndexOfAny('?', '#');
        if (end >= 0)
            path = path[..end];
        var segments = new List<string>();
        foreach (Range range in path.Split('/'))
        {
            ReadOnlySpan<char> segment = path[range];
            if (segment.IsEmpty)
                continue;
            string text = segment.ToString();
            segments.Add(text.Contains('%', StringComparison.Ordinal) ? Uri.UnescapeDataString(text) : text);
        }
        return segments;
    }

    internal static bool Matches(RoutePattern pattern, List<string> segments)
    {
        ImmutableArray<RouteSegment> parts = pattern.Segments;
        for (int i = 0; i < parts.Length; i++)
        {
            RouteSegment segment = parts[i];
            if (segment.Parts is [RouteParameter { IsCatchAll: true } catchAll])
            {
                string rest = string.Join('/', segments.Skip(i));
                return rest.Length == 0 || AcceptsAll(catchAll, rest);
            }
            if (i >= segments.Count)
                return AllCanBeOmitted(parts, i);
            if (!MatchesSegment(segment, segments[i]))
                return false;
        }
        return segments.Count <= parts.Length;
    }

    private static bool AllCanBeOmitted(ImmutableArray<RouteSegment> parts, int from)
    {
        for (int i = from; i < parts.Length; i++)
        {
            if (!parts[i].CanBeOmitted)
                return false;
        }
        return true;
    }

    private static bool MatchesSegment(RouteSegment segment, string value)
    {
        if (segment.Parts is [RouteLiteral literal])
            return string.Equals(literal.Text, value, StringComparison.OrdinalIgnoreCase);
        if (segment.Parts is [RouteParameter parameter])
            return AcceptsAll(parameter, value);
        return MatchesComplex(segment, value);
    }

    /// <summary>
    /// <c>{name}.{ext}</c>: literals split the value; like ASP.NET, earlier parameters take as
    /// much as they can (<c>a.b.c</c> gives name <c>a.b</c>, ext <c>c</c>).
    /// </summary>
    private static bool MatchesComplex(RouteSegment segment, string value)
    {
        var regex = new StringBuilder("^");
        var parameters = new List<RouteParameter>();
        foreach (RoutePart part in segment.Parts)
        {
            if (part is RouteLiteral literal)
            {
                regex.Append(Regex.Escape(literal.Text));
            }
            else if (part is RouteParameter parameter)
            {
                regex.Append(parameter.IsOptional ? "(.*)" : "(.+)");
                parameters.Add(parameter);
            }
        }
        regex.Append('$');
        Match match = Regex.Match(value, regex.ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline);
        if (!match.Success)
            return false;
        for (int i = 0; i < parameters.Count; i++)
        {
            string captured = match.Groups[i + 1].Value;
            if (captured.Length > 0 && !AcceptsAll(parameters[i], captured))
                return false;
        }
        return true;
    }

    private static bool AcceptsAll(RouteParameter parameter, string value)
    {
        foreach (RouteConstraint constraint in parameter.Constraints)
        {
            if (!RouteConstraints.Accepts(constraint, value))
                return false;
        }
        return true;
    }
}
