using System.Runtime.CompilerServices;
using Devtools.Core.Diagnostics;

namespace Devtools.Core.Protocols.Pgsql;

/// <summary>
/// PostgreSQL's own counters, next to the generic ones of <see cref="ProtocolCounters"/>,
/// so that what is neither a record nor an error is still accounted for.
/// </summary>
internal sealed class PgsqlCounters(ProtocolCounters protocol)
{
    public ProtocolCounters Protocol { get; } = protocol;

    /// <summary>Connections that switched to TLS or GSSAPI encryption after SSLRequest/GSSENCRequest: not parsed further.</summary>
    public StrongBox<long> EncryptedConnections { get; } = protocol.Specific("encrypted_connections");

    /// <summary>Bytes of encrypted connections stepped over.</summary>
    public StrongBox<long> EncryptedBytes { get; } = protocol.Specific("encrypted_bytes");

    /// <summary>StartupMessages seen (connection starts; not records).</summary>
    public StrongBox<long> Startups { get; } = protocol.Specific("startups");

    /// <summary>CancelRequests seen (they travel on a connection of their own and get no answer).</summary>
    public StrongBox<long> CancelRequests { get; } = protocol.Specific("cancel_requests");

    /// <summary>ErrorResponses during authentication (bad password, unknown database …).</summary>
    public StrongBox<long> StartupErrors { get; } = protocol.Specific("startup_errors");

    /// <summary>Statements prepared with Parse and acknowledged with ParseComplete.</summary>
    public StrongBox<long> StatementsPrepared { get; } = protocol.Specific("statements_prepared");

    /// <summary>Prepared statements or portals forgotten to keep the per-connection maps bounded.</summary>
    public StrongBox<long> StatementsEvicted { get; } = protocol.Specific("statements_evicted");

    /// <summary>Bind or Execute naming a statement or portal created before capture began.</summary>
    public StrongBox<long> UnknownStatements { get; } = protocol.Specific("unknown_statements");

    /// <summary>Extended-protocol messages the server skipped after an error, up to the next Sync: no record.</summary>
    public StrongBox<long> DiscardedAfterError { get; } = protocol.Specific("discarded_after_error");

    /// <summary>Requests answered by nothing we saw before the next ReadyForQuery (capture began mid-exchange).</summary>
    public StrongBox<long> UnansweredRequests { get; } = protocol.Specific("unanswered_requests");

    /// <summary>Server messages that answer nothing the head request expects: dropped.</summary>
    public StrongBox<long> UnexpectedResponses { get; } = protocol.Specific("unexpected_responses");

    /// <summary>Pairs stitched while nobody wanted pgsql records (no sink registered).</summary>
    public StrongBox<long> RecordsWithoutSink { get; } = protocol.Specific("records_without_sink");
}
