using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Devtools.Lsp.Analysis.Endpoints;

/// <summary>Finds a call's argument by parameter name, else by position (named arguments may come in any order).</summary>
internal static class MapArguments
{
    public static ArgumentSyntax? Find(ArgumentListSyntax arguments, string parameterName, int position)
    {
        int positional = 0;
        foreach (ArgumentSyntax argument in arguments.Arguments)
        {
            if (argument.NameColon is { } named)
            {
                if (named.Name.Identifier.ValueText == parameterName)
                    return argument;
                continue;
            }
            if (positional++ == position)
                return argument;
        }
        return null;
    }

    /// <summary>The last argument: where minimal APIs take their handler.</summary>
    public static ArgumentSyntax? Last(ArgumentListSyntax arguments, string parameterName)
    {
        foreach (ArgumentSyntax argument in arguments.Arguments)
        {
            if (argument.NameColon?.Name.Identifier.ValueText == parameterName)
                return argument;
        }
        return arguments.Arguments.Count > 0 ? arguments.Arguments[^1] : null;
    }
}
