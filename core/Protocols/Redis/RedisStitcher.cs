namespace Devtools.Core.Protocols.Redis;

/// <summary>
/// Pairs Redis commands with replies in order (Redis answers in order, pipelined, in
/// MULTI or not) and writes a record per pair. What breaks the order was classified by
/// the reply parser: pushes (published messages, RESP3 pushes) get rows of their own
/// without a command, MONITOR output and confirmations of uncaptured commands are
/// counted and dropped, and commands sent under CLIENT REPLY OFF/SKIP are written
/// without waiting for a reply that never comes.
/// </summary>
public sealed class RedisStitcher : FifoStitcher<RedisMessage>
{
    private readonly IRedisCommandSink? _sink;
    private readonly RedisCounters _counters;

    internal RedisStitcher(IRedisCommandSink? sink, RedisCounters counters)
    {
        _sink = sink;
        _counters = counters;
    }

    protected override bool ExpectsResponse(ref RedisMessage request) => (request.Flags & RedisMessageFlags.NoReply) == 0;

    protected override void WriteWithoutResponse(ref RedisMessage request, in StitchContext context)
    {
        _counters.CommandsWithoutReply.Value++;
        Emit(new RedisCommandRecord
        {
            Connection = context.Connection,
            Kind = RedisRecordKind.CommandWithoutReply,
            StartNs = request.StartNs,
            EndNs = request.EndNs,
            Command = request.Command,
            Arguments = request.Text,
        });
    }

    protected override bool IsUnsolicited(ref RedisMessage response, in StitchContext context)
    {
        switch (response.ReplyKind)
        {
            case RedisReplyKind.Push:
                _counters.Pushes.Value++;
                context.Counters.Records++;
                Emit(new RedisCommandRecord
                {
                    Connection = context.Connection,
                    Kind = RedisRecordKind.Push,
                    StartNs = response.StartNs,
                    EndNs = response.EndNs,
                    Command = response.Command,
                    Arguments = "[]"u8,
                    Reply = response.Text,
                });
                return true;
            case RedisReplyKind.MonitorLine:
                _counters.MonitorLines.Value++;
                return true;
            case RedisReplyKind.OrphanConfirmation:
                _counters.OrphanConfirmations.Value++;
                return true;
            default:
                return false;
        }
    }

    protected override void Write(ref RedisMessage request, ref RedisMessage response, in StitchContext context) =>
        Emit(new RedisCommandRecord
        {
            Connection = context.Connection,
            Kind = RedisRecordKind.Command,
            StartNs = request.StartNs,
            EndNs = response.EndNs,
            Command = request.Command,
            Arguments = request.Text,
            Reply = response.Text,
            IsError = response.IsError,
        });

    private void Emit(in RedisCommandRecord record)
    {
        if (_sink is null)
        {
            _counters.RecordsWithoutSink.Value++;
            return;
        }
        _sink.Write(record);
    }
}
