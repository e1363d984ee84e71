using Devtools.Core.Protocols.Dns;
using Devtools.Core.Protocols.Http1;
using Devtools.Core.Protocols.Http2;
using Devtools.Core.Protocols.Mysql;
using Devtools.Core.Protocols.Pgsql;
using Devtools.Core.Protocols.Redis;

namespace Devtools.Core.Protocols;

/// <summary>The protocols a capture recognises, in inference order.</summary>
public static class BuiltInProtocols
{
    public static IReadOnlyList<IProtocol> Create()
    {
        // HTTP/2 also takes HTTP/1 connections over after "Upgrade: h2c".
        var http2 = new Http2Protocol();
        return [
            new Http1Protocol(http2), http2, new PgsqlProtocol(), new MysqlProtocol(), new RedisProtocol(),
            // Last: DNS has no magic number, so byte streams other protocols claim never reach it.
            new DnsProtocol(ProtocolTransports.Udp), new DnsProtocol(ProtocolTransports.Tcp),
        ];
    }
}
