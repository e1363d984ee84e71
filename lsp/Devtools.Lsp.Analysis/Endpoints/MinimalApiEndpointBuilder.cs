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
    private readonly Dictionary<string, List<SourceMethod>> _handlersByName = new(StringComparer.Ordinal);

    // Handlers by (simple type name, method name): many modules have a "Handle" or "Get" of their own.
    private readonly Dictionary<(string Type, string Method), List<SourceMethod>> _handlersByType = [];

    public MinimalApiEndpointBuilder(IEnumerable<RouteBuilderCallFact> calls, IEnumerable<SourceMethod> methods)
    {
        foreach (RouteBuilderCallFact call in calls)
        {
            if (!_callsByMethod.TryGetValue(call.MethodName, out List<RouteBuilderCallFact>? list))
                _callsByMethod[call.MethodName] = list = [];
            list.Add(call);
        }
        foreach (SourceMethod method in methods)
        {
            if (method.Kind is not (SourceMethodKind.Method or SourceMethodKind.LocalFunction))
                continue;
            Add(_handlersByName, method.Name, method);
            Add(_handlersByType, (TypeSimpleName(method.ContainingType), method.Name), method);
        }
    }

    private static void Add<TKey>(Dictionary<TKey, List<SourceMethod>> index, TKey key, SourceMethod method)
        where TKey : notnull
    {
        if (!index.TryGetValue(key, out List<SourceMethod>? list))
            index[key] = list = [];
        list.Add(method);
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
        if (handler.QualifierTypeName is { } qualifier)
            return [.. _handlersByType.GetValueOrDefault((qualifier, handler.MethodName)) ?? []];
        if (handler.ContainingType is { } type)
        {
            if (_handlersByType.TryGetValue((type, handler.MethodName), out List<SourceMethod>? inType))
                return [.. inType];
        }
        else if (_handlersByName.TryGetValue(handler.MethodName, out List<SourceMethod>? named) && named.FindAll(m => m.File == file) is { Count: > 0 } inFile)
        {
            return [.. inFile];
        }
        return _handlersByName.TryGetValue(handler.MethodName, out List<SourceMethod>? all) && all.Count == 1 ? [all[0]] : [];
    }

    /// <summary><c>Shop.Api.OrderHandlers+Inner`1</c> → <c>Inner</c>.</summary>
    internal static string TypeSimpleName(string metadataName)
    {
        int start = metadataName.AsSpan().LastIndexOfAny('.', '+') + 1;
        int tick = metadataName.IndexOf('`', start);
        return tick < 0 ? metadataName[start..] : metadataName[start..tick];
    }
}
