using System.Buffers;
using Devtools.Core.Connections;
using Devtools.Core.Protocols.Http;

namespace Devtools.Core.Protocols.Http1;

/// <summary>How the end of a message body is found (RFC 9112 §6.3).</summary>
public enum HttpBodyFraming : byte
{
    /// <summary>No body: a request without length, HEAD/1xx/204/304 responses, a tunnel's 2xx.</summary>
    None,

    ContentLength,

    Chunked,

    /// <summary>A response body that ends when the connection closes.</summary>
    CloseDelimited,
}

/// <summary>Facts about a message that are neither positions nor sizes.</summary>
[Flags]
public enum HttpMessageFlags : byte
{
    None = 0,

    /// <summary>"Connection: close": the sender ends the connection after this message.</summary>
    ConnectionClose = 1,

    /// <summary>Bytes of the body were not captured (stepped over): the kept prefix stops at the first gap.</summary>
    BodyHasGaps = 2,

    /// <summary>A chunked body ended with trailer fields.</summary>
    HasTrailers = 4,

    /// <summary>A response after which the connection stops speaking HTTP/1 (101, or 2xx to CONNECT).</summary>
    SwitchesProtocol = 8,

    /// <summary>
    /// A switching response whose exchange the new protocol records (h2c: the Upgrade
    /// request is HTTP/2 stream 1, answered in HTTP/2): HTTP/1 writes no record of it.
    /// </summary>
    ExchangeHandedOver = 16,
}

/// <summary>
/// One HTTP/1 request or response. Owns one pooled buffer laid out as
/// [head: start line, field lines, empty line][body prefix][trailer lines]; every
/// span it hands out points into that buffer, so a message costs one pool rental
/// and no allocation. The body is kept decoded (de-chunked) and only its first
/// ProtocolOptions.MaxBodyBytes; <see cref="BodySize"/> is the true size.
/// </summary>
public struct HttpMessage : IFrame
{
    internal byte[]? Buffer;

    /// <summary>Bytes of the head, up to and including the empty line that ends it.</summary>
    internal int HeadLength;

    /// <summary>Where the first field line starts (just after the start line).</summary>
    internal int FieldsOffset;

    /// <summary>Where the empty line that ends the head starts.</summary>
    internal int FieldsEnd;

    internal int MethodLength;
    internal int TargetOffset;
    internal int TargetLength;
    internal int ReasonOffset;
    internal int ReasonLength;

    /// <summary>Room reserved for the body prefix, right after the head.</summary>
    internal int BodyCapacity;

    internal int BodyKept;

    /// <summary>Bytes of trailer lines (with their final empty line), after the body region.</summary>
    internal int TrailersLength;

    internal long BodyLength;
    internal long DeclaredContentLength;
    internal ushort Status;
    internal byte Minor;
    internal MessageKind MessageKind;
    internal HttpBodyFraming BodyFraming;
    internal HttpContentType BodyContentType;
    internal HttpMessageFlags MessageFlags;

    public long StartNs { get; set; }

    public long EndNs { get; set; }

    public readonly MessageKind Kind => MessageKind;

    /// <summary>HTTP/1 it is.</summary>
    public const int MajorVersion = 1;

    public readonly int MinorVersion => Minor;

    /// <summary>The request method ("GET"); empty for a response.</summary>
    public readonly ReadOnlySpan<byte> Method => Slice(0, MethodLength);

    /// <summary>The request-target as sent; empty for a response.</summary>
    public readonly ReadOnlySpan<byte> Target => Slice(TargetOffset, TargetLength);

    /// <summary>The response status code; 0 for a request.</summary>
    public readonly int StatusCode => Status;

    /// <summary>The reason phrase (possibly empty); empty for a request.</summary>
    public readonly ReadOnlySpan<byte> Reason => Slice(ReasonOffset, ReasonLength);

    /// <summary>The head exactly as it arrived (start line, field lines, empty line) except that obs-folds became spaces.</summary>
    public readonly ReadOnlySpan<byte> Head => Slice(0, HeadLength);

    /// <summary>The header section's fields.</summary>
    public readonly HttpHeaders Headers => HttpHeaders.FromHttp1Lines(Slice(FieldsOffset, FieldsEnd - FieldsOffset));

    /// <summary>The trailer fields that followed a chunked body.</summary>
    public readonly HttpHeaders Trailers => HttpHeaders.FromHttp1Lines(TrailerLines);

    /// <summary>
    /// Header fields, then trailer fields: what a record shows as the message's headers
    /// (as an HTTP/2 record would show the fields of both HEADERS frames).
    /// </summary>
    public readonly HttpHeaders AllFields => HttpHeaders.FromHttp1Lines(Slice(FieldsOffset, FieldsEnd - FieldsOffset), TrailerLines);

    /// <summary>The first bytes of the decoded body.</summary>
    public readonly ReadOnlySpan<byte> Body => Slice(HeadLength, BodyKept);

    /// <summary>The decoded body's true size, including bytes not kept or not captured.</summary>
    public readonly long BodySize => BodyLength;

    /// <summary>The Content-Length value, or -1 without one.</summary>
    public readonly long ContentLength => DeclaredContentLength;

    public readonly HttpBodyFraming Framing => BodyFraming;

    public readonly HttpContentType ContentType => BodyContentType;

    public readonly HttpMessageFlags Flags => MessageFlags;

    /// <summary>A 1xx response that a final response follows (everything 1xx but 101).</summary>
    public readonly bool IsInformational => MessageKind == MessageKind.Response && Status is >= 100 and < 200 && Status != 101;

    private readonly ReadOnlySpan<byte> TrailerLines => Slice(HeadLength + BodyCapacity, TrailersLength);

    public void Release()
    {
        if (Buffer is not null)
            ArrayPool<byte>.Shared.Return(Buffer);
        this = default;
    }

    /// <summary>Room for at least <paramref name="size"/> bytes, keeping the first <paramref name="used"/>.</summary>
    internal void EnsureCapacity(int size, int used)
    {
        if (Buffer is not null && Buffer.Length >= size)
            return;
        byte[] bigger = ArrayPool<byte>.Shared.Rent(Math.Max(size, Math.Max(1024, (Buffer?.Length ?? 0) * 2)));
        if (Buffer is not null)
        {
            Buffer.AsSpan(0, used).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(Buffer);
        }
        Buffer = bigger;
    }

    /// <summary>Keeps what fits of <paramref name="bytes"/> in the body prefix, unless a gap has stopped it.</summary>
    internal void KeepBody(ReadOnlySpan<byte> bytes)
    {
        int room = BodyRoom;
        if (room == 0 || bytes.IsEmpty)
            return;
        int n = Math.Min(room, bytes.Length);
        bytes[..n].CopyTo(Buffer.AsSpan(HeadLength + BodyKept));
        BodyKept += n;
    }

    /// <summary>Body bytes that can still be kept: none once a gap broke the prefix.</summary>
    internal readonly int BodyRoom => (MessageFlags & HttpMessageFlags.BodyHasGaps) != 0 ? 0 : BodyCapacity - BodyKept;

    private readonly ReadOnlySpan<byte> Slice(int offset, int length) =>
        Buffer is null || length <= 0 ? default : Buffer.AsSpan(offset, length);
}
