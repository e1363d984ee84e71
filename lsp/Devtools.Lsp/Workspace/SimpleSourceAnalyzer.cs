using System.Text.RegularExpressions;
using Devtools.Lsp.Protocol;

namespace Devtools.Lsp.Workspace;

/// <summary>
/// A line-based analyzer for the common shapes: minimal API <c>MapGet/MapPost/…/MapMethods</c>
/// with literal templates (and <c>MapGroup</c> prefixes held in variables), and method
/// declarations with their type. The Roslyn analysis (lsp/Devtools.Lsp.Analysis) does this
/// properly; this one keeps the bridge useful without it.
/// </summary>
public sealed partial class SimpleSourceAnalyzer : ISourceAnalyzer
{
    [GeneratedRegex("""(?<recv>[A-Za-z_][\w]*)\s*\.\s*Map(?<verb>Get|Post|Put|Delete|Patch|Methods)\s*\(\s*@?"(?<tpl>[^"]*)"(?<rest>.*)$""")]
    private static partial Regex MapCall();

    [GeneratedRegex("""(?:var|[\w.<>]+)\s+(?<var>[A-Za-z_]\w*)\s*=\s*(?<recv>[A-Za-z_]\w*)\s*\.\s*MapGroup\s*\(\s*@?"(?<tpl>[^"]*)"\s*\)""")]
    private static partial Regex MapGroup();

    [GeneratedRegex(""""(?<m>[A-Za-z]+)"""")]
    private static partial Regex QuotedWord();

    [GeneratedRegex("""^\s*(?:\[[^\]]*\]\s*)*(?:(?:public|private|internal|protected|static|async|override|virtual|sealed|unsafe|extern|new|partial|readonly)\s+)+(?:[\w.<>\[\],?]+(?:\s*<[^>]*>)?\s+)(?<name>[A-Za-z_]\w*)\s*(?:<[^>]*>)?\s*\(""")]
    private static partial Regex MethodDeclaration();

    [GeneratedRegex("""\b(?:class|struct|record|interface)\s+(?<name>[A-Za-z_]\w*)""")]
    private static partial Regex TypeDeclaration();

    [GeneratedRegex("""^\s*namespace\s+(?<name>[\w.]+)""")]
    private static partial Regex NamespaceDeclaration();

    private static readonly HashSet<string> HttpVerbs = ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE", "CONNECT"];

    public SourceFileFacts Analyze(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
            lines[i] = lines[i].TrimEnd('\r');

        var groups = new Dictionary<string, string>(StringComparer.Ordinal);
        var endpoints = new List<SourceEndpoint>();
        var methods = new List<SourceMethodInfo>();
        string? ns = null;
        var types = new List<(string Name, int Start, int End)>();

        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i];
            if (line.TrimStart().StartsWith("//", StringComparison.Ordinal))
                continue;
            if (NamespaceDeclaration().Match(line) is { Success: true } nsm)
                ns = nsm.Groups["name"].Value.TrimEnd(';');
            if (MapGroup().Match(line) is { Success: true } g)
            {
                string prefix = groups.GetValueOrDefault(g.Groups["recv"].Value, "");
                groups[g.Groups["var"].Value] = Combine(prefix, g.Groups["tpl"].Value);
            }
            if (MapCall().Match(line) is { Success: true } m)
            {
                string verb = m.Groups["verb"].Value;
                string receiver = m.Groups["recv"].Value;
                string template = Combine(groups.GetValueOrDefault(receiver, ""), m.Groups["tpl"].Value);
                IReadOnlyList<string> verbs = verb == "Methods"
                    ? [.. QuotedWord().Matches(m.Groups["rest"].Value).Select(q => q.Groups["m"].Value.ToUpperInvariant()).TakeWhile(HttpVerbs.Contains)]
                    : [verb.ToUpperInvariant()];
                int start = m.Groups["recv"].Index;
                int last = StatementEnd(lines, i);
                endpoints.Add(new SourceEndpoint(verbs, RouteTemplate.Parse(template), LspRange.Of(i, start, i, line.Length), last, null));
            }
            Match tm = TypeDeclaration().Match(line);
            if (tm.Success)
            {
                types.Add((tm.Groups["name"].Value, i, BlockEnd(lines, i)));
                continue;
            }
            if (MethodDeclaration().Match(line) is { Success: true } md && !line.Contains(" new ", StringComparison.Ordinal))
            {
                string name = md.Groups["name"].Value;
                string type = string.Join('+', types.Where(x => x.Start <= i && x.End >= i).Select(x => x.Name));
                string qualified = (ns is null ? "" : ns + ".") + (type.Length == 0 ? "Program" : type) + "." + name;
                Group ng = md.Groups["name"];
                methods.Add(new SourceMethodInfo(qualified, LspRange.Of(i, ng.Index, i, ng.Index + ng.Length), i, BlockEnd(lines, i)));
            }
        }
        return new SourceFileFacts(endpoints, methods);
    }

    private static string Combine(string prefix, string template)
    {
        string a = prefix.Trim('/');
        string b = template.Trim('/');
        string joined = a.Length == 0 ? b : b.Length == 0 ? a : a + "/" + b;
        return "/" + joined;
    }

    /// <summary>The line where the statement starting at <paramref name="start"/> ends (parentheses balanced and a ';').</summary>
    private static int StatementEnd(string[] lines, int start)
    {
        int depth = 0;
        for (int i = start; i < lines.Length && i < start + 500; i++)
        {
            foreach (char c in StripStrings(lines[i]))
            {
                if (c is '(' or '{' or '[')
                    depth++;
                else if (c is ')' or '}' or ']')
                    depth--;
                else if (c == ';' && depth <= 0)
                    return i;
            }
        }
        return start;
    }

    /// <summary>The line closing the block that opens at or after <paramref name="start"/>; for expression bodies, the ';'.</summary>
    private static int BlockEnd(string[] lines, int start)
    {
        int depth = 0;
        bool opened = false;
        for (int i = start; i < lines.Length && i < start + 5000; i++)
        {
            foreach (char c in StripStrings(lines[i]))
            {
                if (c == '{')
                {
                    depth++;
                    opened = true;
                }
                else if (c == '}')
                {
                    depth--;
                    if (opened && depth == 0)
                        return i;
                }
                else if (c == ';' && !opened && depth == 0)
                {
                    return i;
                }
            }
        }
        return start;
    }

    private static string StripStrings(string line)
    {
        int comment = line.IndexOf("//", StringComparison.Ordinal);
        var chars = new List<char>(line.Length);
        bool inString = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (!inString && i == comment)
                break;
            if (c == '"' && (i == 0 || line[i - 1] != '\\'))
            {
                inString = !inString;
                continue;
            }
            if (!inString)
                chars.Add(c);
        }
        return new string([.. chars]);
    }
}
