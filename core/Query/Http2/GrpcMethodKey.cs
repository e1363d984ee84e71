using Devtools.Core.Storage;

namespace Devtools.Core.Query.Http2;

/// <summary>What gRPC calls are grouped by: the process and the method (from :path /package.Service/Method).</summary>
/// <param name="Upid">The traced process (server or client, as traced).</param>
/// <param name="Service">The fully qualified service, e.g. "greet.Greeter".</param>
/// <param name="Method">The method, e.g. "SayHello".</param>
public readonly record struct GrpcMethodKey(Upid Upid, string Service, string Method)
{
    /// <summary>"/greet.Greeter/SayHello".</summary>
    public string Path => $"/{Service}/{Method}";
}
