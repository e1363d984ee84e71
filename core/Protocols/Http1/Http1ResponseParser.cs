using Devtools.Core.Connections;

namespace Devtools.Core.Protocols.Http1;

/// <summary>Parses the response direction of an HTTP/1 connection.</summary>
public sealed class Http1ResponseParser : Http1MessageParser
{
    internal Http1ResponseParser(Http1Session session, ProtocolOptions options, Http1Counters counters)
        : base(session, options, counters)
    {
    }

    public override MessageKind Kind => MessageKind.Response;

    public override int MaxBoundaryLength => Http1MessageStart.ResponseProbeLength;

    /// <summary>"HTTP/1.x" and a status code, at a line start or after a body that did not end with one.</summary>
    public override int FindFrameBoundary(ReadOnlySpan<byte> data, in ParseContext<HttpMessage> context) =>
        Http1MessageStart.FindResponse(data);

    private protected override bool TryParseStartLine(ReadOnlySpan<byte> line, ref HttpMessage message) =>
        Http1HeadParser.TryParseStatusLine(line, ref message);

    private protected override bool CouldBeStartLine(ReadOnlySpan<byte> partialLine) =>
        Http1MessageStart.IsResponseStart(partialLine) != StartVerdict.No;

    /// <summary>
    /// RFC 9112 §6.3, in its order: no body after 1xx, 204, 304 or for HEAD; a 2xx to
    /// CONNECT opens a tunnel; Transfer-Encoding wins over Content-Length (chunked last
    /// means chunked, otherwise the body runs to the close, as it does for HTTP/1.0);
    /// then Content-Length; then the body runs to the close.
    /// </summary>
    /// <remarks>
    /// The request this response answers is the oldest one not answered yet: the head
    /// of the peer queue (1xx responses do not dequeue it).
    /// </remarks>
    private protected override bool TryDecideFraming(ref HttpMessage message, in FieldFacts facts, in ParseContext<HttpMessage> context, out HttpBodyFraming framing)
    {
        framing = HttpBodyFraming.None;
        int status = message.Status;
        if (status < 200)
        {
            if (status == 101)
                message.MessageFlags |= HttpMessageFlags.SwitchesProtocol;
            return true;
        }
        ReadOnlySpan<byte> method = context.PeerFrames is { IsEmpty: false } requests ? requests.Head.Method : default;
        if (HttpMethods.IsHead(method))
            return true;
        if (HttpMethods.IsConnect(method) && status < 300)
        {
            message.MessageFlags |= HttpMessageFlags.SwitchesProtocol;
            return true;
        }
        if (status is 204 or 304)
            return true;
        if (facts.HasTransferEncoding)
        {
            if (facts.ChunkedCodings > 1)
                return false;
            framing = message.Minor == 1 && facts.ChunkedIsLast ? HttpBodyFraming.Chunked : HttpBodyFraming.CloseDelimited;
            return true;
        }
        framing = facts.ContentLength switch
        {
            > 0 => HttpBodyFraming.ContentLength,
            0 => HttpBodyFraming.None,
            _ => HttpBodyFraming.CloseDelimited,
        };
        return true;
    }
}
