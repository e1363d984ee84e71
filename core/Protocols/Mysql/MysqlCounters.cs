using System.Runtime.CompilerServices;
using Devtools.Core.Diagnostics;

namespace Devtools.Core.Protocols.Mysql;

/// <summary>
/// MySQL's own counters, next to the generic ones of <see cref="ProtocolCounters"/>, so
/// that nothing skipped or guessed goes unnoticed.
/// </summary>
internal sealed class MysqlCounters(ProtocolCounters protocol)
{
    public ProtocolCounters Protocol { get; } = protocol;

    /// <summary>Server greetings seen: connections whose handshake was captured.</summary>
    public StrongBox<long> Handshakes { get; } = protocol.Specific("handshakes");

    /// <summary>Handshake and authentication packets stepped over (greeting, login, auth switch, auth data, auth result).</summary>
    public StrongBox<long> HandshakePackets { get; } = protocol.Specific("handshake_packets");

    /// <summary>Connections that switched to TLS after an SSL request: their commands cannot be read.</summary>
    public StrongBox<long> TlsConnections { get; } = protocol.Specific("tls_connections");

    /// <summary>Connections that negotiated the compressed protocol: their commands are not parsed.</summary>
    public StrongBox<long> CompressedConnections { get; } = protocol.Specific("compressed_connections");

    /// <summary>Bytes not parsed because the connection was encrypted or compressed.</summary>
    public StrongBox<long> OpaqueBytes { get; } = protocol.Specific("opaque_bytes");

    /// <summary>Client packets outside any command (LOCAL INFILE contents, re-authentication data).</summary>
    public StrongBox<long> ClientDataPackets { get; } = protocol.Specific("client_data_packets");

    /// <summary>Server packets that answered nothing we saw (the end of an authentication we joined late).</summary>
    public StrongBox<long> StrayServerPackets { get; } = protocol.Specific("stray_server_packets");

    /// <summary>LOCAL INFILE requests: the server asked the client for a file's contents.</summary>
    public StrongBox<long> LocalInfileRequests { get; } = protocol.Specific("local_infile_requests");

    /// <summary>Executes of statements whose prepare was not seen (or was forgotten): recorded without the query.</summary>
    public StrongBox<long> UnknownStatements { get; } = protocol.Specific("unknown_statements");

    /// <summary>Prepared statements forgotten to bound a connection's memory.</summary>
    public StrongBox<long> EvictedStatements { get; } = protocol.Specific("evicted_statements");

    /// <summary>Records stitched while nobody wanted MySQL records (no sink registered).</summary>
    public StrongBox<long> RecordsWithoutSink { get; } = protocol.Specific("records_without_sink");
}
