using System.Buffers.Binary;
using Devtools.Core.Connections;

namespace Devtools.Core.Protocols.Mysql;

/// <summary>
/// Recognises MySQL from a connection's first bytes, and finds packet starts when a
/// parser resynchronises. Three-byte lengths make random bytes look like a packet, so
/// every check looks at more than the header: the sequence id, the command or response
/// type, and the shape of what follows (text that is text, lengths that add up, a
/// column definition after a column count). Never throws.
/// </summary>
internal static class MysqlInference
{
    /// <summary>Short packets must be whole before they are believed.</summary>
    private const int WholePacketBelow = 64;

    /// <summary>Bytes of a command's text checked for being text.</summary>
    private const int TextProbeLength = 1000;

    /// <summary>Longest byte run the checks need (resynchronisation keeps this much).</summary>
    public const int ProbeLength = MysqlWire.HeaderLength + TextProbeLength + 1;

    public static InferenceResult Infer(ReadOnlySpan<byte> data, Direction direction, ConnectionRole role)
    {
        HandshakeVerdict request = Max(Command(data, forInference: true), Login(data));
        HandshakeVerdict response = request == HandshakeVerdict.Yes ? HandshakeVerdict.No : Max(Greeting(data), ResponseStart(data));
        InferenceResult result = request == HandshakeVerdict.Yes ? InferenceResult.Request
            : response == HandshakeVerdict.Yes ? InferenceResult.Response
            : request == HandshakeVerdict.Maybe || response == HandshakeVerdict.Maybe ? InferenceResult.NeedMoreData
            : InferenceResult.NoMatch;
        if (result.Verdict != InferenceVerdict.Match || role == ConnectionRole.Unknown)
            return result;
        // A known role says which way requests travel: a message going the wrong way is not ours.
        bool requestDirection = direction == role.RequestDirection();
        return requestDirection == (result.Kind == MessageKind.Request) ? result : InferenceResult.NoMatch;
    }

    /// <summary>A client command packet: sequence 0, a command clients send, and a payload of that command's shape.</summary>
    public static HandshakeVerdict Command(ReadOnlySpan<byte> data, bool forInference)
    {
        if (data.Length < MysqlWire.HeaderLength)
            return HandshakeVerdict.Maybe;
        int length = MysqlWire.PayloadLength(data);
        if (data[3] != 0 || length == 0)
            return HandshakeVerdict.No;
        if (data.Length < MysqlWire.HeaderLength + 1)
            return HandshakeVerdict.Maybe;
        byte command = data[4];
        if (!MysqlCommands.IsClientCommand(command))
            return HandshakeVerdict.No;
        ReadOnlySpan<byte> payload = data.Slice(MysqlWire.HeaderLength, Math.Min(length, data.Length - MysqlWire.HeaderLength));
        HandshakeVerdict shape = (MysqlCommand)command switch
        {
            MysqlCommand.Quit or MysqlCommand.Statistics or MysqlCommand.ProcessInfo or MysqlCommand.Debug
                or MysqlCommand.Ping or MysqlCommand.ResetConnection => Is(length == 1),
            MysqlCommand.StmtClose or MysqlCommand.StmtReset or MysqlCommand.ProcessKill => Is(length == 5),
            MysqlCommand.StmtFetch => Is(length == 9),
            MysqlCommand.Refresh => Is(length == 2),
            MysqlCommand.Shutdown => Is(length <= 2),
            MysqlCommand.SetOption => Is(length == 3 && (payload.Length < 3 || (payload[1] <= 1 && payload[2] == 0))),
            MysqlCommand.StmtExecute => Execute(payload, length),
            // Long data and bulk executes have little fixed shape: parsed mid-stream, never claimed from a first look.
            MysqlCommand.StmtSendLongData or MysqlCommand.StmtBulkExecute => forInference ? HandshakeVerdict.No : Is(length >= 7),
            MysqlCommand.Query => Text(payload, length, query: true),
            MysqlCommand.StmtPrepare or MysqlCommand.InitDb or MysqlCommand.CreateDb or MysqlCommand.DropDb => Text(payload, length, query: false),
            MysqlCommand.FieldList => FieldList(payload, length),
            MysqlCommand.ChangeUser => Is(length >= 2) == HandshakeVerdict.No ? HandshakeVerdict.No : Name(payload),
            // Replication and other rare commands: parsed when met mid-stream, never claimed from a first look.
            _ => forInference ? HandshakeVerdict.No : Is(length >= 1),
        };
        if (shape != HandshakeVerdict.Yes)
            return shape;
        return length < WholePacketBelow && data.Length < MysqlWire.HeaderLength + length ? HandshakeVerdict.Maybe : HandshakeVerdict.Yes;
    }

    /// <summary>A HandshakeResponse41 or SSLRequest: sequence 1 and the fixed login layout.</summary>
    public static HandshakeVerdict Login(ReadOnlySpan<byte> data)
    {
        if (data.Length < MysqlWire.HeaderLength)
            return HandshakeVerdict.Maybe;
        int length = MysqlWire.PayloadLength(data);
        if (data[3] != 1 || length < MysqlHandshake.LoginFixedLength || length > 64 * 1024)
            return HandshakeVerdict.No;
        return MysqlHandshake.ReadLogin(data[MysqlWire.HeaderLength..], length, out _, out _);
    }

    /// <summary>A server greeting: sequence 0 and protocol 10.</summary>
    public static HandshakeVerdict Greeting(ReadOnlySpan<byte> data)
    {
        if (data.Length < MysqlWire.HeaderLength)
            return HandshakeVerdict.Maybe;
        int length = MysqlWire.PayloadLength(data);
        if (data[3] != 0 || length > 64 * 1024)
            return HandshakeVerdict.No;
        return MysqlHandshake.ReadGreeting(data[MysqlWire.HeaderLength..], length, out _);
    }

    /// <summary>
    /// The first packet of a response to a one-packet command (sequence 1): an OK whose
    /// fields fill it exactly, an ERR with a server error code and SQL state, or a column
    /// count followed by a column definition.
    /// </summary>
    public static HandshakeVerdict ResponseStart(ReadOnlySpan<byte> data)
    {
        if (data.Length < MysqlWire.HeaderLength)
            return HandshakeVerdict.Maybe;
        int length = MysqlWire.PayloadLength(data);
        if (data[3] != 1 || length == 0 || length == MysqlWire.MaxPayloadLength)
            return HandshakeVerdict.No;
        if (data.Length < MysqlWire.HeaderLength + 1)
            return HandshakeVerdict.Maybe;
        ReadOnlySpan<byte> payload = data.Slice(MysqlWire.HeaderLength, Math.Min(length, data.Length - MysqlWire.HeaderLength));
        return payload[0] switch
        {
            MysqlWire.OkHeader => Ok(payload, length),
            MysqlWire.ErrHeader => Err(payload, length),
            MysqlWire.EofHeader or MysqlWire.LocalInfileHeader => HandshakeVerdict.No,
            _ => ColumnCount(data, length),
        };
    }

    private static HandshakeVerdict Execute(ReadOnlySpan<byte> payload, int length)
    {
        if (length < 10)
            return HandshakeVerdict.No;
        if (payload.Length < 10)
            return HandshakeVerdict.Maybe;
        // Cursor flags (0, 1, 2, 4) and PARAMETER_COUNT_AVAILABLE (8); the iteration count is always 1.
        return Is(payload[5] <= 0x0F && BinaryPrimitives.ReadUInt32LittleEndian(payload[6..]) == 1);
    }

    /// <summary>Text that a person or an ORM wrote: no control bytes but tab and line ends, no NUL.</summary>
    private static HandshakeVerdict Text(ReadOnlySpan<byte> payload, int length, bool query)
    {
        if (length < 2)
            return HandshakeVerdict.No;
        ReadOnlySpan<byte> text = payload[1..];
        if (query && text.Length >= 2 && text[0] == 0 && text[1] == 1)
            text = text[2..]; // query attributes: none, one set
        if (text.IsEmpty)
            return HandshakeVerdict.Maybe;
        byte first = text[0];
        bool plausibleStart = first is (byte)'(' or (byte)'/' or (byte)'-' or (byte)'#' or (byte)'{' or (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)'`' or (byte)'_'
            || (first | 0x20) is >= (byte)'a' and <= (byte)'z' || (!query && first >= 0x80);
        if (!plausibleStart)
            return HandshakeVerdict.No;
        ReadOnlySpan<byte> probe = text[..Math.Min(text.Length, TextProbeLength)];
        if (!IsText(probe))
            return HandshakeVerdict.No;
        // All of the probe must be seen: a NUL further on says these bytes are something else
        // (a PostgreSQL query message ends in one).
        int wanted = Math.Min(length - 1, TextProbeLength);
        return payload.Length - 1 >= wanted ? HandshakeVerdict.Yes : HandshakeVerdict.Maybe;
    }

    /// <summary>COM_FIELD_LIST: a table name, NUL, then an optional wildcard.</summary>
    private static HandshakeVerdict FieldList(ReadOnlySpan<byte> payload, int length)
    {
        if (length < 3)
            return HandshakeVerdict.No;
        int nul = payload[1..].IndexOf((byte)0);
        if (nul < 0)
            return payload.Length >= length ? HandshakeVerdict.No : HandshakeVerdict.Maybe;
        return Is(nul > 0 && IsText(payload.Slice(1, nul)));
    }

    private static HandshakeVerdict Name(ReadOnlySpan<byte> payload)
    {
        int nul = payload[1..].IndexOf((byte)0);
        ReadOnlySpan<byte> name = nul < 0 ? payload[1..] : payload.Slice(1, nul);
        if (!IsText(name))
            return HandshakeVerdict.No;
        return nul < 0 ? HandshakeVerdict.Maybe : HandshakeVerdict.Yes;
    }

    private static HandshakeVerdict Ok(ReadOnlySpan<byte> payload, int length)
    {
        if (length < MysqlWire.MinOkPacketLength || length > 64 * 1024)
            return HandshakeVerdict.No;
        if (payload.Length < Math.Min(length, WholePacketBelow))
            return HandshakeVerdict.Maybe;
        int position = 1;
        if (!MysqlWire.TryReadLengthEncoded(payload, ref position, out _) || !MysqlWire.TryReadLengthEncoded(payload, ref position, out _))
            return HandshakeVerdict.No;
        position += 4; // status flags, warnings
        if (position > length)
            return HandshakeVerdict.No;
        if (position == length)
            return HandshakeVerdict.Yes;
        // What follows is a human-readable info string or session state changes.
        ReadOnlySpan<byte> rest = payload[Math.Min(position, payload.Length)..];
        ushort status = BinaryPrimitives.ReadUInt16LittleEndian(payload[(position - 4)..]);
        return Is((status & 0x4000) != 0 || IsText(rest[Math.Min(rest.Length, 1)..]));
    }

    private static HandshakeVerdict Err(ReadOnlySpan<byte> payload, int length)
    {
        if (length < 9 || length > 64 * 1024)
            return HandshakeVerdict.No;
        if (payload.Length < 9)
            return HandshakeVerdict.Maybe;
        int code = BinaryPrimitives.ReadUInt16LittleEndian(payload[1..]);
        if (code is < 1000 or >= 40000 || payload[3] != (byte)'#')
            return HandshakeVerdict.No;
        foreach (byte b in payload.Slice(4, 5))
        {
            if (!((b >= (byte)'0' && b <= (byte)'9') || (b >= (byte)'A' && b <= (byte)'Z')))
                return HandshakeVerdict.No;
        }
        return Is(IsText(payload[9..]));
    }

    private static HandshakeVerdict ColumnCount(ReadOnlySpan<byte> data, int length)
    {
        ReadOnlySpan<byte> payload = data[MysqlWire.HeaderLength..];
        if (!MysqlWire.TryReadLengthEncoded(payload, out ulong count, out int size))
            return payload.Length >= 9 ? HandshakeVerdict.No : HandshakeVerdict.Maybe;
        // The count alone, or followed by MySQL 8's metadata-follows flag.
        if (count is 0 or > 4096 || (length != size && length != size + 1))
            return HandshakeVerdict.No;
        int next = MysqlWire.HeaderLength + length;
        if (data.Length < next + MysqlWire.HeaderLength + 4)
            return HandshakeVerdict.Maybe;
        return Is(data[next + 3] == 2 && IsColumnDefinition(data[(next + MysqlWire.HeaderLength)..]));
    }

    /// <summary>A ColumnDefinition41 starts with the catalog, always "def".</summary>
    public static bool IsColumnDefinition(ReadOnlySpan<byte> payload) =>
        payload.Length >= 4 && payload[0] == 3 && payload[1] == (byte)'d' && payload[2] == (byte)'e' && payload[3] == (byte)'f';

    private static bool IsText(ReadOnlySpan<byte> text)
    {
        foreach (byte b in text)
        {
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r'))
                return false;
            if (b == 0x7F)
                return false;
        }
        return true;
    }

    private static HandshakeVerdict Is(bool yes) => yes ? HandshakeVerdict.Yes : HandshakeVerdict.No;

    private static HandshakeVerdict Max(HandshakeVerdict a, HandshakeVerdict b) =>
        a == HandshakeVerdict.Yes || b == HandshakeVerdict.Yes ? HandshakeVerdict.Yes
        : a == HandshakeVerdict.Maybe || b == HandshakeVerdict.Maybe ? HandshakeVerdict.Maybe
        : HandshakeVerdict.No;
}
