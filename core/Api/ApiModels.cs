namespace Devtools.Core.Api;

// The data the editor bridge and the agent API exchange (docs/editor-protocol.md).
// Plain records serialised as camelCase JSON; times are Unix ms unless named …Ns.

/// <summary>A local process one may attach to.</summary>
public sealed record TargetInfo(int Pid, string Name, string CommandLine, bool IsDotnet, bool CanAttachWithoutRoot);

/// <summary>Traffic of one endpoint over a window.</summary>
public sealed record EndpointStatDto(
    string Method,
    string Route,
    long Count,
    double RequestsPerMinute,
    double P50Ms,
    double P90Ms,
    double P99Ms,
    double ErrorRate);

/// <summary>One captured request.</summary>
public sealed record RequestRowDto(long Time, string Method, string Path, long Status, double LatencyMs);

/// <summary>Traffic of one normalised SQL statement over a window.</summary>
/// <param name="Protocol"><c>pgsql</c> or <c>mysql</c>.</param>
/// <param name="NormalizedQuery">The statement as the capture's SqlNormalizer wrote it.</param>
/// <param name="ErrorRate">Share of the calls that failed (0–1).</param>
public sealed record SqlStatDto(string Protocol, string NormalizedQuery, long Count, double CallsPerMinute, double P50Ms, double P99Ms, double ErrorRate);

/// <summary>A function's share of the CPU samples.</summary>
public sealed record HotFunctionDto(string Name, double SelfPercent, double TotalPercent, string? File, int Line);

/// <summary>A source line's share of the CPU samples (Line 1-based).</summary>
public sealed record HotLineDto(string File, int Line, double Percent, long Samples);

public sealed record HotspotsDto(long TotalSamples, IReadOnlyList<HotFunctionDto> Functions, IReadOnlyList<HotLineDto> Lines);
