using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Devtools.Lsp.Analysis.Syntax;

/// <summary>
/// Names of the types that contain a node, spelled as the runtime spells them (TraceEvent,
/// perf maps): namespace parts joined by '.', nested types by '+', generic arity as <c>`N</c>.
/// </summary>
internal static class TypeNames
{
    /// <summary>The class that the compiler generates for top-level statements.</summary>
    public const string TopLevelProgram = "Program";

    /// <summary>The metadata name of the type declaring <paramref name="node"/>, or null outside any type.</summary>
    public static string? ContainingMetadataName(SyntaxNode node)
    {
        TypeDeclarationSyntax? type = node.FirstAncestorOrSelf<TypeDeclarationSyntax>();
        if (type is not null)
            return MetadataName(type);
        return node.FirstAncestorOrSelf<GlobalStatementSyntax>() is not null ? TopLevelProgram : null;
    }

    /// <summary>The metadata name of <paramref name="type"/>.</summary>
    public static string MetadataName(BaseTypeDeclarationSyntax type)
    {
        var types = new List<BaseTypeDeclarationSyntax>(2);
        var namespaces = new List<string>(2);
        for (SyntaxNode? node = type; node is not null; node = node.Parent)
        {
            if (node is BaseTypeDeclarationSyntax t)
                types.Add(t);
            else if (node is BaseNamespaceDeclarationSyntax ns)
                namespaces.Add(ns.Name.ToString());
        }

        var name = new StringBuilder(64);
        for (int i = namespaces.Count - 1; i >= 0; i--)
            name.Append(namespaces[i]).Append('.');
        for (int i = types.Count - 1; i >= 0; i--)
        {
            if (i != types.Count - 1)
                name.Append('+');
            AppendTypeName(name, types[i]);
        }
        // Namespace names written with spaces ("A . B") are rare but legal.
        return name.Replace(" ", "", 0, name.Length).ToString();
    }

    /// <summary>The simple name of <paramref name="type"/> with its arity, as in metadata: <c>Repo`1</c>.</summary>
    public static string SimpleMetadataName(BaseTypeDeclarationSyntax type)
    {
        var name = new StringBuilder(32);
        AppendTypeName(name, type);
        return name.ToString();
    }

    private static void AppendTypeName(StringBuilder name, BaseTypeDeclarationSyntax type)
    {
        name.Append(type.Identifier.ValueText);
        int arity = type is TypeDeclarationSyntax { TypeParameterList: { } list } ? list.Parameters.Count : 0;
        if (arity > 0)
            name.Append('`').Append(arity);
    }
}
