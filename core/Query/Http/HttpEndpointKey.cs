using Devtools.Core.Storage;

namespace Devtools.Core.Query.Http;

/// <summary>What HTTP requests are grouped by: the serving process, the method and the path template.</summary>
/// <param name="Upid">The traced process.</param>
/// <param name="Method">Request method, e.g. "GET".</param>
/// <param name="PathTemplate">The request path with ids replaced, see <see cref="Paths.PathTemplate"/>.</param>
public readonly record struct HttpEndpointKey(Upid Upid, string Method, string PathTemplate);
