using System.Buffers;
using System.Globalization;
using Devtools.Core.Connections;
using Devtools.Core.Protocols.Http;
using Devtools.Core.Protocols.Http2.Grpc;

namespace Devtools.Core.Protocols.Http2.Streams;

/// <summary>
/// Turns a finished stream into an <see cref="HttpTransaction"/> for the
/// <see cref="IHttpTransactionSink"/> (http_events, major_version 2).
/// </summary>
/// <remarks>
/// <para>Method and path are the :method and :path pseudo-headers (:authority for
/// CONNECT); status is :status. Header JSON holds every decoded field, pseudo-headers
/// included, then the trailers: gRPC's grpc-status and grpc-message appear there.</para>
/// <para>What the wire does not say directly is added as devtools.* fields:
/// "devtools.headers":"lost" first when some fields could not be decoded (a connection
/// joined late, lost bytes); for gRPC, "devtools.grpc.messages" (count of
/// length-prefixed messages) and "devtools.grpc.message_sizes" (their sizes, the first
/// 16); "devtools.rst_stream" when the stream was reset. resp_message is empty (HTTP/2
/// has no reason phrase) except for gRPC, where it is the grpc-status name and
/// grpc-message ("NOT_FOUND: no such user"), and for a reset stream without one
/// ("RST_STREAM CANCEL").</para>
/// </remarks>
internal sealed class Http2RecordWriter(Http2Counters counters, IHttpTransactionSink? sink) : IDisposable
{
    private const int MaxReasonBytes = 256;

    private const int MaxNoteBytes = 512;

    /// <summary>resp_message and devtools.* values are formatted here; pooled, as every connection has a writer.</summary>
    private byte[] _reason = [];
    private byte[] _note = [];

    public void Write(Http2Stream stream, ConnectionInfo connection, StreamEnd end)
    {
        if (sink is null)
        {
            counters.RecordsWithoutSink.Value++;
            return;
        }
        if (_note.Length == 0)
        {
            _reason = ArrayPool<byte>.Shared.Rent(MaxReasonBytes);
            _note = ArrayPool<byte>.Shared.Rent(MaxNoteBytes);
        }
        Http2Message request = stream.Request;
        Http2Message response = stream.Response;
        bool lost = AddNotes(request) | AddNotes(response);
        if (lost)
            counters.RecordsWithLostHeaders.Value++;
        if (end.Reset is { } resetBy)
            AddResetNote(response, resetBy, end.ErrorCode);

        bool grpc = response.IsGrpc || request.IsGrpc;
        int reasonLength = WriteReason(response, grpc, end);
        long startNs = request.HasStart ? request.StartNs : response.StartNs;
        var transaction = new HttpTransaction
        {
            Connection = connection,
            RequestStartNs = startNs,
            ResponseEndNs = Math.Max(startNs, end.EndNs),
            MajorVersion = 2,
            MinorVersion = 0,
            Method = request.Method,
            Target = request.Target,
            RequestHeaders = request.Fields,
            RequestBody = request.Body,
            RequestBodySize = request.BodySize,
            Status = response.Status,
            Reason = _reason.AsSpan(0, reasonLength),
            ResponseHeaders = response.Fields,
            ResponseBody = response.Body,
            ResponseBodySize = response.BodySize,
            ContentType = response.ContentType != HttpContentType.Unknown ? response.ContentType : request.ContentType,
        };
        sink.Write(transaction);
    }

    public void Dispose()
    {
        if (_note.Length == 0)
            return;
        ArrayPool<byte>.Shared.Return(_reason);
        ArrayPool<byte>.Shared.Return(_note);
        _reason = [];
        _note = [];
    }

    /// <summary>Adds the devtools.* fields of one message; true when its headers are marked lost.</summary>
    private bool AddNotes(Http2Message message)
    {
        bool lost = message.HeadersLost || message.UnknownFields > 0;
        if (lost)
            message.AddLeadingNote("devtools.headers"u8, "lost"u8);
        if (!message.IsGrpc)
            return lost;
        ref Grpc.GrpcMessageScanner grpc = ref message.Grpc;
        Span<byte> note = _note.AsSpan(0, MaxNoteBytes);
        int n = Format(grpc.Messages, note);
        if (grpc.Lost)
            n += Append(note[n..], "+ (framing lost)"u8);
        message.AddNote("devtools.grpc.messages"u8, note[..n]);
        if (grpc.Messages > 0)
        {
            n = 0;
            int kept = Math.Min(grpc.Messages, GrpcMessageScanner.KeptSizes);
            for (int i = 0; i < kept; i++)
            {
                if (i > 0)
                    note[n++] = (byte)',';
                n += Format(grpc.Size(i), note[n..]);
            }
            if (grpc.Messages > kept)
            {
                n += Append(note[n..], ",+"u8);
                n += Format(grpc.Messages - kept, note[n..]);
                n += Append(note[n..], " more"u8);
            }
            message.AddNote("devtools.grpc.message_sizes"u8, note[..n]);
        }
        if (grpc.CompressedMessages > 0)
        {
            n = Format(grpc.CompressedMessages, note);
            message.AddNote("devtools.grpc.compressed_messages"u8, note[..n]);
        }
        return lost;
    }

    private void AddResetNote(Http2Message response, MessageKind resetBy, uint errorCode)
    {
        Span<byte> note = _note.AsSpan(0, MaxNoteBytes);
        int n = WriteErrorCode(errorCode, note);
        n += Append(note[n..], resetBy == MessageKind.Request ? " by client"u8 : " by server"u8);
        response.AddNote("devtools.rst_stream"u8, note[..n]);
    }

    /// <summary>resp_message: gRPC status and message, or the reset that ended the stream.</summary>
    private int WriteReason(Http2Message response, bool grpc, StreamEnd end)
    {
        Span<byte> reason = _reason.AsSpan(0, MaxReasonBytes);
        if (grpc && response.HasGrpcStatus)
        {
            ReadOnlySpan<byte> status = response.GrpcStatus;
            string? name = GrpcStatusCodes.TryParse(status, out int code) ? GrpcStatusCodes.Name(code) : null;
            int n = name is null ? Append(reason, status) : AppendAscii(reason, name);
            ReadOnlySpan<byte> message = response.GrpcMessage;
            if (!message.IsEmpty)
            {
                n += Append(reason[n..], ": "u8);
                n += Append(reason[n..], message);
            }
            return n;
        }
        if (end.Reset is not null)
        {
            int n = Append(reason, "RST_STREAM "u8);
            return n + WriteErrorCode(end.ErrorCode, reason[n..]);
        }
        return 0;
    }

    private static int WriteErrorCode(uint code, Span<byte> destination)
    {
        string? name = code switch
        {
            0x0 => "NO_ERROR",
            0x1 => "PROTOCOL_ERROR",
            0x2 => "INTERNAL_ERROR",
            0x3 => "FLOW_CONTROL_ERROR",
            0x4 => "SETTINGS_TIMEOUT",
            0x5 => "STREAM_CLOSED",
            0x6 => "FRAME_SIZE_ERROR",
            0x7 => "REFUSED_STREAM",
            0x8 => "CANCEL",
            0x9 => "COMPRESSION_ERROR",
            0xa => "CONNECT_ERROR",
            0xb => "ENHANCE_YOUR_CALM",
            0xc => "INADEQUATE_SECURITY",
            0xd => "HTTP_1_1_REQUIRED",
            _ => null,
        };
        return name is null ? Format(code, destination) : AppendAscii(destination, name);
    }

    /// <summary>Copies what fits.</summary>
    private static int Append(Span<byte> destination, ReadOnlySpan<byte> bytes)
    {
        int n = Math.Min(bytes.Length, destination.Length);
        bytes[..n].CopyTo(destination);
        return n;
    }

    private static int AppendAscii(Span<byte> destination, string text)
    {
        int n = Math.Min(text.Length, destination.Length);
        for (int i = 0; i < n; i++)
            destination[i] = (byte)text[i];
        return n;
    }

    private static int Format(long value, Span<byte> destination) =>
        value.TryFormat(destination, out int written, default, CultureInfo.InvariantCulture) ? written : 0;
}
