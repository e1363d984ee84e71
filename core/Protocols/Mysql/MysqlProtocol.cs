using Devtools.Core.Connections;

namespace Devtools.Core.Protocols.Mysql;

/// <summary>
/// MySQL and MariaDB's client/server protocol: recognised from a command, a login, a server
/// greeting or a response (<see cref="MysqlInference"/>), parsed per direction by
/// <see cref="MysqlRequestParser"/> and <see cref="MysqlResponseParser"/> (sharing a
/// <see cref="MysqlSession"/>: handshake phase, capabilities, prepared statements), paired
/// by <see cref="MysqlStitcher"/> into <see cref="MysqlRecord"/>s for the <see cref="IMysqlRecordSink"/>.
/// </summary>
public sealed class MysqlProtocol : IProtocol
{
    public string Name => "mysql";

    public InferenceResult Infer(ReadOnlySpan<byte> data, Direction direction, ConnectionRole role) =>
        MysqlInference.Infer(data, direction, role);

    public IConnectionProtocol Attach(Connection connection, ProtocolServices services)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(services);
        var counters = new MysqlCounters(services.Counters.Protocol(Name));
        var session = new MysqlSession(counters, new MysqlLimits());
        return new ProtocolDriver<MysqlMessage>(
            Name,
            connection,
            new MysqlRequestParser(session, counters),
            new MysqlResponseParser(session, counters),
            new MysqlStitcher(services.Sinks.Find<IMysqlRecordSink>(), counters),
            services);
    }
}
