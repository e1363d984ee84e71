using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing.Session;

namespace Devtools.Core.Profiling.EventPipe.Requests;

/// <summary>
/// The EventSource events a request recorder reads, as the runtime sends them.
/// Kestrel's events have fixed ids (its manifest); DiagnosticSource events are
/// self-describing with ids assigned at run time, so they are recognised by payload.
/// </summary>
internal static class KestrelEvents
{
    public const string KestrelProvider = "Microsoft-AspNetCore-Server-Kestrel";
    public const string DiagnosticSourceProvider = "Microsoft-Diagnostics-DiagnosticSource";

    /// <summary>connectionId, localEndPoint, remoteEndPoint.</summary>
    public const int ConnectionStart = 1;

    /// <summary>connectionId.</summary>
    public const int ConnectionStop = 2;

    /// <summary>connectionId, requestId, httpVersion, path, method: when the request head has been parsed.</summary>
    public const int RequestStart = 3;

    /// <summary>The same fields as RequestStart: when the response has completed. No status.</summary>
    public const int RequestStop = 4;

    /// <summary>connectionId, sslProtocols: the connection is TLS.</summary>
    public const int TlsHandshakeStart = 8;

    public const string AspNetCoreSource = "Microsoft.AspNetCore";
    public const string EndRequestEvent = "Microsoft.AspNetCore.Hosting.EndRequest";

    /// <summary>
    /// Kestrel's RequestStop carries no status code. ASP.NET Core Hosting's EndRequest
    /// DiagnosticSource event (after RequestStop, same TraceIdentifier as Kestrel's
    /// requestId) has the HttpContext; this spec makes DiagnosticSourceEventSource
    /// forward just the identifier, the status and the query string (Kestrel's path
    /// has none).
    /// </summary>
    public const string EndRequestSpec =
        AspNetCoreSource + "/" + EndRequestEvent + ":-httpContext.TraceIdentifier;httpContext.Response.StatusCode;httpContext.Request.QueryString";

    public static Guid KestrelGuid { get; } = TraceEventProviders.GetEventSourceGuidFromName(KestrelProvider);

    public static Guid DiagnosticSourceGuid { get; } = TraceEventProviders.GetEventSourceGuidFromName(DiagnosticSourceProvider);

    public static EventPipeProvider Kestrel { get; } = new(KestrelProvider, EventLevel.Informational);

    /// <summary>Keyword 0x2 (Events) with the spec; the runtime keeps one spec per process, the last one set.</summary>
    public static EventPipeProvider DiagnosticSource { get; } = new(
        DiagnosticSourceProvider,
        EventLevel.Informational,
        0x2,
        new Dictionary<string, string> { ["FilterAndPayloadSpecs"] = EndRequestSpec });
}
