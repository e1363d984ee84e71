using System.Text;
using Devtools.Core.Protocols.Http;

namespace Devtools.Core.Protocols.Http1;

/// <summary>
/// Parses the parts of a complete head (RFC 9112 §3, §4, §5): the start line into
/// positions of the message, the field lines into <see cref="FieldFacts"/>. Works on
/// the message's own copy, one vectorised search per element, Kestrel-style.
/// </summary>
internal static class Http1HeadParser
{
    /// <summary>Parses "method SP request-target SP HTTP-version" (line end excluded).</summary>
    public static bool TryParseRequestLine(ReadOnlySpan<byte> line, ref HttpMessage message)
    {
        int methodEnd = line.IndexOfAnyExcept(HttpSyntax.TokenChars);
        if (methodEnd <= 0 || line[methodEnd] != (byte)' ')
            return false;
        ReadOnlySpan<byte> rest = line[(methodEnd + 1)..];
        int targetEnd = rest.IndexOfAny(HttpSyntax.NotTargetChars);
        if (targetEnd <= 0 || rest[targetEnd] != (byte)' ')
            return false;
        if (!TryParseVersion(rest[(targetEnd + 1)..], out byte minor))
            return false;
        message.MethodLength = methodEnd;
        message.TargetOffset = methodEnd + 1;
        message.TargetLength = targetEnd;
        message.Minor = minor;
        return true;
    }

    /// <summary>
    /// Parses "HTTP-version SP 3DIGIT SP reason" (line end excluded). A missing
    /// "SP reason" is accepted: some servers send "HTTP/1.1 200" alone.
    /// </summary>
    public static bool TryParseStatusLine(ReadOnlySpan<byte> line, ref HttpMessage message)
    {
        if (line.Length < 12 || !TryParseVersion(line[..8], out byte minor) || line[8] != (byte)' ')
            return false;
        int status = 0;
        for (int i = 9; i < 12; i++)
        {
            int digit = line[i] - '0';
            if ((uint)digit > 9)
                return false;
            status = (status * 10) + digit;
        }
        if (status < 100)
            return false;
        if (line.Length > 12)
        {
            if (line[12] != (byte)' ' || line[13..].IndexOfAny(HttpSyntax.ForbiddenInValue) >= 0)
                return false;
            message.ReasonOffset = 13;
            message.ReasonLength = line.Length - 13;
        }
        message.Status = (ushort)status;
        message.Minor = minor;
        return true;
    }

    /// <summary>
    /// Parses field lines from <paramref name="start"/> up to the first empty line.
    /// Returns the index just past that empty line (and where it starts in
    /// <paramref name="fieldsEnd"/>), or -1 when a line is not a field line.
    /// </summary>
    /// <remarks>
    /// An obs-fold (a line starting with whitespace, RFC 9112 §5.2) is replaced in place
    /// by spaces, which the RFC allows, so the folded field reads as one line later. A
    /// fold inside a framing field (Content-Length, Transfer-Encoding) is refused: those
    /// must be unambiguous.
    /// </remarks>
    public static int ParseFields(Span<byte> block, int start, ref FieldFacts facts, out int fieldsEnd)
    {
        fieldsEnd = start;
        int pos = start;
        bool anyField = false;
        bool lastWasFraming = false;
        int previousLineEnd = -1;
        while (true)
        {
            int newline = block[pos..].IndexOf((byte)'\n');
            if (newline < 0)
                return -1;
            newline += pos;
            int end = newline > pos && block[newline - 1] == (byte)'\r' ? newline - 1 : newline;
            if (end == pos)
            {
                fieldsEnd = pos;
                return newline + 1;
            }
            ReadOnlySpan<byte> line = block[pos..end];
            if (HttpSyntax.IsWhitespace(line[0]))
            {
                if (!anyField || lastWasFraming || line.IndexOfAny(HttpSyntax.ForbiddenInValue) >= 0)
                    return -1;
                int folded = line.IndexOfAnyExcept((byte)' ', (byte)'\t');
                block[previousLineEnd..(pos + (folded < 0 ? line.Length : folded))].Fill((byte)' ');
            }
            else
            {
                int colon = line.IndexOfAnyExcept(HttpSyntax.TokenChars);
                if (colon <= 0 || line[colon] != (byte)':')
                    return -1;
                ReadOnlySpan<byte> value = line[(colon + 1)..];
                if (value.IndexOfAny(HttpSyntax.ForbiddenInValue) >= 0)
                    return -1;
                lastWasFraming = facts.OnField(line[..colon], HttpSyntax.TrimWhitespace(value));
                anyField = true;
            }
            previousLineEnd = end;
            pos = newline + 1;
        }
    }

    private static bool TryParseVersion(ReadOnlySpan<byte> version, out byte minor)
    {
        minor = 0;
        if (version.Length != 8 || !version.StartsWith("HTTP/1."u8))
            return false;
        switch (version[7])
        {
            case (byte)'0':
                return true;
            case (byte)'1':
                minor = 1;
                return true;
            default:
                return false;
        }
    }
}

/// <summary>What the field lines of a head say about framing and content.</summary>
internal struct FieldFacts
{
    /// <summary>The Content-Length, or -1 without one.</summary>
    public long ContentLength;

    /// <summary>A Content-Length that is not a number, overflows, or disagrees with another.</summary>
    public bool BadContentLength;

    public bool HasTransferEncoding;

    /// <summary>How many times "chunked" was listed (more than once is an error).</summary>
    public int ChunkedCodings;

    /// <summary>The final transfer coding is chunked.</summary>
    public bool ChunkedIsLast;

    public bool ConnectionClose;

    public HttpContentType ContentType;

    public FieldFacts()
    {
        ContentLength = -1;
    }

    /// <summary>Takes in one field; true when it is a framing field.</summary>
    public bool OnField(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value)
    {
        switch (name.Length)
        {
            case 14 when Ascii.EqualsIgnoreCase(name, "content-length"u8):
                OnContentLength(value);
                return true;
            case 17 when Ascii.EqualsIgnoreCase(name, "transfer-encoding"u8):
                OnTransferEncoding(value);
                return true;
            case 12 when Ascii.EqualsIgnoreCase(name, "content-type"u8):
                if (ContentType == HttpContentType.Unknown)
                    ContentType = HttpContentTypes.Classify(value);
                return false;
            case 10 when Ascii.EqualsIgnoreCase(name, "connection"u8):
                ReadOnlySpan<byte> list = value;
                while (HttpSyntax.NextListElement(ref list, out ReadOnlySpan<byte> option))
                {
                    if (Ascii.EqualsIgnoreCase(option, "close"u8))
                        ConnectionClose = true;
                }
                return false;
            default:
                return false;
        }
    }

    /// <summary>
    /// RFC 9110 §8.6 / RFC 9112 §6.3: a list of identical values ("42, 42") and repeated
    /// identical fields stand for one value; anything else is invalid.
    /// </summary>
    private void OnContentLength(ReadOnlySpan<byte> value)
    {
        bool any = false;
        while (HttpSyntax.NextListElement(ref value, out ReadOnlySpan<byte> element))
        {
            if (!TryParseDecimal(element, out long length) || (ContentLength >= 0 && length != ContentLength))
            {
                BadContentLength = true;
                return;
            }
            ContentLength = length;
            any = true;
        }
        if (!any)
            BadContentLength = true;
    }

    private void OnTransferEncoding(ReadOnlySpan<byte> value)
    {
        HasTransferEncoding = true;
        while (HttpSyntax.NextListElement(ref value, out ReadOnlySpan<byte> coding))
        {
            // A coding may carry parameters ("gzip;q=1"): only its name matters here.
            int semicolon = coding.IndexOf((byte)';');
            if (semicolon >= 0)
                coding = HttpSyntax.TrimWhitespace(coding[..semicolon]);
            ChunkedIsLast = Ascii.EqualsIgnoreCase(coding, "chunked"u8);
            if (ChunkedIsLast)
                ChunkedCodings++;
        }
    }

    /// <summary>1*DIGIT into a non-negative long; false on anything else or on overflow.</summary>
    private static bool TryParseDecimal(ReadOnlySpan<byte> digits, out long value)
    {
        value = 0;
        if (digits.IsEmpty)
            return false;
        foreach (byte b in digits)
        {
            int digit = b - '0';
            if ((uint)digit > 9 || value > (long.MaxValue - digit) / 10)
                return false;
            value = (value * 10) + digit;
        }
        return true;
    }
}
