using Devtools.Core.Protocols;
using Devtools.Core.Protocols.Http;
using Devtools.Core.Storage;

namespace Devtools.Core.Capture;

/// <summary>Connects each protocol's record sink to its Arrow table.</summary>
internal sealed class TableRecordSinks(TableStore tables, ProtocolOptions options) : IRecordSinks
{
    private readonly HttpEventsTableSink _http = new(tables.HttpEvents, options);

    public TSink? Find<TSink>()
        where TSink : class => _http as TSink;
}
