using Devtools.Core.Storage.Columns;

namespace Devtools.Core.Storage.Schemas;

/// <summary>
/// Base of every request/response table (http, pgsql, mysql, redis, dns): the eight columns
/// describing who talked to whom, followed by the protocol's own columns.
/// </summary>
public abstract class ProtocolEventsBuilder : RecordBatchBuilder
{
    /// <summary>Adds <c>time_</c>, <c>upid</c> and the six connection columns.</summary>
    protected ProtocolEventsBuilder(string tableName)
        : base(tableName)
    {
        RemoteAddr = AddColumn(new Utf8Column("remote_addr"));
        RemotePort = AddColumn(new Int64Column("remote_port"));
        LocalAddr = AddColumn(new Utf8Column("local_addr"));
        LocalPort = AddColumn(new Int64Column("local_port"));
        TraceRole = AddColumn(new Int64Column("trace_role"));
        Encrypted = AddColumn(new BooleanColumn("encrypted"));
    }

    /// <summary><c>remote_addr</c>: address of the peer.</summary>
    public Utf8Column RemoteAddr { get; }

    /// <summary><c>remote_port</c>: port of the peer.</summary>
    public Int64Column RemotePort { get; }

    /// <summary><c>local_addr</c>: address on the traced side.</summary>
    public Utf8Column LocalAddr { get; }

    /// <summary><c>local_port</c>: port on the traced side.</summary>
    public Int64Column LocalPort { get; }

    /// <summary><c>trace_role</c>: see <see cref="TraceRoles"/>.</summary>
    public Int64Column TraceRole { get; }

    /// <summary><c>encrypted</c>: the traffic was captured above TLS.</summary>
    public BooleanColumn Encrypted { get; }
}
