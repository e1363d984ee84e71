using System.Text;
using System.Text.RegularExpressions;

namespace Devtools.Lsp.Analysis.Endpoints;

/// <summary>Combining and tidying route templates as ASP.NET Core does when it builds endpoints.</summary>
internal static partial class RouteTemplateText
{
    /// <summary>
    /// An action in an area has the area as a required route value, so a <c>{area}</c> (or
    /// <c>{area:exists}</c>) parameter only ever matches that value: it is a literal for matching.
    /// </summary>
    public static string ReplaceAreaParameter(string template, string? area) =>
        area is null ? template : AreaParameter().Replace(template, area.Replace("$", "$$", StringComparison.Ordinal));

    [GeneratedRegex(@"\{area(?::[^}]*)?\}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AreaParameter();

    /// <summary>
    /// Appends a minimal API pattern to a group prefix. Group patterns always nest: a leading '/'
    /// in the inner pattern does not reset it (unlike controller routes).
    /// </summary>
    public static string Join(string prefix, string template)
    {
        if (prefix.Length == 0)
            return Normalize(template);
        if (template.Length == 0)
            return Normalize(prefix);
        return Normalize(prefix.TrimEnd('/') + "/" + template.TrimStart('/'));
    }

    /// <summary>True when a controller action's template ignores the controller's: it starts with '/' or '~/'.</summary>
    public static bool IsAbsolute(string template) =>
        template.StartsWith('/') || template.StartsWith("~/", StringComparison.Ordinal);

    /// <summary>Combines a controller route with an action route the way MVC's AttributeRouteModel does.</summary>
    public static string CombineController(string? controllerTemplate, string? actionTemplate)
    {
        if (actionTemplate is not null && IsAbsolute(actionTemplate))
            return Normalize(actionTemplate);
        if (string.IsNullOrEmpty(controllerTemplate))
            return Normalize(actionTemplate ?? "");
        if (string.IsNullOrEmpty(actionTemplate))
            return Normalize(controllerTemplate);
        return Normalize(controllerTemplate.TrimEnd('/') + "/" + actionTemplate);
    }

    /// <summary>A leading '/', no '~', no doubled or trailing '/' (outside parameters), so equal routes compare equal.</summary>
    public static string Normalize(string template)
    {
        ReadOnlySpan<char> text = template.AsSpan().Trim();
        if (text.StartsWith("~/"))
            text = text[1..];
        var result = new StringBuilder(text.Length + 1);
        result.Append('/');
        int depth = 0;
        foreach (char c in text)
        {
            if (c == '{')
                depth++;
            else if (c == '}' && depth > 0)
                depth--;
            if (c == '/' && depth == 0 && result[^1] == '/')
                continue;
            result.Append(c);
        }
        if (result.Length > 1 && result[^1] == '/')
            result.Length--;
        return result.ToString();
    }

    /// <summary>
    /// Replaces MVC's <c>[controller]</c>, <c>[action]</c> and <c>[area]</c> tokens (case-insensitive);
    /// <c>[[</c> and <c>]]</c> are escaped brackets. Unknown tokens stay as written.
    /// </summary>
    public static string ReplaceTokens(string template, string controller, string action, string? area)
    {
        if (!template.Contains('[', StringComparison.Ordinal) && !template.Contains(']', StringComparison.Ordinal))
            return template;
        var result = new StringBuilder(template.Length + 16);
        for (int i = 0; i < template.Length; i++)
        {
            char c = template[i];
            if ((c == '[' || c == ']') && i + 1 < template.Length && template[i + 1] == c)
            {
                result.Append(c);
                i++;
                continue;
            }
            if (c == '[')
            {
                int end = template.IndexOf(']', i + 1);
                if (end > i)
                {
                    string token = template[(i + 1)..end];
                    string? value = token.ToUpperInvariant() switch
                    {
                        "CONTROLLER" => controller,
                        "ACTION" => action,
                        "AREA" => area,
                        _ => null,
                    };
                    if (value is not null)
                    {
                        result.Append(value);
                        i = end;
                        continue;
                    }
                }
            }
            result.Append(c);
        }
        return result.ToString();
    }
}
