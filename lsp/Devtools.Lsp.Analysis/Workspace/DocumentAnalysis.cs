using System.Collections.Immutable;
using Devtools.Lsp.Analysis.Endpoints;
using Devtools.Lsp.Analysis.Methods;
using Devtools.Lsp.Analysis.Sql;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Devtools.Lsp.Analysis.Workspace;

/// <summary>
/// Everything one file tells on its own. Facts that need other files (group prefixes handed to
/// extension methods, controller base classes, method-group handlers) are kept raw and combined
/// when a snapshot is put together, so a change to one file re-parses that file only.
/// The syntax tree is not kept: 500 trees would cost far more memory than these facts.
/// </summary>
internal sealed record DocumentAnalysis(
    string Path,
    int LineCount,
    ImmutableArray<SourceMethod> Methods,
    ImmutableArray<SqlLiteral> SqlLiterals,
    ImmutableArray<MapCallFact> MapCalls,
    ImmutableArray<RouteBuilderCallFact> BuilderCalls,
    ImmutableArray<ControllerFact> Controllers)
{
    private static readonly CSharpParseOptions s_parseOptions = new(LanguageVersion.Preview, DocumentationMode.None);

    public static DocumentAnalysis Analyze(string path, string text)
    {
        SourceText source = SourceText.From(text);
        var tree = CSharpSyntaxTree.ParseText(source, s_parseOptions, path);
        var root = (CompilationUnitSyntax)tree.GetRoot();
        (ImmutableArray<MapCallFact> maps, ImmutableArray<RouteBuilderCallFact> calls) = MinimalApiExtractor.Extract(root, source);
        return new DocumentAnalysis(
            path,
            source.Lines.Count,
            MethodExtractor.Extract(path, root, source),
            SqlLiteralExtractor.Extract(path, root, source),
            maps,
            calls,
            ControllerExtractor.Extract(root, source));
    }
}
