using System.Globalization;

namespace Devtools.Lsp.Workspace;

/// <summary>
/// An ASP.NET Core route template, enough to match an observed path to it:
/// literal segments (case-insensitive), <c>{id}</c>, constraints (<c>{id:int}</c>,
/// <c>{id:guid}</c>, …), optional (<c>{id?}</c>), defaults (<c>{page=1}</c>) and
/// catch-all (<c>{*rest}</c>, <c>{**rest}</c>) parameters.
/// </summary>
public sealed class RouteTemplate
{
    private readonly Segment[] _segments;

    private RouteTemplate(string text, Segment[] segments)
    {
        Text = text;
        _segments = segments;
        Display = "/" + string.Join('/', segments.Select(s => s.Display));
        Specificity = segments.Sum(s => s.Kind switch { SegmentKind.Literal => 100, SegmentKind.Parameter => s.Constraints.Length > 0 ? 11 : 10, _ => 1 });
    }

    /// <summary>The template as written.</summary>
    public string Text { get; }

    /// <summary>The template as a lens shows it: constraints and defaults left out (<c>/orders/{id}</c>).</summary>
    public string Display { get; }

    /// <summary>Higher for templates that say more: used to pick one template when several match.</summary>
    public int Specificity { get; }

    public static RouteTemplate Parse(string template)
    {
        ArgumentNullException.ThrowIfNull(template);
        string t = template.Trim().TrimStart('~').Trim('/');
        var segments = new List<Segment>();
        foreach (string raw in t.Length == 0 ? [] : t.Split('/'))
            segments.Add(Segment.Parse(raw));
        return new RouteTemplate(template, [.. segments]);
    }

    /// <summary>Whether the request path (query string ignored) matches.</summary>
    public bool Matches(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        int q = path.IndexOfAny(['?', '#']);
        string p = (q >= 0 ? path[..q] : path).Trim('/');
        string[] parts = p.Length == 0 ? [] : p.Split('/');
        for (int i = 0; i < _segments.Length; i++)
        {
            Segment s = _segments[i];
            if (s.Kind == SegmentKind.CatchAll)
                return true;
            if (i >= parts.Length)
                return _segments.Skip(i).All(x => x.Optional || x.Kind == SegmentKind.CatchAll);
            string part = Uri.UnescapeDataString(parts[i]);
            if (s.Kind == SegmentKind.Literal)
            {
                if (!string.Equals(s.Literal, part, StringComparison.OrdinalIgnoreCase))
                    return false;
            }
            else if (part.Length == 0 || !s.Constraints.All(c => Satisfies(c, part)))
            {
                return false;
            }
        }
        return parts.Length == _segments.Length;
    }

    private static bool Satisfies(string constraint, string value)
    {
        string name = constraint;
        string? arg = null;
        int paren = constraint.IndexOf('(', StringComparison.Ordinal);
        if (paren > 0 && constraint.EndsWith(')'))
        {
            name = constraint[..paren];
            arg = constraint[(paren + 1)..^1];
        }
        CultureInfo inv = CultureInfo.InvariantCulture;
        return name.ToLowerInvariant() switch
        {
            "int" => int.TryParse(value, NumberStyles.Integer, inv, out _),
            "long" => long.TryParse(value, NumberStyles.Integer, inv, out _),
            "bool" => bool.TryParse(value, out _),
            "guid" => Guid.TryParse(value, out _),
            "double" or "float" or "decimal" => double.TryParse(value, NumberStyles.Float, inv, out _),
            "datetime" => DateTime.TryParse(value, inv, DateTimeStyles.None, out _),
            "alpha" => value.All(char.IsAsciiLetter),
            "min" => long.TryParse(value, inv, out long v1) && long.TryParse(arg, inv, out long m1) && v1 >= m1,
            "max" => long.TryParse(value, inv, out long v2) && long.TryParse(arg, inv, out long m2) && v2 <= m2,
            "range" => long.TryParse(value, inv, out long v3) && arg?.Split(',') is [string lo, string hi]
                && long.TryParse(lo, inv, out long l) && long.TryParse(hi, inv, out long h) && v3 >= l && v3 <= h,
            "minlength" => int.TryParse(arg, inv, out int ml) && value.Length >= ml,
            "maxlength" => int.TryParse(arg, inv, out int xl) && value.Length <= xl,
            "length" => arg?.Split(',') is [string a] ? int.TryParse(a, inv, out int len) && value.Length == len
                : arg?.Split(',') is [string a1, string b1] && int.TryParse(a1, inv, out int lo1) && int.TryParse(b1, inv, out int hi1) && value.Length >= lo1 && value.Length <= hi1,
            _ => true, // regex(...), required, custom constraints: do not reject
        };
    }

    private enum SegmentKind
    {
        Literal,
        Parameter,
        CatchAll,
    }

    private sealed record Segment(SegmentKind Kind, string Literal, string Display, string[] Constraints, bool Optional)
    {
        public static Segment Parse(string raw)
        {
            if (!(raw.StartsWith('{') && raw.EndsWith('}')))
                return new Segment(SegmentKind.Literal, raw, raw, [], false);
            string inner = raw[1..^1];
            bool catchAll = inner.StartsWith('*');
            inner = inner.TrimStart('*');
            bool optional = inner.EndsWith('?');
            inner = inner.TrimEnd('?');
            bool hasDefault = false;
            int eq = inner.IndexOf('=', StringComparison.Ordinal);
            if (eq >= 0)
            {
                hasDefault = true;
                inner = inner[..eq];
            }
            string[] parts = inner.Split(':');
            string name = parts[0];
            string display = "{" + (catchAll ? "*" : "") + name + (optional ? "?" : "") + "}";
            return catchAll
                ? new Segment(SegmentKind.CatchAll, name, display, [], true)
                : new Segment(SegmentKind.Parameter, name, display, parts[1..], optional || hasDefault);
        }
    }
}
