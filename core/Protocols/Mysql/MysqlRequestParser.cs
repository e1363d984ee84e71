using System.Buffers.Binary;
using Devtools.Core.Connections;

namespace Devtools.Core.Protocols.Mysql;

/// <summary>
/// Parses the client direction: each command (a packet with sequence id 0, continued by
/// further packets when its payload reaches 0xFFFFFF bytes) becomes one frame holding its
/// command byte and text. Packets with other sequence ids belong to no command — the
/// login, authentication data, LOCAL INFILE contents — and are stepped over (the login
/// tells the capabilities and whether TLS follows). Only a bounded prefix of a payload is
/// read; the rest is skipped.
/// </summary>
public sealed class MysqlRequestParser : IFrameParser<MysqlMessage>
{
    /// <summary>Room for a query attributes preamble in front of the query text.</summary>
    private const int AttributesSlack = 256;

    private readonly MysqlSession _session;
    private readonly MysqlCounters _counters;
    private readonly MysqlLimits _limits;

    /// <summary>Bytes of a packet outside any command still to step over.</summary>
    private long _skipOutside;

    /// <summary>Payload bytes of the frame's current packet still to step over; another packet follows them.</summary>
    private long _skip;

    private bool _inFrame;
    private byte _nextSequence;

    internal MysqlRequestParser(MysqlSession session, MysqlCounters counters)
    {
        _session = session;
        _counters = counters;
        _limits = session.Limits;
    }

    public int MaxBoundaryLength => MysqlInference.ProbeLength;

    public ParseResult Parse(ReadOnlySpan<byte> data, ref MysqlMessage frame, in ParseContext<MysqlMessage> context)
    {
        if (_skipOutside > 0)
        {
            if (data.IsEmpty)
                return ParseResult.NeedMoreData();
            int n = (int)Math.Min(_skipOutside, data.Length);
            _skipOutside -= n;
            return ParseResult.Skipped(n);
        }
        if (_inFrame)
            return Continue(data, 0, ref frame);
        if (_session.IsOpaque)
            return _session.SkipOpaque(data);
        if (data.Length < MysqlWire.HeaderLength)
            return ParseResult.NeedMoreData();
        int length = MysqlWire.PayloadLength(data);
        byte sequence = data[3];
        if (sequence != 0)
            return SkipOutside(data, length, sequence);
        if (length == 0)
            return ParseResult.Invalid();
        if (data.Length < MysqlWire.HeaderLength + 1)
            return ParseResult.NeedMoreData();
        byte command = data[4];
        if (!MysqlCommands.IsClientCommand(command))
            return ParseResult.Invalid();
        int kept = Math.Min(length, PrefixLength((MysqlCommand)command));
        if (data.Length - MysqlWire.HeaderLength < kept)
            return ParseResult.NeedMoreData();

        frame.MessageKind = MessageKind.Request;
        frame.CommandByte = (MysqlCommand)command;
        frame.PayloadBytes = length;
        if (!Describe(data.Slice(MysqlWire.HeaderLength, kept), length, ref frame))
            return ParseResult.Invalid();

        int consumed = MysqlWire.HeaderLength + kept;
        long rest = length - kept;
        if (length < MysqlWire.MaxPayloadLength)
            return ParseResult.Complete(consumed, rest);
        // A payload of 0xFFFFFF bytes goes on in the next packet.
        _inFrame = true;
        _nextSequence = 1;
        _skip = rest;
        return Continue(data, consumed, ref frame);
    }

    public long AbsorbHole(long count, ref MysqlMessage frame)
    {
        // Only the unread rest of a long command's packet can go missing harmlessly.
        if (!_inFrame || _skip == 0)
            return 0;
        long n = Math.Min(count, _skip);
        _skip -= n;
        return n;
    }

    /// <summary>A command packet: sequence 0, a command clients send, a payload of its shape.</summary>
    public int FindFrameBoundary(ReadOnlySpan<byte> data, in ParseContext<MysqlMessage> context)
    {
        for (int i = 0; i + MysqlWire.HeaderLength < data.Length; i++)
        {
            // Cheap filters first: sequence 0 and a known command.
            if (data[i + 3] != 0 || !MysqlCommands.IsClientCommand(data[i + 4]))
                continue;
            HandshakeVerdict verdict = MysqlInference.Command(data[i..], forInference: false);
            if (verdict == HandshakeVerdict.Yes)
                return i;
            if (verdict == HandshakeVerdict.Maybe && data.Length - i < MaxBoundaryLength)
                return -1;
        }
        return -1;
    }

    public bool TryCompleteAtEndOfStream(ref MysqlMessage frame) => false;

    public void Reset()
    {
        _skipOutside = 0;
        _skip = 0;
        _inFrame = false;
        _nextSequence = 0;
    }

    /// <summary>Steps over the rest of a long command: its packet's unread bytes and the packets that continue it.</summary>
    private ParseResult Continue(ReadOnlySpan<byte> data, int position, ref MysqlMessage frame)
    {
        while (true)
        {
            if (_skip > 0)
            {
                int n = (int)Math.Min(_skip, data.Length - position);
                position += n;
                _skip -= n;
                if (_skip > 0)
                    return ParseResult.NeedMoreData(position);
            }
            if (data.Length - position < MysqlWire.HeaderLength)
                return ParseResult.NeedMoreData(position);
            ReadOnlySpan<byte> header = data[position..];
            int length = MysqlWire.PayloadLength(header);
            if (header[3] != _nextSequence)
                return ParseResult.Invalid(position);
            _nextSequence = MysqlWire.Next(_nextSequence);
            frame.PayloadBytes += length;
            position += MysqlWire.HeaderLength;
            if (length < MysqlWire.MaxPayloadLength)
            {
                _inFrame = false;
                _skip = 0;
                return ParseResult.Complete(position, length);
            }
            _skip = length;
        }
    }

    /// <summary>
    /// A packet that starts no command. Sequence 1 right after a greeting is the login (or
    /// the SSL request); later ones are authentication data or LOCAL INFILE contents.
    /// </summary>
    private ParseResult SkipOutside(ReadOnlySpan<byte> data, int length, byte sequence)
    {
        if (sequence == 1 && length >= MysqlHandshake.LoginFixedLength)
        {
            int probe = MysqlHandshake.LoginFixedLength;
            if (data.Length - MysqlWire.HeaderLength < probe)
                return ParseResult.NeedMoreData();
            if (MysqlHandshake.ReadLogin(data.Slice(MysqlWire.HeaderLength, probe), length, out MysqlCapabilities capabilities, out bool sslRequest) == HandshakeVerdict.Yes)
            {
                _counters.HandshakePackets.Value++;
                _session.OnClientLogin(capabilities, sslRequest);
                return SkipPacket(data, length);
            }
        }
        if (_session.Phase == MysqlPhase.Handshake)
        {
            _counters.HandshakePackets.Value++;
            return SkipPacket(data, length);
        }
        if (!_session.ClientDataExpected)
            return ParseResult.Invalid();
        _counters.ClientDataPackets.Value++;
        return SkipPacket(data, length);
    }

    private ParseResult SkipPacket(ReadOnlySpan<byte> data, int length)
    {
        long total = MysqlWire.HeaderLength + (long)length;
        int n = (int)Math.Min(total, data.Length);
        _skipOutside = total - n;
        return ParseResult.Skipped(n);
    }

    /// <summary>Payload bytes a command's record needs.</summary>
    private int PrefixLength(MysqlCommand command) => command switch
    {
        MysqlCommand.StmtExecute or MysqlCommand.StmtBulkExecute => _limits.MaxExecuteBytes,
        _ when MysqlCommands.HasTextArgument(command) => 1 + _limits.MaxQueryBytes + AttributesSlack,
        MysqlCommand.ChangeUser => 1 + 256,
        _ => 16,
    };

    /// <summary>Writes the command's text; false when the payload cannot be this command.</summary>
    private bool Describe(ReadOnlySpan<byte> payload, int length, ref MysqlMessage frame)
    {
        var command = (MysqlCommand)payload[0];
        switch (command)
        {
            case MysqlCommand.Query:
                WriteText(ref frame, QueryText(payload[1..]), length - 1);
                return true;
            case MysqlCommand.StmtPrepare or MysqlCommand.InitDb or MysqlCommand.CreateDb or MysqlCommand.DropDb:
                WriteText(ref frame, payload[1..], length - 1);
                return true;
            case MysqlCommand.FieldList:
                ReadOnlySpan<byte> table = payload[1..];
                int nul = table.IndexOf((byte)0);
                WriteText(ref frame, nul < 0 ? table : table[..nul], nul < 0 ? length - 1 : nul);
                return true;
            case MysqlCommand.ChangeUser:
                ReadOnlySpan<byte> user = payload[1..];
                int end = user.IndexOf((byte)0);
                WriteText(ref frame, end < 0 ? user : user[..end], end < 0 ? length - 1 : end);
                return true;
            case MysqlCommand.StmtExecute:
                return length >= 10 && DescribeExecute(payload, ref frame);
            case MysqlCommand.StmtClose or MysqlCommand.StmtReset:
                return length == 5 && DescribeStatement(payload, ref frame, close: command == MysqlCommand.StmtClose);
            case MysqlCommand.StmtFetch:
                return length == 9 && DescribeStatement(payload, ref frame, close: false);
            case MysqlCommand.StmtSendLongData:
                return length >= 7 && DescribeStatement(payload, ref frame, close: false);
            case MysqlCommand.StmtBulkExecute:
                return length >= 7 && DescribeStatement(payload, ref frame, close: false);
            case MysqlCommand.ProcessKill:
                if (length != 5)
                    return false;
                frame.ReserveText(16);
                frame.Append((long)BinaryPrimitives.ReadUInt32LittleEndian(payload[1..]));
                return true;
            case MysqlCommand.SetOption:
                if (length != 3)
                    return false;
                WriteText(ref frame, payload[1] == 0 ? "MYSQL_OPTION_MULTI_STATEMENTS_ON"u8 : "MYSQL_OPTION_MULTI_STATEMENTS_OFF"u8, 0);
                return true;
            case MysqlCommand.Quit or MysqlCommand.Ping or MysqlCommand.Statistics or MysqlCommand.ProcessInfo
                or MysqlCommand.Debug or MysqlCommand.ResetConnection:
                return length == 1;
            default:
                return true;
        }
    }

    /// <summary>
    /// A COM_QUERY's text, after the query attributes MySQL 8.0.23+ sends first when both
    /// sides agreed on them (parameter count, parameter set count, then the parameters).
    /// </summary>
    private ReadOnlySpan<byte> QueryText(ReadOnlySpan<byte> text)
    {
        bool? attributes = _session.QueryAttributes;
        if (attributes == false)
            return text;
        // Unknown: a query never starts with a control byte, an attribute preamble always does.
        if (attributes is null)
        {
            bool present = text.Length >= 2 && text[0] < 0x20 && text[0] is not ((byte)'\t' or (byte)'\n' or (byte)'\r') && text[1] == 1;
            _session.LearnQueryAttributes(present);
            if (!present)
                return text;
        }
        int position = 0;
        if (!MysqlWire.TryReadLengthEncoded(text, ref position, out ulong count) || !MysqlWire.TryReadLengthEncoded(text, ref position, out _))
            return text;
        if (count == 0)
            return text[position..];
        // Attribute values in front of the query are not decoded: the record shows no text
        // rather than binary bytes.
        return default;
    }

    private void WriteText(ref MysqlMessage frame, ReadOnlySpan<byte> text, long trueLength)
    {
        frame.ReserveText(Math.Max(1, Math.Min(text.Length, _limits.MaxQueryBytes)));
        frame.Append(text);
        if (trueLength > text.Length)
            frame.Truncated = true;
    }

    private bool DescribeExecute(ReadOnlySpan<byte> payload, ref MysqlMessage frame)
    {
        uint id = BinaryPrimitives.ReadUInt32LittleEndian(payload[1..]);
        // MariaDB: -1 executes the statement prepared last (prepare and execute sent together).
        if (id == uint.MaxValue)
            id = _session.LastPreparedId;
        frame.StmtId = id;
        ref PreparedStatement statement = ref _session.Statements.Find(id);
        if (System.Runtime.CompilerServices.Unsafe.IsNullRef(ref statement))
        {
            _counters.UnknownStatements.Value++;
            WriteUnknownStatement(ref frame, id);
            return true;
        }
        frame.ReserveText(_limits.MaxExecuteTextBytes);
        MysqlExecuteText.Write(ref frame, ref statement, payload, _session.QueryAttributes == true, _limits);
        return true;
    }

    /// <summary>COM_STMT_CLOSE, RESET, FETCH, SEND_LONG_DATA: the statement's query when known.</summary>
    private bool DescribeStatement(ReadOnlySpan<byte> payload, ref MysqlMessage frame, bool close)
    {
        uint id = BinaryPrimitives.ReadUInt32LittleEndian(payload[1..]);
        frame.StmtId = id;
        ref PreparedStatement statement = ref _session.Statements.Find(id);
        if (System.Runtime.CompilerServices.Unsafe.IsNullRef(ref statement))
        {
            WriteUnknownStatement(ref frame, id);
            return true;
        }
        WriteText(ref frame, statement.Query, statement.QueryLength);
        if (close)
            _session.Statements.Remove(id);
        return true;
    }

    private static void WriteUnknownStatement(ref MysqlMessage frame, uint id)
    {
        frame.ReserveText(32);
        frame.Append("statement "u8);
        frame.Append((long)id);
    }
}
