using System.Buffers.Binary;
using Devtools.Core.Connections;

namespace Devtools.Core.Protocols.Mysql;

/// <summary>
/// Parses the server direction: a response is every packet that answers one command, up to
/// the OK, EOF or ERR that ends its last result — one frame however many packets (a result
/// set is a column count, column definitions, maybe an EOF, rows, and a terminator; its
/// rows are counted and skipped). The command it answers (the head of the request queue)
/// decides the shape: COM_STMT_PREPARE's statement OK and definitions, COM_FIELD_LIST's
/// definitions, COM_STATISTICS's text. The greeting and the authentication exchange are
/// stepped over.
/// </summary>
public sealed class MysqlResponseParser : IFrameParser<MysqlMessage>
{
    /// <summary>Payload bytes of an OK or EOF packet that the parser reads.</summary>
    private const int StatusProbeLength = 32;

    /// <summary>Longest server packet outside a response that is stepped over rather than taken for a desynchronisation.</summary>
    private const int MaxStrayPacketLength = 4096;

    private readonly MysqlSession _session;
    private readonly MysqlCounters _counters;
    private readonly MysqlLimits _limits;

    private long _skipOutside;
    private long _skip;
    private bool _inFrame;
    private bool _continues;
    private bool _checkSequence;
    private byte _nextSequence;
    private Expect _expect;
    private AfterDefinitions _then;
    private MysqlCommand _command;
    private int _definitionsLeft;
    private int _prepareColumns;
    private int _columns;
    private long _rows;

    internal MysqlResponseParser(MysqlSession session, MysqlCounters counters)
    {
        _session = session;
        _counters = counters;
        _limits = session.Limits;
    }

    private enum Expect : byte
    {
        /// <summary>The first packet of a result: OK, ERR, a column count, LOCAL INFILE, or the command's own shape.</summary>
        FirstPacket,

        /// <summary>Column or parameter definitions, <see cref="_definitionsLeft"/> more.</summary>
        Definitions,

        /// <summary>The EOF after definitions; or, while CLIENT_DEPRECATE_EOF is unknown, whatever comes.</summary>
        DefinitionsEof,

        Rows,

        /// <summary>COM_FIELD_LIST: column definitions until an EOF.</summary>
        FieldList,
    }

    private enum AfterDefinitions : byte
    {
        Rows,
        PrepareColumns,
        End,
    }

    private enum Step : byte
    {
        Continue,
        End,

        /// <summary>The frame ended with the previous packet: this one starts the next response.</summary>
        EndBefore,
        Invalid,
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
        if (!_inFrame)
        {
            if (_session.IsOpaque)
                return _session.SkipOpaque(data);
            if (data.Length < MysqlWire.HeaderLength)
                return ParseResult.NeedMoreData();
            ParseResult? outside = OutsideFrame(data, ref frame, context);
            if (outside is { } result)
                return result;
        }
        return Packets(data, ref frame, context);
    }

    public long AbsorbHole(long count, ref MysqlMessage frame)
    {
        // Only the unread rest of a packet (a row, a definition) can go missing harmlessly.
        if (!_inFrame || _skip == 0)
            return 0;
        long n = Math.Min(count, _skip);
        _skip -= n;
        return n;
    }

    /// <summary>The first packet of a response: an OK, an ERR or a column count with a column definition after it.</summary>
    public int FindFrameBoundary(ReadOnlySpan<byte> data, in ParseContext<MysqlMessage> context)
    {
        for (int i = 0; i + MysqlWire.HeaderLength < data.Length; i++)
        {
            if (data[i + 3] != 1)
                continue;
            HandshakeVerdict verdict = MysqlInference.ResponseStart(data[i..]);
            if (verdict == HandshakeVerdict.Yes)
                return i;
            if (verdict == HandshakeVerdict.Maybe && data.Length - i < MaxBoundaryLength)
                return -1;
        }
        return -1;
    }

    /// <summary>A prepared statement's definitions may be the last bytes before the close: they are its end.</summary>
    public bool TryCompleteAtEndOfStream(ref MysqlMessage frame)
    {
        if (!_inFrame || _skip > 0 || _continues || _expect != Expect.DefinitionsEof || _then != AfterDefinitions.End)
            return false;
        EndFrame(ref frame);
        return true;
    }

    public void Reset()
    {
        _skipOutside = 0;
        _skip = 0;
        _inFrame = false;
        _continues = false;
        _definitionsLeft = 0;
        _rows = 0;
        _session.ClientDataExpected = false;
    }

    /// <summary>
    /// Packets that answer no command: the greeting, the authentication exchange, and what
    /// a connection joined late still says of it. Null when a response starts here.
    /// </summary>
    private ParseResult? OutsideFrame(ReadOnlySpan<byte> data, ref MysqlMessage frame, in ParseContext<MysqlMessage> context)
    {
        int length = MysqlWire.PayloadLength(data);
        byte sequence = data[3];
        if (_session.Phase == MysqlPhase.Handshake)
            return HandshakePacket(data, length);
        bool answering = !context.PeerFrames.IsEmpty;
        if (sequence == 0)
        {
            int probe = Math.Min(length, MysqlHandshake.GreetingProbeLength);
            if (data.Length - MysqlWire.HeaderLength < probe)
                return ParseResult.NeedMoreData();
            if (MysqlHandshake.ReadGreeting(data.Slice(MysqlWire.HeaderLength, probe), length, out MysqlCapabilities capabilities) == HandshakeVerdict.Yes)
            {
                _session.OnGreeting(capabilities);
                _counters.HandshakePackets.Value++;
                return SkipPacket(data, length);
            }
        }
        if (!answering && sequence != 1)
        {
            // What a server says outside commands is short (the end of an authentication);
            // a long "packet" here is not MySQL at this position.
            if (length > MaxStrayPacketLength)
                return ParseResult.Invalid();
            _counters.StrayServerPackets.Value++;
            return SkipPacket(data, length);
        }
        _inFrame = true;
        _command = answering ? context.PeerFrames.Head.Command : MysqlCommand.Query;
        _expect = Expect.FirstPacket;
        _checkSequence = true;
        _nextSequence = sequence;
        _continues = false;
        _skip = 0;
        _rows = 0;
        _columns = 0;
        frame.MessageKind = MessageKind.Response;
        frame.CommandByte = answering ? _command : MysqlCommand.Sleep;
        frame.ReserveText(_limits.MaxResponseTextBytes);
        return null;
    }

    private ParseResult HandshakePacket(ReadOnlySpan<byte> data, int length)
    {
        if (MysqlHandshake.IsTlsRecord(data))
        {
            _session.OnTlsSeen();
            return _session.SkipOpaque(data);
        }
        if (length > 0 && data.Length <= MysqlWire.HeaderLength)
            return ParseResult.NeedMoreData();
        _counters.HandshakePackets.Value++;
        // OK or ERR ends the authentication; 0xFE (auth switch) and 0x01 (more data) go on.
        if (length > 0 && data[4] is MysqlWire.OkHeader or MysqlWire.ErrHeader)
            _session.OnAuthenticated();
        return SkipPacket(data, length);
    }

    private ParseResult SkipPacket(ReadOnlySpan<byte> data, int length)
    {
        long total = MysqlWire.HeaderLength + (long)length;
        int n = (int)Math.Min(total, data.Length);
        _skipOutside = total - n;
        return ParseResult.Skipped(n);
    }

    private ParseResult Packets(ReadOnlySpan<byte> data, ref MysqlMessage frame, in ParseContext<MysqlMessage> context)
    {
        int position = 0;
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
            ReadOnlySpan<byte> packet = data[position..];
            int length = MysqlWire.PayloadLength(packet);
            byte sequence = packet[3];
            if (_checkSequence && sequence != _nextSequence)
            {
                // While CLIENT_DEPRECATE_EOF is unknown, a prepared statement's definitions may
                // have been its last packet: a packet out of sequence starts the next response.
                if (_expect == Expect.DefinitionsEof && _then == AfterDefinitions.End && _session.DeprecateEof is null)
                {
                    _session.LearnDeprecateEof(true);
                    EndFrame(ref frame);
                    return ParseResult.Complete(position);
                }
                return ParseResult.Invalid(position);
            }
            _checkSequence = true;
            if (_continues)
            {
                // The rest of a packet longer than 0xFFFFFF bytes (a huge row): nothing to read.
                _nextSequence = MysqlWire.Next(sequence);
                frame.PayloadBytes += length;
                _continues = length == MysqlWire.MaxPayloadLength;
                position += MysqlWire.HeaderLength;
                _skip = length;
                continue;
            }
            if (length > 0 && packet.Length <= MysqlWire.HeaderLength)
                return ParseResult.NeedMoreData(position);
            byte first = length > 0 ? packet[4] : (byte)0;
            int wanted = Math.Min(length, Needed(first));
            if (packet.Length - MysqlWire.HeaderLength < wanted)
                return ParseResult.NeedMoreData(position);

            Step step = OnPacket(packet.Slice(MysqlWire.HeaderLength, wanted), length, ref frame, context);
            switch (step)
            {
                case Step.Invalid:
                    return ParseResult.Invalid(position);
                case Step.EndBefore:
                    EndFrame(ref frame);
                    return ParseResult.Complete(position);
            }
            _nextSequence = MysqlWire.Next(sequence);
            frame.PayloadBytes += length;
            long end = position + MysqlWire.HeaderLength + (long)length;
            if (step == Step.End)
            {
                EndFrame(ref frame);
                return end <= data.Length ? ParseResult.Complete((int)end) : ParseResult.Complete(data.Length, end - data.Length);
            }
            _continues = length == MysqlWire.MaxPayloadLength;
            if (end <= data.Length)
            {
                position = (int)end;
            }
            else
            {
                _skip = end - data.Length;
                position = data.Length;
            }
        }
    }

    /// <summary>Payload bytes needed to understand a packet starting with <paramref name="first"/>.</summary>
    private int Needed(byte first)
    {
        if (first == MysqlWire.ErrHeader)
            return 9 + _limits.MaxResponseTextBytes;
        return _expect switch
        {
            Expect.FirstPacket => _limits.MaxResponseTextBytes,
            Expect.Definitions => 4,
            Expect.Rows => first == MysqlWire.EofHeader ? StatusProbeLength : 1,
            _ => StatusProbeLength,
        };
    }

    private Step OnPacket(ReadOnlySpan<byte> payload, int length, ref MysqlMessage frame, in ParseContext<MysqlMessage> context)
    {
        if (length == 0)
            return Step.Invalid;
        byte first = payload[0];
        return _expect switch
        {
            Expect.FirstPacket => FirstPacket(payload, length, ref frame, context),
            Expect.Definitions => Definition(payload, ref frame),
            Expect.DefinitionsEof => DefinitionsEof(payload, length, ref frame),
            Expect.Rows => Row(payload, length, ref frame),
            Expect.FieldList => first == MysqlWire.ErrHeader ? Error(payload, ref frame)
                : MysqlWire.IsTerminator(first, length) ? FieldListEnd(ref frame)
                : MysqlInference.IsColumnDefinition(payload) ? CountField()
                : Step.Invalid,
            _ => Step.Invalid,
        };
    }

    private Step FirstPacket(ReadOnlySpan<byte> payload, int length, ref MysqlMessage frame, in ParseContext<MysqlMessage> context)
    {
        byte first = payload[0];
        if (first == MysqlWire.ErrHeader)
            return Error(payload, ref frame);
        switch (_command)
        {
            case MysqlCommand.StmtPrepare when first == MysqlWire.OkHeader:
                return PrepareOk(payload, length, ref frame, context);
            case MysqlCommand.Statistics:
                frame.Append(payload);
                return Step.End;
            case MysqlCommand.FieldList:
                _expect = Expect.FieldList;
                _definitionsLeft = 0;
                return OnPacket(payload, length, ref frame, context);
            case MysqlCommand.StmtFetch:
                _expect = Expect.Rows;
                return Row(payload, length, ref frame);
            case MysqlCommand.ChangeUser when first is MysqlWire.EofHeader or 0x01:
                // Authentication switch or more data: the client answers between our packets.
                _checkSequence = false;
                _session.ClientDataExpected = true;
                return Step.Continue;
        }
        if (first == MysqlWire.OkHeader && length >= MysqlWire.MinOkPacketLength)
            return Ok(payload, ref frame);
        if (first == MysqlWire.EofHeader && length < MysqlWire.MinOkPacketLength)
        {
            // A bare EOF answers COM_SET_OPTION and COM_DEBUG.
            Separate(ref frame);
            frame.Append("EOF"u8);
            return MoreResults(ReadEofStatus(payload)) ? Step.Continue : Step.End;
        }
        if (first == MysqlWire.LocalInfileHeader)
        {
            // The client now sends the file, then the server says how the load went.
            _counters.LocalInfileRequests.Value++;
            _session.ClientDataExpected = true;
            Separate(ref frame);
            frame.Append("LOCAL INFILE '"u8);
            frame.Append(payload[1..]);
            frame.Append((byte)'\'');
            _checkSequence = false;
            return Step.Continue;
        }
        if (!TryReadColumnCount(payload, length, out int columns, out bool definitionsFollow))
            return Step.Invalid;
        _columns = columns;
        _then = AfterDefinitions.Rows;
        _rows = 0;
        if (definitionsFollow)
        {
            _definitionsLeft = _columns;
            _expect = Expect.Definitions;
            return Step.Continue;
        }
        // Cached metadata: no definitions, straight to their EOF (if any) or the rows.
        if (_session.DeprecateEof == true)
            return Proceed(ref frame);
        _expect = Expect.DefinitionsEof;
        return Step.Continue;
    }

    /// <summary>
    /// A result set's column count, with the flag that says whether column definitions follow
    /// when metadata may be cached: after the count for MariaDB (MARIADB_CLIENT_CACHE_METADATA),
    /// before it for MySQL 8 (CLIENT_OPTIONAL_RESULTSET_METADATA). A count of 0 is no count, so a
    /// leading 0 can only be MySQL's flag.
    /// </summary>
    private bool TryReadColumnCount(ReadOnlySpan<byte> payload, int length, out int columns, out bool definitionsFollow)
    {
        columns = 0;
        definitionsFollow = true;
        bool flagFirst = _session.OptionalMetadataFirst || (payload[0] == 0 && length >= 2);
        ReadOnlySpan<byte> count = flagFirst ? payload[1..] : payload;
        if (!MysqlWire.TryReadLengthEncoded(count, out ulong value, out int size) || value is 0 or > ushort.MaxValue)
            return false;
        columns = (int)value;
        if (flagFirst)
        {
            if (length != size + 1)
                return false;
            definitionsFollow = payload[0] != 0;
            return true;
        }
        if (length == size)
            return true;
        if (length != size + 1 || payload.Length <= size)
            return false;
        definitionsFollow = payload[size] != 0;
        return true;
    }

    /// <summary>COM_STMT_PREPARE_OK: statement id, columns, parameters; their definitions follow.</summary>
    private Step PrepareOk(ReadOnlySpan<byte> payload, int length, ref MysqlMessage frame, in ParseContext<MysqlMessage> context)
    {
        if (length < 12 || payload.Length < 12)
            return Step.Invalid;
        uint id = BinaryPrimitives.ReadUInt32LittleEndian(payload[1..]);
        int columns = BinaryPrimitives.ReadUInt16LittleEndian(payload[5..]);
        int parameters = BinaryPrimitives.ReadUInt16LittleEndian(payload[7..]);
        frame.StmtId = id;
        frame.ColumnCount = columns;
        frame.ResultCount = 1;
        if (!context.PeerFrames.IsEmpty && context.PeerFrames.Head.Command == MysqlCommand.StmtPrepare)
        {
            _session.Statements.Add(id, context.PeerFrames.Head.Text, parameters);
            _session.LastPreparedId = id;
        }
        frame.Append("OK: statement "u8);
        frame.Append((long)id);
        frame.Append(", "u8);
        frame.Append((long)parameters);
        frame.Append(" params, "u8);
        frame.Append((long)columns);
        frame.Append(" columns"u8);
        _prepareColumns = columns;
        if (parameters > 0)
        {
            _definitionsLeft = parameters;
            _then = columns > 0 ? AfterDefinitions.PrepareColumns : AfterDefinitions.End;
            _expect = Expect.Definitions;
            return Step.Continue;
        }
        if (columns > 0)
        {
            _definitionsLeft = columns;
            _then = AfterDefinitions.End;
            _expect = Expect.Definitions;
            return Step.Continue;
        }
        return Step.End;
    }

    private Step Definition(ReadOnlySpan<byte> payload, ref MysqlMessage frame)
    {
        if (!MysqlInference.IsColumnDefinition(payload))
            return Step.Invalid;
        if (--_definitionsLeft > 0)
            return Step.Continue;
        if (_session.DeprecateEof == true)
            return Proceed(ref frame);
        _expect = Expect.DefinitionsEof;
        return Step.Continue;
    }

    /// <summary>After definitions: an EOF (CLIENT_DEPRECATE_EOF off), or — while unknown — what comes instead.</summary>
    private Step DefinitionsEof(ReadOnlySpan<byte> payload, int length, ref MysqlMessage frame)
    {
        byte first = payload[0];
        if (first == MysqlWire.EofHeader && length < MysqlWire.MinOkPacketLength)
        {
            _session.LearnDeprecateEof(false);
            MysqlServerStatus status = ReadEofStatus(payload);
            if (_then == AfterDefinitions.Rows && (status & MysqlServerStatus.CursorExists) != 0)
            {
                // The rows will come with COM_STMT_FETCH.
                WriteResultSet(ref frame);
                return MoreResults(status) ? Step.Continue : Step.End;
            }
            return Proceed(ref frame);
        }
        if (_session.DeprecateEof == false)
            return Step.Invalid;
        _session.LearnDeprecateEof(true);
        switch (_then)
        {
            case AfterDefinitions.Rows:
                _expect = Expect.Rows;
                return Row(payload, length, ref frame);
            case AfterDefinitions.PrepareColumns:
                _definitionsLeft = _prepareColumns;
                _then = AfterDefinitions.End;
                _expect = Expect.Definitions;
                return Definition(payload, ref frame);
            default:
                return Step.EndBefore;
        }
    }

    private Step Proceed(ref MysqlMessage frame)
    {
        switch (_then)
        {
            case AfterDefinitions.Rows:
                _expect = Expect.Rows;
                return Step.Continue;
            case AfterDefinitions.PrepareColumns:
                _definitionsLeft = _prepareColumns;
                _then = AfterDefinitions.End;
                _expect = Expect.Definitions;
                return Step.Continue;
            default:
                return Step.End;
        }
    }

    private Step Row(ReadOnlySpan<byte> payload, int length, ref MysqlMessage frame)
    {
        byte first = payload[0];
        if (first == MysqlWire.ErrHeader)
        {
            frame.RowCount += _rows;
            return Error(payload, ref frame);
        }
        if (!MysqlWire.IsTerminator(first, length))
        {
            _rows++;
            return Step.Continue;
        }
        // EOF, or with CLIENT_DEPRECATE_EOF an OK packet with the EOF header.
        MysqlServerStatus status = length < MysqlWire.MinOkPacketLength ? ReadEofStatus(payload) : ReadOkStatus(payload, out _, out _, out _);
        WriteResultSet(ref frame);
        return MoreResults(status) ? Step.Continue : Step.End;
    }

    private Step CountField()
    {
        _definitionsLeft++;
        return Step.Continue;
    }

    private Step FieldListEnd(ref MysqlMessage frame)
    {
        frame.ColumnCount = _definitionsLeft;
        frame.ResultCount = 1;
        frame.Append("Fields = "u8);
        frame.Append((long)_definitionsLeft);
        return Step.End;
    }

    private Step Ok(ReadOnlySpan<byte> payload, ref MysqlMessage frame)
    {
        MysqlServerStatus status = ReadOkStatus(payload, out ulong affected, out ulong insertId, out int warnings);
        frame.Affected = affected;
        frame.InsertId = insertId;
        frame.ResultCount++;
        Separate(ref frame);
        frame.Append("OK: affected "u8);
        frame.Append(affected);
        frame.Append(" rows, last insert id "u8);
        frame.Append(insertId);
        if (warnings > 0)
        {
            frame.Append(", "u8);
            frame.Append((long)warnings);
            frame.Append(" warnings"u8);
        }
        return MoreResults(status) ? Step.Continue : Step.End;
    }

    /// <summary>"ERR 1146 (42S02): Table 'shop.x' doesn't exist". An error ends the whole response.</summary>
    private static Step Error(ReadOnlySpan<byte> payload, ref MysqlMessage frame)
    {
        frame.ResponseStatus = MysqlResponseStatus.Err;
        frame.ResultCount++;
        Separate(ref frame);
        frame.Append("ERR"u8);
        if (payload.Length >= 3)
        {
            ushort code = BinaryPrimitives.ReadUInt16LittleEndian(payload[1..]);
            frame.Error = code;
            frame.Append((byte)' ');
            frame.Append((long)code);
            ReadOnlySpan<byte> message = payload[3..];
            if (message.Length >= 6 && message[0] == (byte)'#')
            {
                frame.Append(" ("u8);
                frame.Append(message.Slice(1, 5));
                frame.Append((byte)')');
                message = message[6..];
            }
            frame.Append(": "u8);
            frame.Append(message);
        }
        return Step.End;
    }

    private void WriteResultSet(ref MysqlMessage frame)
    {
        frame.RowCount += _rows;
        frame.ColumnCount = _columns;
        frame.ResultCount++;
        Separate(ref frame);
        frame.Append("Resultset rows = "u8);
        frame.Append(_rows);
        if (_columns > 0)
        {
            frame.Append(", columns = "u8);
            frame.Append((long)_columns);
        }
        _rows = 0;
    }

    /// <summary>Another result follows: it starts like a response.</summary>
    private bool MoreResults(MysqlServerStatus status)
    {
        if ((status & MysqlServerStatus.MoreResultsExist) == 0)
            return false;
        _expect = Expect.FirstPacket;
        _columns = 0;
        return true;
    }

    private static void Separate(ref MysqlMessage frame)
    {
        if (frame.TextLength > 0)
            frame.Append("; "u8);
    }

    private static MysqlServerStatus ReadEofStatus(ReadOnlySpan<byte> payload) =>
        payload.Length >= MysqlWire.EofPacketLength ? (MysqlServerStatus)BinaryPrimitives.ReadUInt16LittleEndian(payload[3..]) : MysqlServerStatus.None;

    private static MysqlServerStatus ReadOkStatus(ReadOnlySpan<byte> payload, out ulong affected, out ulong insertId, out int warnings)
    {
        int position = 1;
        warnings = 0;
        insertId = 0;
        if (!MysqlWire.TryReadLengthEncoded(payload, ref position, out affected) || !MysqlWire.TryReadLengthEncoded(payload, ref position, out insertId)
            || position + 4 > payload.Length)
        {
            return MysqlServerStatus.None;
        }
        warnings = BinaryPrimitives.ReadUInt16LittleEndian(payload[(position + 2)..]);
        return (MysqlServerStatus)BinaryPrimitives.ReadUInt16LittleEndian(payload[position..]);
    }

    private void EndFrame(ref MysqlMessage frame)
    {
        if (frame.ResponseStatus != MysqlResponseStatus.Err)
            frame.ResponseStatus = MysqlResponseStatus.Ok;
        _inFrame = false;
        _continues = false;
        _skip = 0;
        _rows = 0;
        _definitionsLeft = 0;
        _session.ClientDataExpected = false;
    }
}
