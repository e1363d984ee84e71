using System.Collections.Immutable;

namespace Devtools.Lsp.Analysis.Endpoints;

/// <summary>
/// Turns controller facts from all files into endpoints, following MVC attribute routing:
/// class routes (inherited from base classes when a class has none) times action routes, an
/// action route starting with '/' or '~/' standing alone, verbs from <c>[HttpGet]</c>-style
/// attributes, and <c>[controller]</c>/<c>[action]</c>/<c>[area]</c> replaced.
/// Actions reachable only by conventional routing are left out.
/// </summary>
internal static class ControllerEndpointBuilder
{
    private const int MaxBaseDepth = 8;

    private static readonly string?[] s_noPrefix = [null];

    public static void Build(IReadOnlyList<(string File, ControllerFact Fact)> controllers, ImmutableArray<EndpointDeclaration>.Builder endpoints)
    {
        var byName = new Dictionary<string, ControllerFact>(StringComparer.Ordinal);
        foreach ((_, ControllerFact fact) in controllers)
            byName.TryAdd(fact.ClassName, fact);

        foreach ((string file, ControllerFact controller) in controllers)
        {
            if (controller.IsAbstract)
                continue;
            List<ControllerFact> chain = BaseChain(controller, byName);
            if (chain.Any(c => c.IsNonController))
                continue;
            if (!controller.ClassName.EndsWith("Controller", StringComparison.Ordinal) && !chain.Any(c => c.IsControllerByAttribute))
                continue;
            // [Route] and [Area] are inherited: the nearest class that has them decides.
            ImmutableArray<string> classRoutes = chain.FirstOrDefault(c => !c.RouteTemplates.IsEmpty)?.RouteTemplates ?? [];
            string? area = chain.FirstOrDefault(c => c.Area is not null)?.Area;
            foreach (ActionFact action in controller.Actions)
                AddAction(file, controller, action, classRoutes, area, endpoints);
        }
    }

    private static List<ControllerFact> BaseChain(ControllerFact controller, Dictionary<string, ControllerFact> byName)
    {
        var chain = new List<ControllerFact> { controller };
        ControllerFact current = controller;
        while (chain.Count < MaxBaseDepth && current.BaseTypeName is { } baseName
            && byName.TryGetValue(baseName, out ControllerFact? parent) && !chain.Contains(parent))
        {
            chain.Add(parent);
            current = parent;
        }
        return chain;
    }

    private static void AddAction(string file, ControllerFact controller, ActionFact action, ImmutableArray<string> classRoutes, string? area,
        ImmutableArray<EndpointDeclaration>.Builder endpoints)
    {
        // MVC's selectors (DefaultApplicationModelProvider.CreateSelectors): one per attribute with a
        // template; [Route] ones take the verbs of the template-less ("silent") verb attributes; those
        // silent verbs get a selector of their own (on the controller's route) unless a [Route] took them.
        ImmutableArray<string> silentVerbs = [.. action.Routes.Where(r => r.Template is null).SelectMany(r => r.HttpMethods).Distinct()];
        bool hasSilent = action.Routes.Any(r => r.Template is null);
        var selectors = new List<(string? Template, ImmutableArray<string> Methods)>();
        foreach (RouteAttributeFact route in action.Routes)
        {
            if (route.Template is not null)
                selectors.Add((route.Template, route.IsRoute ? silentVerbs : route.HttpMethods));
        }
        if ((hasSilent && !action.Routes.Any(r => r.IsRoute)) || selectors.Count == 0)
        {
            // Without a template of its own the action is attribute-routed only through its controller's route.
            if (!classRoutes.IsEmpty)
                selectors.Add((null, silentVerbs));
        }

        string handler = controller.ClassName + "." + action.MethodName;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach ((string? template, ImmutableArray<string> methods) in selectors)
        {
            bool standsAlone = (template is not null && RouteTemplateText.IsAbsolute(template)) || classRoutes.IsEmpty;
            IEnumerable<string?> prefixes = standsAlone ? s_noPrefix : classRoutes;
            foreach (string? prefix in prefixes)
            {
                if (prefix is null && template is null)
                    continue;
                string combined = RouteTemplateText.CombineController(prefix, template);
                string route = RouteTemplateText.Normalize(
                    RouteTemplateText.ReplaceAreaParameter(RouteTemplateText.ReplaceTokens(combined, controller.ControllerName, action.ActionName, area), area));
                var endpoint = new EndpointDeclaration(methods, route, file, action.Range, handler, EndpointSite.ControllerAction);
                if (seen.Add(endpoint.RouteKey))
                    endpoints.Add(endpoint);
            }
        }
    }
}
