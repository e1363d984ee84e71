using System.Text.Json;
using StreamJsonRpc;

namespace Devtools.Lsp.Protocol;

/// <summary>JSON-RPC 2.0 with Content-Length framing and camelCase System.Text.Json, for the bridge and the agent alike.</summary>
public static class RpcFactory
{
    public static JsonRpc Create(Stream sending, Stream receiving, object? target)
    {
        var formatter = new SystemTextJsonFormatter { JsonSerializerOptions = Json.Configure(new JsonSerializerOptions()) };
        var handler = new HeaderDelimitedMessageHandler(sending, receiving, formatter);
        var rpc = new JsonRpc(handler);
        if (target is not null)
        {
            rpc.AddLocalRpcTarget(target, new JsonRpcTargetOptions
            {
                UseSingleObjectParameterDeserialization = true,
                AllowNonPublicInvocation = false,
            });
        }
        return rpc;
    }
}
