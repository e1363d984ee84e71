using Devtools.Core.Protocols;
using Devtools.Core.Storage;

namespace Devtools.Core.Capture;

/// <summary>Connects each protocol's record sink to its Arrow table.</summary>
internal sealed class TableRecordSinks(TableStore tables) : IRecordSinks
{
    private readonly TableStore _tables = tables;

    public TSink? Find<TSink>()
        where TSink : class => null;
}
