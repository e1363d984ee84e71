using Devtools.Core.Connections;

namespace Devtools.Core.Protocols.Mysql;

/// <summary>
/// One MySQL command and its response: the row of mysql_events before it is written. A ref
/// struct of spans over the frames' own buffers, so handing it to a sink copies nothing;
/// it lives only for the duration of <see cref="IMysqlRecordSink.Write"/>.
/// </summary>
public readonly ref struct MysqlRecord
{
    public ConnectionInfo Connection { get; init; }

    /// <summary>Kernel monotonic ns of the event carrying the command's first byte.</summary>
    public long RequestStartNs { get; init; }

    /// <summary>
    /// Kernel monotonic ns of the event carrying the response's last byte; for a command
    /// without response, of the command's last byte.
    /// </summary>
    public long ResponseEndNs { get; init; }

    /// <summary>From the command's first byte to the response's last, in ns; 0 without a response.</summary>
    public long LatencyNs => Status == MysqlResponseStatus.None ? 0 : ResponseEndNs - RequestStartNs;

    public MysqlCommand Command { get; init; }

    /// <summary>The query (for an execute, with its parameters written in), schema or table name; bounded.</summary>
    public ReadOnlySpan<byte> RequestBody { get; init; }

    public MysqlResponseStatus Status { get; init; }

    /// <summary>"Resultset rows = 3, columns = 2", "OK: affected 1 rows, last insert id 5", "ERR 1146 (42S02): …".</summary>
    public ReadOnlySpan<byte> ResponseBody { get; init; }
}

/// <summary>
/// Where stitched MySQL commands go (the mysql_events table). Obtained with
/// <c>services.Sinks.Find&lt;IMysqlRecordSink&gt;()</c>.
/// </summary>
public interface IMysqlRecordSink
{
    /// <summary>
    /// Takes one command. Every span in <paramref name="record"/> points into pooled frame
    /// buffers that are returned as soon as this call ends: copy what you keep.
    /// </summary>
    void Write(in MysqlRecord record);
}
