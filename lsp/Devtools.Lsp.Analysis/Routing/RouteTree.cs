namespace Devtools.Lsp.Analysis.Routing;

/// <summary>
/// Narrows the routes worth trying for a path: each route hangs at the end of its leading literal
/// segments (<c>/api/orders/{id}</c> under api → orders), so a request only meets the routes along
/// its own literal path instead of all of them. Literal segments compare case-insensitively.
/// </summary>
internal sealed class RouteTree
{
    private readonly Node _root = new();

    public RouteTree(IEnumerable<EndpointRoute> routes)
    {
        foreach (EndpointRoute route in routes)
        {
            Node node = _root;
            foreach (RouteSegment segment in route.Pattern.Segments)
            {
                if (segment.Parts is not [RouteLiteral literal])
                    break;
                node = node.Child(literal.Text);
            }
            node.Routes.Add(route);
        }
    }

    /// <summary>The routes that may match <paramref name="segments"/>, to be checked in full.</summary>
    public List<EndpointRoute> Candidates(List<string> segments)
    {
        var candidates = new List<EndpointRoute>(_root.Routes);
        Node node = _root;
        foreach (string segment in segments)
        {
            if (node.Children is null || !node.Children.TryGetValue(segment, out Node? next))
                break;
            node = next;
            candidates.AddRange(node.Routes);
        }
        return candidates;
    }

    private sealed class Node
    {
        public List<EndpointRoute> Routes { get; } = [];

        public Dictionary<string, Node>? Children { get; private set; }

        public Node Child(string literal)
        {
            Children ??= new Dictionary<string, Node>(StringComparer.OrdinalIgnoreCase);
            if (!Children.TryGetValue(literal, out Node? child))
                Children[literal] = child = new Node();
            return child;
        }
    }
}
