using Devtools.Core.Storage.Columns;

namespace Devtools.Core.Storage.Schemas;

/// <summary>Builds <c>redis_events</c> batches.</summary>
public sealed class RedisEventsBuilder : ProtocolEventsBuilder
{
    /// <summary>Creates an empty builder.</summary>
    public RedisEventsBuilder()
        : base(TableNames.RedisEvents)
    {
        ReqCmd = AddColumn(new Utf8Column("req_cmd"));
        ReqArgs = AddColumn(new Utf8Column("req_args"));
        Resp = AddColumn(new Utf8Column("resp"));
        Latency = AddColumn(new Int64Column("latency"));
    }

    /// <summary><c>req_cmd</c>: command name, e.g. "GET".</summary>
    public Utf8Column ReqCmd { get; }

    /// <summary><c>req_args</c>: arguments as a JSON array.</summary>
    public Utf8Column ReqArgs { get; }

    /// <summary><c>resp</c>: the reply.</summary>
    public Utf8Column Resp { get; }

    /// <summary><c>latency</c>: ns.</summary>
    public Int64Column Latency { get; }
}
