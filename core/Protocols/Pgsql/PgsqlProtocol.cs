using Devtools.Core.Connections;

namespace Devtools.Core.Protocols.Pgsql;

/// <summary>
/// PostgreSQL's frontend/backend protocol 3: recognised from a startup packet or a typed
/// message (<see cref="PgsqlInference"/>), parsed per direction by
/// <see cref="PgsqlMessageParser"/>, paired by <see cref="PgsqlStitcher"/> into
/// <see cref="PgsqlRecord"/>s for the <see cref="IPgsqlRecordSink"/>.
/// </summary>
public sealed class PgsqlProtocol : IProtocol
{
    public string Name => "pgsql";

    public InferenceResult Infer(ReadOnlySpan<byte> data, Direction direction, ConnectionRole role) =>
        PgsqlInference.Infer(data, direction, role);

    public IConnectionProtocol Attach(Connection connection, ProtocolServices services)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(services);
        var counters = new PgsqlCounters(services.Counters.Protocol(Name));
        var session = new PgsqlSession(counters);
        return new ProtocolDriver<PgsqlMessage>(
            Name,
            connection,
            new PgsqlMessageParser(session, counters, MessageKind.Request),
            new PgsqlMessageParser(session, counters, MessageKind.Response),
            new PgsqlStitcher(services.Sinks.Find<IPgsqlRecordSink>(), counters),
            services);
    }
}
