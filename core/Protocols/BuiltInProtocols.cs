using Devtools.Core.Protocols.Http1;
using Devtools.Core.Protocols.Redis;

namespace Devtools.Core.Protocols;

/// <summary>The protocols a capture recognises, in inference order.</summary>
public static class BuiltInProtocols
{
    public static IReadOnlyList<IProtocol> Create() => [new Http1Protocol(), new RedisProtocol()];
}
