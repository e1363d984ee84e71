using System.Runtime.CompilerServices;
using Devtools.Core.Diagnostics;

namespace Devtools.Core.Protocols.Redis;

/// <summary>
/// Redis's own counters, next to the generic ones of <see cref="ProtocolCounters"/>
/// (frames, records, parse errors, gaps), so that nothing is dropped silently.
/// </summary>
internal sealed class RedisCounters(ProtocolCounters protocol)
{
    public ProtocolCounters Protocol { get; } = protocol;

    /// <summary>Published messages and other pushes recorded as their own rows (no request).</summary>
    public StrongBox<long> Pushes { get; } = protocol.Specific("pushes");

    /// <summary>MONITOR output lines seen and dropped (each echoes a command another connection sent).</summary>
    public StrongBox<long> MonitorLines { get; } = protocol.Specific("monitor_lines");

    /// <summary>Subscription confirmations whose (UN)SUBSCRIBE was not captured, dropped.</summary>
    public StrongBox<long> OrphanConfirmations { get; } = protocol.Specific("orphan_confirmations");

    /// <summary>Commands sent as a line of text rather than an array of bulk strings.</summary>
    public StrongBox<long> InlineCommands { get; } = protocol.Specific("inline_commands");

    /// <summary>Commands the server does not answer (CLIENT REPLY OFF/SKIP), recorded without a reply.</summary>
    public StrongBox<long> CommandsWithoutReply { get; } = protocol.Specific("commands_without_reply");

    /// <summary>Commands or replies whose text was cut to stay within the limits (long values, many arguments).</summary>
    public StrongBox<long> TruncatedTexts { get; } = protocol.Specific("truncated_texts");

    /// <summary>Records stitched while nobody wanted Redis records (no sink registered).</summary>
    public StrongBox<long> RecordsWithoutSink { get; } = protocol.Specific("records_without_sink");
}
