using Devtools.Core.Protocols.Http;

namespace Devtools.Core.Protocols.Http1;

/// <summary>Whether bytes can be the start of an HTTP/1 message, when they are too few to tell.</summary>
internal enum StartVerdict : byte
{
    No,
    Maybe,
    Yes,
}

/// <summary>
/// Recognises the first bytes of HTTP/1 messages, for resynchronisation (is a message
/// starting here?) and inference (is this connection HTTP/1 at all?).
/// </summary>
internal static class Http1MessageStart
{
    /// <summary>
    /// Bytes of tail kept while looking for a request: "\n" + "OPTIONS" + " " + "https://"
    /// suffices at a line start, but a request line that starts mid-line is only trusted
    /// whole, so keep room for a typical one.
    /// </summary>
    public const int RequestProbeLength = 256;

    /// <summary>"\n" + "HTTP/1.1 200" + one byte, rounded up.</summary>
    public const int ResponseProbeLength = 16;

    /// <summary>
    /// A known method, a space and the start of a plausible request-target:
    /// '/' (origin form), '*' (OPTIONS), "http://" or "https://" (absolute form),
    /// or a host (authority form, CONNECT only).
    /// </summary>
    public static StartVerdict IsRequestStart(ReadOnlySpan<byte> data)
    {
        int space = data[..Math.Min(data.Length, HttpMethods.MaxKnownLength + 1)].IndexOf((byte)' ');
        if (space < 0)
            return data.Length <= HttpMethods.MaxKnownLength && HttpMethods.IsKnownPrefix(data) ? StartVerdict.Maybe : StartVerdict.No;
        ReadOnlySpan<byte> method = data[..space];
        if (!HttpMethods.IsKnown(method))
            return StartVerdict.No;
        return IsTargetStart(method, data[(space + 1)..]);
    }

    /// <summary>"HTTP/1.0 " or "HTTP/1.1 " and three digits.</summary>
    public static StartVerdict IsResponseStart(ReadOnlySpan<byte> data)
    {
        ReadOnlySpan<byte> pattern = "HTTP/1.x 000"u8;
        int n = Math.Min(data.Length, pattern.Length);
        for (int i = 0; i < n; i++)
        {
            byte b = data[i];
            bool ok = pattern[i] switch
            {
                (byte)'x' => b is (byte)'0' or (byte)'1',
                (byte)'0' => b is >= (byte)'0' and <= (byte)'9',
                byte p => b == p,
            };
            if (!ok)
                return StartVerdict.No;
        }
        return n == pattern.Length ? StartVerdict.Yes : StartVerdict.Maybe;
    }

    /// <summary>
    /// Where the first request plausibly starts in <paramref name="data"/>, or -1 (also
    /// when the last candidate needs more bytes to tell: the caller keeps the tail).
    /// </summary>
    /// <remarks>
    /// A known method, a space and a target start at a line start are enough (index 0
    /// counts: after a hole the bytes begin at an unknown place). A request that follows
    /// a body without a final newline starts mid-line; there only a whole request line,
    /// anchored on its " HTTP/1.x" end, is trusted.
    /// </remarks>
    public static int FindRequest(ReadOnlySpan<byte> data)
    {
        int atLineStart = FindAtLineStart(data);
        int limit = atLineStart >= 0 ? atLineStart : data.Length;
        int midLine = FindWholeRequestLine(data, limit);
        return midLine >= 0 ? midLine : atLineStart;
    }

    /// <summary>
    /// Where the first response plausibly starts: "HTTP/1.x DDD" followed by a space or a
    /// line end, anywhere (a response after a body without a final newline starts mid-line;
    /// the pattern is distinctive enough on its own). -1 if none.
    /// </summary>
    public static int FindResponse(ReadOnlySpan<byte> data)
    {
        int from = 0;
        while (true)
        {
            int hit = data[from..].IndexOf("HTTP/1."u8);
            if (hit < 0)
                return -1;
            hit += from;
            ReadOnlySpan<byte> candidate = data[hit..];
            switch (IsResponseStart(candidate))
            {
                case StartVerdict.Yes when candidate.Length == 12:
                case StartVerdict.Maybe:
                    return -1;
                case StartVerdict.Yes when candidate[12] is (byte)' ' or (byte)'\r' or (byte)'\n':
                    return hit;
            }
            from = hit + 1;
        }
    }

    private static int FindAtLineStart(ReadOnlySpan<byte> data)
    {
        int pos = 0;
        while (pos < data.Length)
        {
            ReadOnlySpan<byte> candidate = data[pos..];
            switch (IsRequestStart(candidate))
            {
                case StartVerdict.Yes:
                    return pos;
                case StartVerdict.Maybe:
                    return -1;
            }
            int newline = candidate.IndexOf((byte)'\n');
            if (newline < 0)
                return -1;
            pos += newline + 1;
        }
        return -1;
    }

    /// <summary>A whole "method SP target SP HTTP/1.x" line starting before <paramref name="limit"/>, wherever it starts.</summary>
    private static int FindWholeRequestLine(ReadOnlySpan<byte> data, int limit)
    {
        int from = 0;
        while (true)
        {
            int hit = data[from..].IndexOf(" HTTP/1."u8);
            if (hit < 0)
                return -1;
            hit += from;
            from = hit + 1;
            int minor = hit + 8;
            if (minor + 1 >= data.Length || data[minor] is not ((byte)'0' or (byte)'1'))
                continue;
            bool lineEnds = data[minor + 1] == (byte)'\n'
                || (data[minor + 1] == (byte)'\r' && minor + 2 < data.Length && data[minor + 2] == (byte)'\n');
            if (!lineEnds)
                continue;
            ReadOnlySpan<byte> beforeVersion = data[..hit];
            int space = beforeVersion.LastIndexOfAny(HttpSyntax.NotTargetChars);
            if (space < 0 || data[space] != (byte)' ' || space == hit - 1)
                continue;
            ReadOnlySpan<byte> target = data[(space + 1)..hit];
            int start = KnownMethodEndingAt(data[..space], target);
            if (start >= 0)
                return start < limit ? start : -1;
        }
    }

    /// <summary>Where a known method that ends just before <paramref name="end"/>'s end starts, if it fits the target.</summary>
    private static int KnownMethodEndingAt(ReadOnlySpan<byte> end, ReadOnlySpan<byte> target)
    {
        ReadOnlySpan<string> methods = ["OPTIONS", "CONNECT", "DELETE", "PATCH", "TRACE", "POST", "HEAD", "GET", "PUT"];
        foreach (string method in methods)
        {
            if (end.Length < method.Length)
                continue;
            ReadOnlySpan<byte> tail = end[^method.Length..];
            if (System.Text.Ascii.Equals(tail, method) && IsTargetStart(tail, target) == StartVerdict.Yes)
                return end.Length - method.Length;
        }
        return -1;
    }

    private static StartVerdict IsTargetStart(ReadOnlySpan<byte> method, ReadOnlySpan<byte> target)
    {
        if (target.IsEmpty)
            return StartVerdict.Maybe;
        // CONNECT takes the authority form only (RFC 9112 §3.2.3).
        if (HttpMethods.IsConnect(method))
            return IsHostChar(target[0]) ? StartVerdict.Yes : StartVerdict.No;
        return target[0] switch
        {
            (byte)'/' => StartVerdict.Yes,
            (byte)'*' => method.SequenceEqual("OPTIONS"u8) ? StartVerdict.Yes : StartVerdict.No,
            _ => IsAbsoluteStart(target),
        };
    }

    private static StartVerdict IsAbsoluteStart(ReadOnlySpan<byte> target)
    {
        ReadOnlySpan<byte> http = "http://"u8;
        ReadOnlySpan<byte> https = "https://"u8;
        int n = Math.Min(target.Length, https.Length);
        ReadOnlySpan<byte> head = target[..n];
        if (head.Length >= http.Length && System.Text.Ascii.EqualsIgnoreCase(head[..http.Length], http))
            return StartVerdict.Yes;
        if (head.Length == https.Length && System.Text.Ascii.EqualsIgnoreCase(head, https))
            return StartVerdict.Yes;
        bool prefix = (head.Length <= http.Length && System.Text.Ascii.EqualsIgnoreCase(head, http[..head.Length]))
            || System.Text.Ascii.EqualsIgnoreCase(head, https[..head.Length]);
        return prefix ? StartVerdict.Maybe : StartVerdict.No;
    }

    /// <summary>The first byte of an authority: a host name, an IPv4 address or '[' of an IPv6 one.</summary>
    private static bool IsHostChar(byte b) =>
        b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9') or (byte)'[';
}
