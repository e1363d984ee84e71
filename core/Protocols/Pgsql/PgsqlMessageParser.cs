using Devtools.Core.Connections;

namespace Devtools.Core.Protocols.Pgsql;

/// <summary>
/// Parses one direction of a PostgreSQL connection into <see cref="PgsqlMessage"/>s: a
/// resumable state machine over 5-byte headers (type, int32 length) that keeps the first
/// bytes of the payloads that matter, folds data-only messages (DataRow, CopyData) into
/// the frame that follows without keeping them, and skips what belongs to no request
/// (startup packets, authentication, notices, parameter status). After an accepted
/// SSLRequest/GSSENCRequest the connection is encrypted and only counted.
/// </summary>
public sealed class PgsqlMessageParser : IFrameParser<PgsqlMessage>
{
    /// <summary>Longest message resynchronisation waits for whole; a longer one is stepped over.</summary>
    private const int MaxResyncMessageBytes = 4096;

    private readonly PgsqlSession _session;
    private readonly PgsqlCounters _counters;
    private readonly bool _frontend;

    private State _state;

    /// <summary>Payload bytes of the current message still to come (for Skip: the whole packet's).</summary>
    private long _remaining;

    /// <summary>Payload bytes still to keep in the frame.</summary>
    private int _keepRemaining;

    /// <summary>Messages have been folded into the frame under way.</summary>
    private bool _folding;

    /// <summary>Backend: authentication is under way; everything up to its ReadyForQuery is skipped.</summary>
    private bool _authenticating;

    /// <summary>No message seen yet: the stream may start with an answer to SSLRequest.</summary>
    private bool _atStart = true;

    internal PgsqlMessageParser(PgsqlSession session, PgsqlCounters counters, MessageKind kind)
    {
        _session = session;
        _counters = counters;
        _frontend = kind == MessageKind.Request;
    }

    private enum State : byte
    {
        Header,
        Keep,
        Fold,
        Skip,
    }

    public int MaxBoundaryLength => MaxResyncMessageBytes;

    public ParseResult Parse(ReadOnlySpan<byte> data, ref PgsqlMessage frame, in ParseContext<PgsqlMessage> context)
    {
        if (_session.Encrypted && _state == State.Header && !_folding)
            return _session.SkipEncrypted(data.Length);
        int pos = 0;
        while (true)
        {
            switch (_state)
            {
                case State.Keep:
                    {
                        int n = Math.Min(_keepRemaining, data.Length - pos);
                        frame.Keep(data.Slice(pos, n));
                        pos += n;
                        _keepRemaining -= n;
                        _remaining -= n;
                        if (_keepRemaining > 0)
                            return ParseResult.NeedMoreData(pos);
                        long skip = _remaining;
                        EndFrame();
                        return ParseResult.Complete(pos, skip);
                    }
                case State.Fold:
                    {
                        int n = (int)Math.Min(_remaining, data.Length - pos);
                        pos += n;
                        _remaining -= n;
                        if (_remaining > 0)
                            return ParseResult.NeedMoreData(pos);
                        _state = State.Header;
                        break;
                    }
                case State.Skip:
                    {
                        int n = (int)Math.Min(_remaining, data.Length);
                        _remaining -= n;
                        if (_remaining == 0)
                            _state = State.Header;
                        return ParseResult.Skipped(n);
                    }
                default:
                    {
                        if (pos == data.Length)
                            return ParseResult.NeedMoreData(pos);
                        if (!TryBeginMessage(data[pos..], ref frame, ref pos, out ParseResult result))
                            return result;
                        break;
                    }
            }
        }
    }

    public long AbsorbHole(long count, ref PgsqlMessage frame)
    {
        // Only the payload of a folded message is not needed: a DataRow or CopyData that
        // went missing leaves the frame it belongs to whole.
        if (_state != State.Fold)
            return 0;
        long absorbed = Math.Min(count, _remaining);
        _remaining -= absorbed;
        if (_remaining == 0)
            _state = State.Header;
        return absorbed;
    }

    /// <summary>
    /// The first message that is whole, parses, and is followed by the end of the data or
    /// another plausible header. A short message cut off by the end of the data may still
    /// be one: then -1, and the driver keeps the last <see cref="MaxBoundaryLength"/>
    /// bytes, which hold it, until more arrive.
    /// </summary>
    public int FindFrameBoundary(ReadOnlySpan<byte> data, in ParseContext<PgsqlMessage> context)
    {
        if (_session.Encrypted)
            return 0;
        for (int i = 0; i + PgsqlWire.HeaderLength <= data.Length; i++)
        {
            if (IsBoundary(data[i..]))
                return i;
        }
        return -1;
    }

    public bool TryCompleteAtEndOfStream(ref PgsqlMessage frame) => false;

    public void Reset()
    {
        _state = State.Header;
        _remaining = 0;
        _keepRemaining = 0;
        _folding = false;
        _authenticating = false;
        _atStart = false;
    }

    /// <summary>
    /// Reads the header of the message at <paramref name="rest"/> and sets the state to
    /// consume it. False when the parser must return <paramref name="result"/> now.
    /// </summary>
    private bool TryBeginMessage(ReadOnlySpan<byte> rest, ref PgsqlMessage frame, ref int pos, out ParseResult result)
    {
        result = default;
        if (!_folding && TryHandshake(rest, out result))
            return false;
        if (_frontend && rest[0] == PgsqlTags.Untyped)
            return BeginStartupPacket(rest, out result);

        switch (PgsqlWire.CheckHeader(rest, _frontend, out PgsqlMessageRule rule, out int payloadLength))
        {
            case WireVerdict.NeedMoreData:
                result = ParseResult.NeedMoreData(pos);
                return false;
            case WireVerdict.No:
                result = ParseResult.Invalid(pos);
                return false;
        }
        _atStart = false;
        byte tag = rest[0];
        PgsqlMessageClass messageClass = rule.Class;
        if (!_frontend)
            messageClass = BackendClass(tag, messageClass);

        switch (messageClass)
        {
            case PgsqlMessageClass.Frame:
                pos += PgsqlWire.HeaderLength;
                int keep = Math.Min(rule.Keep, payloadLength);
                frame.Begin(tag, payloadLength, keep);
                _remaining = payloadLength;
                _keepRemaining = keep;
                _state = State.Keep;
                return true;
            case PgsqlMessageClass.Fold:
                pos += PgsqlWire.HeaderLength;
                Fold(ref frame, tag, payloadLength);
                return true;
            default:
                if (_folding)
                {
                    // A notice between DataRows belongs to the result under way.
                    pos += PgsqlWire.HeaderLength;
                    Fold(ref frame, tag, payloadLength);
                    return true;
                }
                _remaining = PgsqlWire.HeaderLength + (long)payloadLength;
                _state = State.Skip;
                return true;
        }
    }

    /// <summary>
    /// Backend messages that are frames elsewhere but not while authenticating: from
    /// AuthenticationRequest to the first ReadyForQuery nothing answers a request.
    /// </summary>
    private PgsqlMessageClass BackendClass(byte tag, PgsqlMessageClass messageClass)
    {
        if (tag == PgsqlTags.Authentication)
            _authenticating = true;
        if (!_authenticating || _folding)
            return messageClass;
        if (tag == PgsqlTags.ReadyForQuery)
            _authenticating = false;
        else if (tag == PgsqlTags.ErrorResponse)
            _counters.StartupErrors.Value++;
        return PgsqlMessageClass.Skip;
    }

    private void Fold(ref PgsqlMessage frame, byte tag, int payloadLength)
    {
        _folding = true;
        if (_frontend)
        {
            frame.FoldedMessages++;
        }
        else
        {
            switch (tag)
            {
                case PgsqlTags.DataRow: frame.Rows++; break;
                case PgsqlTags.ParseComplete: frame.ParseAcks++; break;
                case PgsqlTags.BindComplete: frame.BindAcks++; break;
                case PgsqlTags.CloseComplete: frame.CloseAcks++; break;
                case PgsqlTags.RowDescription or PgsqlTags.NoData: frame.DescribeAcks++; break;
                default: frame.FoldedMessages++; break;
            }
        }
        _remaining = payloadLength;
        _state = State.Fold;
    }

    /// <summary>StartupMessage, SSLRequest, GSSENCRequest or CancelRequest: skipped whole, remembered when they matter.</summary>
    private bool BeginStartupPacket(ReadOnlySpan<byte> rest, out ParseResult result)
    {
        result = default;
        if (_folding)
        {
            result = ParseResult.Invalid(0);
            return false;
        }
        switch (PgsqlWire.CheckStartupPacket(rest, out int length, out int code))
        {
            case WireVerdict.NeedMoreData:
                result = ParseResult.NeedMoreData();
                return false;
            case WireVerdict.No:
                result = ParseResult.Invalid();
                return false;
        }
        _atStart = false;
        switch (code)
        {
            case PgsqlStartupCodes.SslRequest:
            case PgsqlStartupCodes.GssEncRequest:
                _session.EncryptionRequested();
                break;
            case PgsqlStartupCodes.CancelRequest:
                _counters.CancelRequests.Value++;
                break;
            default:
                _counters.Startups.Value++;
                break;
        }
        _remaining = length;
        _state = State.Skip;
        return true;
    }

    /// <summary>
    /// The one-byte answer to SSLRequest/GSSENCRequest ('S' or 'G': encryption follows;
    /// 'N': plaintext goes on), and a TLS ClientHello from a client. Without having seen
    /// the request (capture began in between), the answer is recognised by what follows it.
    /// </summary>
    private bool TryHandshake(ReadOnlySpan<byte> rest, out ParseResult result)
    {
        result = default;
        bool awaiting = _session.AwaitingEncryptionAnswer;
        if (!awaiting && !_atStart)
            return false;
        byte first = rest[0];
        byte next = rest.Length > 1 ? rest[1] : (byte)0;
        if (_frontend)
        {
            // A TLS record header: handshake (22), version 3.x.
            if (first != 0x16 || (rest.Length > 1 && next != 0x03))
                return false;
            if (rest.Length < 2 && !awaiting)
            {
                result = ParseResult.NeedMoreData();
                return true;
            }
            _session.StartEncryption();
            result = _session.SkipEncrypted(rest.Length);
            return true;
        }
        switch (first)
        {
            case (byte)'S' or (byte)'G' when awaiting || next == 0x16:
                _session.StartEncryption();
                // The answer byte is part of the handshake too.
                result = _session.SkipEncrypted(rest.Length);
                return true;
            case (byte)'N' when awaiting || next == PgsqlTags.Authentication:
                _session.EncryptionRefused();
                _atStart = true;
                result = ParseResult.Skipped(1);
                return true;
            default:
                return false;
        }
    }

    private void EndFrame()
    {
        _state = State.Header;
        _folding = false;
        _remaining = 0;
        _keepRemaining = 0;
    }

    /// <summary>A whole message of this direction starts here, parses, and is followed by the end of the data or another plausible header.</summary>
    private bool IsBoundary(ReadOnlySpan<byte> data)
    {
        if (PgsqlWire.CheckHeader(data, _frontend, out _, out int payloadLength) != WireVerdict.Yes)
            return false;
        long end = PgsqlWire.HeaderLength + (long)payloadLength;
        if (end > data.Length)
            return false;
        if (!PgsqlWire.IsValidPayload(_frontend, data[0], data.Slice(PgsqlWire.HeaderLength, payloadLength)))
            return false;
        return end == data.Length || PgsqlWire.CheckHeader(data[(int)end..], _frontend, out _, out _) != WireVerdict.No;
    }
}
