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
    /// <summary>"\n" + "OPTIONS" + " " + "https://", rounded up: all a request start needs to be recognised.</summary>
    public const int RequestProbeLength = 32;

    /// <summary>"\n" + "HTTP/1.1 200", rounded up.</summary>
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
    /// The first index at or after <paramref name="data"/>'s start, and then after each
    /// LF, where <paramref name="isStart"/> says yes; -1 if none (also when the last
    /// candidate needs more bytes to tell: the caller keeps the tail and waits).
    /// </summary>
    /// <remarks>
    /// Index 0 counts as a line start: after a hole the bytes begin at an unknown
    /// place, and a message that began right after the hole begins there.
    /// </remarks>
    public static int Find(ReadOnlySpan<byte> data, bool requests)
    {
        int pos = 0;
        while (pos < data.Length)
        {
            ReadOnlySpan<byte> candidate = data[pos..];
            switch (requests ? IsRequestStart(candidate) : IsResponseStart(candidate))
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

    private static StartVerdict IsTargetStart(ReadOnlySpan<byte> method, ReadOnlySpan<byte> target)
    {
        if (target.IsEmpty)
            return StartVerdict.Maybe;
        switch (target[0])
        {
            case (byte)'/':
                return StartVerdict.Yes;
            case (byte)'*':
                return method.SequenceEqual("OPTIONS"u8) ? StartVerdict.Yes : StartVerdict.No;
        }
        if (HttpMethods.IsConnect(method))
            return IsHostChar(target[0]) ? StartVerdict.Yes : StartVerdict.No;
        return IsAbsoluteStart(target);
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
