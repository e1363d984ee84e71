using Devtools.Core.Connections;

namespace Devtools.Core.Protocols.Pgsql;

/// <summary>
/// One PostgreSQL request and its outcome: the row of the pgsql_events table before it
/// is written. Spans point into frame buffers and the stitcher's reused buffers, so it
/// lives only for the duration of <see cref="IPgsqlRecordSink.Write"/>.
/// </summary>
public readonly ref struct PgsqlRecord
{
    public ConnectionInfo Connection { get; init; }

    /// <summary>Kernel monotonic ns of the event carrying the request's first byte.</summary>
    public long RequestStartNs { get; init; }

    /// <summary>Kernel monotonic ns of the event carrying the answer's last byte.</summary>
    public long ResponseEndNs { get; init; }

    /// <summary>From the request's first byte to the answer's last, in ns.</summary>
    public long LatencyNs => ResponseEndNs - RequestStartNs;

    /// <summary>The request message: "Query", "Execute", or for a failure "Parse", "Bind", "Describe", "Close", "Sync".</summary>
    public ReadOnlySpan<byte> Command { get; init; }

    /// <summary>The statement text; for Execute the prepared statement's text and its parameters.</summary>
    public ReadOnlySpan<byte> Request { get; init; }

    /// <summary>Command tags ("SELECT 3", "INSERT 0 1"; several joined by "; "), or the error.</summary>
    public ReadOnlySpan<byte> Response { get; init; }
}

/// <summary>
/// Where stitched PostgreSQL records go (the pgsql_events table). Obtained with
/// <c>services.Sinks.Find&lt;IPgsqlRecordSink&gt;()</c>.
/// </summary>
public interface IPgsqlRecordSink
{
    /// <summary>Takes one record; its spans are only valid during the call.</summary>
    void Write(in PgsqlRecord record);
}
