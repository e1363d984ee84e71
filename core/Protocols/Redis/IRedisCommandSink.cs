namespace Devtools.Core.Protocols.Redis;

/// <summary>
/// Where Redis records go (the redis_events table). Obtained with
/// <c>services.Sinks.Find&lt;IRedisCommandSink&gt;()</c>.
/// </summary>
public interface IRedisCommandSink
{
    /// <summary>
    /// Takes one record. Every span in <paramref name="record"/> points into pooled frame
    /// buffers that are returned as soon as this call ends: copy what you keep.
    /// </summary>
    void Write(in RedisCommandRecord record);
}
