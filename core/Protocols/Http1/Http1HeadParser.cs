using System.Runtime.CompilerServices;
using System.Text;
using Devtools.Core.Common;
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
    /// <para>An obs-fold (a line starting with whitespace, RFC 9112 §5.2) is replaced in
    /// place by spaces, which the RFC allows, so the folded field reads as one line later.
    /// A fold inside a framing field (Content-Length, Transfer-Encoding) is refused: those
    /// must be unambiguous.</para>
    /// <para>NUL, and CR anywhere but before a line's LF, are refused (RFC 9112 §2.2): checked
    /// once over all the field lines rather than line by line, which costs a search per line.</para>
    /// </remarks>
    public static int ParseFields(Span<byte> block, int start, ref FieldFacts facts, out int fieldsEnd)
    {
        fieldsEnd = start;
        var lineFeeds = new ByteScanner<LineFeeds>(block, start);
        int pos = start;
        int previousLineEnd = -1;
        bool lastWasFraming = false;
        int crLfLines = 0;
        while (true)
        {
            int newline = lineFeeds.Next();
            if (newline < 0)
                return -1;
            bool endsWithCr = newline > pos && block[newline - 1] == (byte)'\r';
            int end = endsWithCr ? newline - 1 : newline;
            if (end == pos)
            {
                fieldsEnd = pos;
                return HasOnlyLineEndCrAndNoNul(block[start..pos], crLfLines) ? newline + 1 : -1;
            }
            ReadOnlySpan<byte> line = block[pos..end];
            if (HttpSyntax.IsWhitespace(line[0]))
            {
                // Rare, and kept out of this loop: its code here slows every line.
                if (previousLineEnd < 0 || lastWasFraming)
                    return -1;
                crLfLines -= Unfold(block, previousLineEnd, pos, line);
            }
            else
            {
                int colon = line.IndexOfAnyExcept(HttpSyntax.TokenChars);
                if (colon <= 0 || line[colon] != (byte)':')
                    return -1;
                lastWasFraming = facts.OnField(line[..colon], line[(colon + 1)..]);
            }
            if (endsWithCr)
                crLfLines++;
            previousLineEnd = end;
            pos = newline + 1;
        }
    }

    /// <summary>
    /// Replaces an obs-fold (the previous line's end and this line's leading whitespace)
    /// with spaces. Returns 1 when that removed a CRLF, 0 for a bare LF.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Unfold(Span<byte> block, int previousLineEnd, int lineStart, ReadOnlySpan<byte> line)
    {
        int folded = line.IndexOfAnyExcept((byte)' ', (byte)'\t');
        int removedCr = block[previousLineEnd] == (byte)'\r' ? 1 : 0;
        block[previousLineEnd..(lineStart + (folded < 0 ? line.Length : folded))].Fill((byte)' ');
        return removedCr;
    }

    /// <summary>No NUL, and no CR but the <paramref name="crLfLines"/> that end lines.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool HasOnlyLineEndCrAndNoNul(ReadOnlySpan<byte> fields, int crLfLines) =>
        !fields.Contains((byte)0) && fields.Count((byte)'\r') == crLfLines;

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

    /// <summary>Takes in one field (a token name, its value untrimmed); true when it is a framing field.</summary>
    public bool OnField(ReadOnlySpan<byte> name, ReadOnlySpan<byte> rawValue)
    {
        // Most fields matter to nobody here: reject them on length and first letter
        // before comparing whole names (tokens, so folding words at a time is exact).
        byte first = (byte)(name[0] | 0x20);
        switch (name.Length)
        {
            case 14 when first == (byte)'c' && HttpSyntax.TokenEqualsIgnoreCase(name, "content-length"u8):
                OnContentLength(HttpSyntax.TrimWhitespace(rawValue));
                return true;
            case 17 when first == (byte)'t' && HttpSyntax.TokenEqualsIgnoreCase(name, "transfer-encoding"u8):
                OnTransferEncoding(rawValue);
                return true;
            case 12 when first == (byte)'c' && ContentType == HttpContentType.Unknown && HttpSyntax.TokenEqualsIgnoreCase(name, "content-type"u8):
                ContentType = HttpContentTypes.Classify(HttpSyntax.TrimWhitespace(rawValue));
                return false;
            case 10 when first == (byte)'c' && HttpSyntax.TokenEqualsIgnoreCase(name, "connection"u8):
                ReadOnlySpan<byte> list = rawValue;
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
