using System.Collections.Immutable;

namespace Devtools.Lsp.Analysis.Routing;

/// <summary>A route template parsed into segments, as ASP.NET Core's <c>RoutePatternFactory</c> would.</summary>
/// <param name="Text">The template it was parsed from.</param>
/// <param name="Segments">The '/'-separated segments (none for the root template "/").</param>
internal sealed record RoutePattern(string Text, ImmutableArray<RouteSegment> Segments)
{
    /// <summary>Inbound precedence: lower is more specific (see <see cref="RoutePrecedence"/>).</summary>
    public decimal Precedence { get; } = RoutePrecedence.Compute(Segments);

    /// <summary>The last segment is a catch-all: the pattern matches any number of further segments.</summary>
    public bool EndsWithCatchAll => !Segments.IsEmpty && Segments[^1].Parts is [RouteParameter { IsCatchAll: true }];
}

/// <summary>One segment: a literal, one parameter, or a complex mix (<c>{name}.{ext}</c>).</summary>
internal sealed record RouteSegment(ImmutableArray<RoutePart> Parts)
{
    public bool IsSimpleLiteral => Parts is [RouteLiteral];

    public bool IsSimpleParameter => Parts is [RouteParameter];

    /// <summary>
    /// A segment that may be absent at the end of a path: an optional parameter, one with a
    /// default, or a catch-all (which also matches nothing).
    /// </summary>
    public bool CanBeOmitted => Parts is [RouteParameter { IsOptional: true } or RouteParameter { Default: not null } or RouteParameter { IsCatchAll: true }];
}

internal abstract record RoutePart;

internal sealed record RouteLiteral(string Text) : RoutePart;

/// <summary>A parameter: <c>{id:int:min(1)}</c>, <c>{id?}</c>, <c>{id=5}</c>, <c>{*rest}</c>, <c>{**rest}</c>.</summary>
internal sealed record RouteParameter(
    string Name,
    ImmutableArray<RouteConstraint> Constraints,
    bool IsOptional,
    string? Default,
    bool IsCatchAll) : RoutePart;

/// <summary>An inline constraint: its name (<c>int</c>, <c>range</c>) and its argument text, if any (<c>1,10</c>).</summary>
internal sealed record RouteConstraint(string Name, string? Argument);
