using Devtools.Lsp.Protocol;

namespace Devtools.Lsp.Workspace;

/// <summary>An ASP.NET Core endpoint declared in a file: where its lens goes.</summary>
/// <param name="HttpMethods">Upper-case methods; empty means any.</param>
/// <param name="Template">The full route template (group prefixes applied).</param>
/// <param name="Range">Where the lens goes (0-based).</param>
/// <param name="LastLine">The last 0-based line of the declaration (its handler): hovers anywhere on it answer.</param>
public sealed record SourceEndpoint(IReadOnlyList<string> HttpMethods, RouteTemplate Template, LspRange Range, int LastLine, string? Handler)
{
    public string MethodsText => HttpMethods.Count == 0 ? "ANY" : string.Join(", ", HttpMethods);

    public string Key => MethodsText + " " + Template.Text;

    public bool Accepts(string method) => HttpMethods.Count == 0 || HttpMethods.Contains(method, StringComparer.OrdinalIgnoreCase);
}

/// <summary>A method declared in a file, with the name a profiler knows it by.</summary>
/// <param name="QualifiedName">Namespace.Type.Method as the runtime names it.</param>
/// <param name="NameRange">The identifier: where a CPU lens goes.</param>
/// <param name="StartLine">First 0-based line of the declaration.</param>
/// <param name="EndLine">Last 0-based line of the declaration.</param>
public sealed record SourceMethodInfo(string QualifiedName, LspRange NameRange, int StartLine, int EndLine);

/// <summary>What the bridge needs to know about a C# file. Implementations must be pure functions of the text.</summary>
public interface ISourceAnalyzer
{
    SourceFileFacts Analyze(string path, string text);
}

public sealed record SourceFileFacts(IReadOnlyList<SourceEndpoint> Endpoints, IReadOnlyList<SourceMethodInfo> Methods)
{
    public static SourceFileFacts Empty { get; } = new([], []);
}
