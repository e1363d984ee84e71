using System.Collections.Immutable;

namespace Devtools.Lsp.Analysis.Routing;

/// <summary>
/// ASP.NET Core's inbound route precedence (<c>RoutePrecedence.ComputeInbound</c>): one decimal digit
/// per segment, the first segment weighing most. Lower wins: literal 1, complex segment or
/// constrained parameter 2, parameter 3, constrained catch-all 4, catch-all 5.
/// </summary>
internal static class RoutePrecedence
{
    public static decimal Compute(ImmutableArray<RouteSegment> segments)
    {
        decimal precedence = 0;
        decimal weight = 1;
        foreach (RouteSegment segment in segments)
        {
            precedence += Digit(segment) * weight;
            weight /= 10;
        }
        return precedence;
    }

    private static int Digit(RouteSegment segment)
    {
        if (segment.Parts.Length > 1)
            return 2;
        if (segment.Parts[0] is not RouteParameter parameter)
            return 1;
        int digit = parameter.IsCatchAll ? 5 : 3;
        return parameter.Constraints.IsEmpty ? digit : digit - 1;
    }
}
