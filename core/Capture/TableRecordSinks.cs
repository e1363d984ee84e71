using Devtools.Core.Protocols;
using Devtools.Core.Protocols.Dns;
using Devtools.Core.Protocols.Http;
using Devtools.Core.Protocols.Mysql;
using Devtools.Core.Protocols.Pgsql;
using Devtools.Core.Protocols.Redis;
using Devtools.Core.Storage;

namespace Devtools.Core.Capture;

/// <summary>
/// Connects each protocol's record sink to its Arrow table. A protocol that
/// writes a table registers its sink here, one line each.
/// </summary>
internal sealed class TableRecordSinks : IRecordSinks
{
    private readonly Dictionary<Type, object> _sinks = [];

    public TableRecordSinks(TableStore tables, ProtocolOptions options)
    {
        Register<IHttpTransactionSink>(new HttpEventsTableSink(tables.HttpEvents, options));
        Register<IMysqlRecordSink>(new MysqlEventsTableSink(tables.MysqlEvents));
        Register<IPgsqlRecordSink>(new PgsqlEventsTableSink(tables.PgsqlEvents));
        Register<IDnsTransactionSink>(new DnsEventsTableSink(tables.DnsEvents, options));
        Register<IRedisCommandSink>(new RedisEventsTableSink(tables.RedisEvents));
    }

    public TSink? Find<TSink>()
        where TSink : class => _sinks.TryGetValue(typeof(TSink), out object? sink) ? (TSink)sink : null;

    private void Register<TSink>(TSink sink)
        where TSink : class => _sinks[typeof(TSink)] = sink;
}
