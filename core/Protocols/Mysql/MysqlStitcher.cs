namespace Devtools.Core.Protocols.Mysql;

/// <summary>
/// Pairs MySQL commands with their responses in order (a server answers one command at a
/// time, in order), writes one <see cref="MysqlRecord"/> per command and releases the frames.
/// COM_STMT_CLOSE, COM_STMT_SEND_LONG_DATA and COM_QUIT get no response: they are recorded
/// on their own with status "none".
/// </summary>
public sealed class MysqlStitcher : FifoStitcher<MysqlMessage>
{
    private readonly IMysqlRecordSink? _sink;
    private readonly MysqlCounters _counters;

    internal MysqlStitcher(IMysqlRecordSink? sink, MysqlCounters counters)
    {
        _sink = sink;
        _counters = counters;
    }

    protected override bool ExpectsResponse(ref MysqlMessage request) => MysqlCommands.ExpectsResponse(request.Command);

    protected override void WriteWithoutResponse(ref MysqlMessage request, in StitchContext context)
    {
        if (_sink is null)
        {
            _counters.RecordsWithoutSink.Value++;
            return;
        }
        _sink.Write(new MysqlRecord
        {
            Connection = context.Connection,
            RequestStartNs = request.StartNs,
            ResponseEndNs = request.EndNs,
            Command = request.Command,
            RequestBody = request.Text,
            Status = MysqlResponseStatus.None,
        });
    }

    protected override void Write(ref MysqlMessage request, ref MysqlMessage response, in StitchContext context)
    {
        if (_sink is null)
        {
            _counters.RecordsWithoutSink.Value++;
            return;
        }
        _sink.Write(new MysqlRecord
        {
            Connection = context.Connection,
            RequestStartNs = request.StartNs,
            ResponseEndNs = response.EndNs,
            Command = request.Command,
            RequestBody = request.Text,
            Status = response.Status,
            ResponseBody = response.Text,
        });
    }
}
