using Devtools.Core.Connections;
using Devtools.Core.Protocols.Http;

namespace Devtools.Core.Protocols.Http1;

/// <summary>Parses the request direction of an HTTP/1 connection.</summary>
public sealed class Http1RequestParser : Http1MessageParser
{
    internal Http1RequestParser(Http1Session session, ProtocolOptions options, Http1Counters counters)
        : base(session, options, counters)
    {
    }

    public override MessageKind Kind => MessageKind.Request;

    public override int MaxBoundaryLength => Http1MessageStart.RequestProbeLength;

    /// <summary>A known method at a line start, a space and a plausible target; or a whole request line anywhere.</summary>
    public override int FindFrameBoundary(ReadOnlySpan<byte> data, in ParseContext<HttpMessage> context) =>
        Http1MessageStart.FindRequest(data);

    private protected override bool TryParseStartLine(ReadOnlySpan<byte> line, ref HttpMessage message) =>
        Http1HeadParser.TryParseRequestLine(line, ref message);

    private protected override bool CouldBeStartLine(ReadOnlySpan<byte> partialLine)
    {
        // Only the method is checked here; the whole line is once it ends.
        int end = partialLine.IndexOfAnyExcept(HttpSyntax.TokenChars);
        return end < 0 ? partialLine.Length <= HttpMethods.MaxExtensionLength : end > 0 && partialLine[end] == (byte)' ';
    }

    /// <summary>
    /// RFC 9112 §6.1, §6.3: Transfer-Encoding wins over Content-Length and must end with
    /// chunked (exactly once) in a request; an HTTP/1.0 request with Transfer-Encoding
    /// has faulty framing. Without either, a request has no body.
    /// </summary>
    private protected override bool TryDecideFraming(ref HttpMessage message, in FieldFacts facts, in ParseContext<HttpMessage> context, out HttpBodyFraming framing)
    {
        if (facts.HasTransferEncoding)
        {
            framing = HttpBodyFraming.Chunked;
            return message.Minor == 1 && facts.ChunkedCodings == 1 && facts.ChunkedIsLast;
        }
        framing = facts.ContentLength > 0 ? HttpBodyFraming.ContentLength : HttpBodyFraming.None;
        return true;
    }
}
