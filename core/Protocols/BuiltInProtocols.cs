using Devtools.Core.Protocols.Dns;
using Devtools.Core.Protocols.Http1;

namespace Devtools.Core.Protocols;

/// <summary>The protocols a capture recognises, in inference order.</summary>
public static class BuiltInProtocols
{
    public static IReadOnlyList<IProtocol> Create() => [
        new Http1Protocol(),
        // Last: DNS has no magic number, so byte streams other protocols claim never reach it.
        new DnsProtocol(ProtocolTransports.Udp), new DnsProtocol(ProtocolTransports.Tcp),
    ];
}
