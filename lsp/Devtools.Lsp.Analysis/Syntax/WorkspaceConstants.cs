using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Devtools.Lsp.Analysis.Syntax;

/// <summary>
/// String constants by <c>Type.Name</c> across the workspace, for route templates that use a
/// constant declared in another file. A file's facts hold a marker for such a constant; the
/// workspace fills it in (and drops the route when the constant is unknown or declared twice with
/// different values: a wrong route is worse than none).
/// </summary>
internal static class WorkspaceConstants
{
    private const char Open = '\u0001';
    private const char Close = '\u0002';

    public static string Marker(string type, string name) => $"{Open}{type}.{name}{Close}";

    /// <summary>The <c>const</c> and <c>static readonly</c> strings a file declares, with literal values.</summary>
    public static ImmutableArray<KeyValuePair<string, string>> Collect(CompilationUnitSyntax root)
    {
        var constants = ImmutableArray.CreateBuilder<KeyValuePair<string, string>>();
        foreach (SyntaxNode node in root.DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax))
        {
            if (node is not FieldDeclarationSyntax field || field.Parent is not TypeDeclarationSyntax type)
                continue;
            bool constant = field.Modifiers.Any(SyntaxKind.ConstKeyword)
                || (field.Modifiers.Any(SyntaxKind.StaticKeyword) && field.Modifiers.Any(SyntaxKind.ReadOnlyKeyword));
            if (!constant)
                continue;
            foreach (VariableDeclaratorSyntax variable in field.Declaration.Variables)
            {
                if (StringConstants.TryGetValue(variable.Initializer?.Value) is { } value)
                    constants.Add(new(type.Identifier.ValueText + "." + variable.Identifier.ValueText, value));
            }
        }
        return constants.ToImmutable();
    }

    /// <summary>Merges files' constants; a name declared with two values maps to null.</summary>
    public static Dictionary<string, string?> Merge(IEnumerable<KeyValuePair<string, string>> constants)
    {
        var merged = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach ((string key, string value) in constants)
            merged[key] = merged.TryGetValue(key, out string? existing) && existing != value ? null : value;
        return merged;
    }

    /// <summary><paramref name="template"/> with its markers filled in; null when one is unknown or ambiguous.</summary>
    public static string? Resolve(string template, IReadOnlyDictionary<string, string?> constants)
    {
        if (!template.Contains(Open, StringComparison.Ordinal))
            return template;
        var result = new StringBuilder(template.Length);
        int i = 0;
        while (i < template.Length)
        {
            int open = template.IndexOf(Open, i);
            if (open < 0)
            {
                result.Append(template, i, template.Length - i);
                break;
            }
            int close = template.IndexOf(Close, open);
            if (close < 0 || !constants.TryGetValue(template[(open + 1)..close], out string? value) || value is null)
                return null;
            result.Append(template, i, open - i).Append(value);
            i = close + 1;
        }
        return result.ToString();
    }
}
