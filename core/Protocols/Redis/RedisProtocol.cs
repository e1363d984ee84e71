using Devtools.Core.Connections;

namespace Devtools.Core.Protocols.Redis;

/// <summary>
/// Redis (RESP2 and RESP3) over a byte stream: recognised by <see cref="RedisInference"/>,
/// parsed per direction by <see cref="RedisRequestParser"/> and <see cref="RedisReplyParser"/>,
/// paired by <see cref="RedisStitcher"/> into <see cref="RedisCommandRecord"/>s for the
/// <see cref="IRedisCommandSink"/>.
/// </summary>
/// <remarks>
/// One instance serves all the connections of a capture, on the capture thread: it keeps
/// the message buffers they share (<see cref="RedisBufferPool"/>).
/// </remarks>
public sealed class RedisProtocol : IProtocol
{
    private readonly RedisBufferPool _pool = new();

    public string Name => "redis";

    public InferenceResult Infer(ReadOnlySpan<byte> data, Direction direction, ConnectionRole role) =>
        RedisInference.Infer(data, direction, role);

    public IConnectionProtocol Attach(Connection connection, ProtocolServices services)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(services);
        var counters = new RedisCounters(services.Counters.Protocol(Name));
        var limits = RedisLimits.From(services.Options);
        return new ProtocolDriver<RedisMessage>(
            Name,
            connection,
            new RedisRequestParser(limits, services.Options.RedactSecrets, counters, _pool),
            new RedisReplyParser(limits, counters, _pool),
            new RedisStitcher(services.Sinks.Find<IRedisCommandSink>(), counters),
            services);
    }
}
