using System.Collections.Immutable;
using Devtools.Lsp.Analysis.Methods;

namespace Devtools.Lsp.Analysis.Endpoints;

/// <summary>
/// Turns Map call facts from all files into endpoints: puts the prefixes of the groups handed to
/// extension or helper methods (<c>api.MapOrders()</c>) in front of the routes those methods map,
/// across files, and adds a second lens on a method-group handler's declaration.
/// </summary>
internal sealed class MinimalApiEndpointBuilder
{
    private const int MaxDepth = 8;
    private const int MaxPrefixes = 32;

    private readonly Dictionary<string, List<RouteBuilderCallFact>> _callsByMethod = new(StringComparer.Ordinal);
    private readonly IReadOnlyDictionary<string, ImmutableArray<SourceMethod>> _methodsByName;

    public MinimalApiEndpointBuilder(IEnumerable<RouteBuilderCallFact> calls, IReadOnlyDictionary<string, ImmutableArray<SourceMethod>> methodsByName)
    {
        foreach (RouteBuilderCallFact call in calls)
        {
            if (!_callsByMethod.TryGetValue(call.MethodName, out List<RouteBuilderCallFact>? list))
                _callsByMethod[call.MethodName] = list = [];
            list.Add(call);
        }
        _methodsByName = methodsByName;
    }

    public void Build(string file, MapCallFact map, ImmutableArray<EndpointDeclaration>.Builder endpoints)
    {
        string? handlerName = map.Handler is null ? null
            : map.Handler.QualifierTypeName is null ? map.Handler.MethodName
            : map.Handler.QualifierTypeName + "." + map.Handler.MethodName;
        ImmutableArray<SourceMethod> handlers = map.Handler is null ? [] : FindHandlers(file, map.Handler);
        foreach (string prefix in Expand(map.Prefix, 0))
        {
            string route = RouteTemplateText.Join(prefix, map.Template);
            endpoints.Add(new EndpointDeclaration(map.HttpMethods, route, file, map.Range, handlerName, EndpointSite.MapCall));
            foreach (SourceMethod handler in handlers)
                endpoints.Add(new EndpointDeclaration(map.HttpMethods, route, handler.File, handler.NameRange, handlerName, EndpointSite.HandlerMethod));
        }
    }

    private List<string> Expand(RoutePrefix prefix, int depth)
    {
        if (prefix.RootMethod is not { } root || depth > MaxDepth
            || !_callsByMethod.TryGetValue(root.MethodName, out List<RouteBuilderCallFact>? calls))
        {
            return [prefix.Path];
        }
        var result = new List<string>();
        foreach (RouteBuilderCallFact call in calls)
        {
            if (call.QualifierTypeName is not null && call.QualifierTypeName != root.TypeName)
                continue;
            foreach (string outer in Expand(call.Prefix, depth + 1))
            {
                string combined = RouteTemplateText.Join(outer, prefix.Path);
                if (!result.Contains(combined) && result.Count < MaxPrefixes)
                    result.Add(combined);
            }
        }
        return result.Count == 0 ? [prefix.Path] : result;
    }

    /// <summary>
    /// The declaration of a method-group handler: in the named type when qualified, else in the
    /// type (or, for top-level statements, the file) of the Map call, else the only method of that
    /// name in the workspace.
    /// </summary>
    private ImmutableArray<SourceMethod> FindHandlers(string file, HandlerReference handler)
    {
        if (!_methodsByName.TryGetValue(handler.MethodName, out ImmutableArray<SourceMethod> named))
            return [];
        ImmutableArray<SourceMethod> candidates = [.. named.Where(m => m.Kind is SourceMethodKind.Method or SourceMethodKind.LocalFunction)];
        if (handler.QualifierTypeName is { } qualifier)
            return [.. candidates.Where(m => TypeSimpleName(m.ContainingType) == qualifier)];
        ImmutableArray<SourceMethod> local = handler.ContainingType is { } type
            ? [.. candidates.Where(m => TypeSimpleName(m.ContainingType) == type)]
            : [.. candidates.Where(m => m.File == file)];
        if (!local.IsEmpty)
            return local;
        return candidates.Length == 1 ? candidates : [];
    }

    /// <summary><c>Shop.Api.OrderHandlers+Inner`1</c> → <c>Inner</c>.</summary>
    internal static string TypeSimpleName(string metadataName)
    {
        int start = metadataName.AsSpan().LastIndexOfAny('.', '+') + 1;
        int tick = metadataName.IndexOf('`', start);
        return tick < 0 ? metadataName[start..] : metadataName[start..tick];
    }
}
