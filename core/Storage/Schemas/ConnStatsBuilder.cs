using Devtools.Core.Storage.Columns;

namespace Devtools.Core.Storage.Schemas;

/// <summary>
/// Builds <c>conn_stats</c> batches. Not a <see cref="ProtocolEventsBuilder"/>: Pixie's schema has
/// no local address, port or <c>encrypted</c> here, and puts <c>trace_role</c> right after the
/// remote end.
/// </summary>
public sealed class ConnStatsBuilder : RecordBatchBuilder
{
    /// <summary>Creates an empty builder.</summary>
    public ConnStatsBuilder()
        : base(TableNames.ConnStats)
    {
        RemoteAddr = AddColumn(new Utf8Column("remote_addr"));
        RemotePort = AddColumn(new Int64Column("remote_port"));
        TraceRole = AddColumn(new Int64Column("trace_role"));
        AddrFamily = AddColumn(new Int64Column("addr_family"));
        Protocol = AddColumn(new Int64Column("protocol"));
        Ssl = AddColumn(new BooleanColumn("ssl"));
        ConnOpen = AddColumn(new Int64Column("conn_open"));
        ConnClose = AddColumn(new Int64Column("conn_close"));
        ConnActive = AddColumn(new Int64Column("conn_active"));
        BytesSent = AddColumn(new Int64Column("bytes_sent"));
        BytesRecv = AddColumn(new Int64Column("bytes_recv"));
    }

    /// <summary><c>remote_addr</c>.</summary>
    public Utf8Column RemoteAddr { get; }

    /// <summary><c>remote_port</c>.</summary>
    public Int64Column RemotePort { get; }

    /// <summary><c>trace_role</c>: see <see cref="TraceRoles"/>.</summary>
    public Int64Column TraceRole { get; }

    /// <summary><c>addr_family</c>: AF_INET, AF_INET6, ...</summary>
    public Int64Column AddrFamily { get; }

    /// <summary><c>protocol</c>: detected protocol code.</summary>
    public Int64Column Protocol { get; }

    /// <summary><c>ssl</c>: TLS was seen on the connection.</summary>
    public BooleanColumn Ssl { get; }

    /// <summary><c>conn_open</c>: connections opened (cumulative).</summary>
    public Int64Column ConnOpen { get; }

    /// <summary><c>conn_close</c>: connections closed (cumulative).</summary>
    public Int64Column ConnClose { get; }

    /// <summary><c>conn_active</c>: connections open now.</summary>
    public Int64Column ConnActive { get; }

    /// <summary><c>bytes_sent</c> (cumulative).</summary>
    public Int64Column BytesSent { get; }

    /// <summary><c>bytes_recv</c> (cumulative).</summary>
    public Int64Column BytesRecv { get; }
}
