namespace Devtools.Core.Protocols.Http1;

/// <summary>The request methods HTTP/1 inference and resynchronisation trust on sight.</summary>
internal static class HttpMethods
{
    /// <summary>Longest known method ("OPTIONS", "CONNECT").</summary>
    public const int MaxKnownLength = 7;

    /// <summary>Longest extension method we accept when inferring (WebDAV's "VERSION-CONTROL" is 15).</summary>
    public const int MaxExtensionLength = 20;

    public static bool IsKnown(ReadOnlySpan<byte> method) => method.Length switch
    {
        3 => method.SequenceEqual("GET"u8) || method.SequenceEqual("PUT"u8),
        4 => method.SequenceEqual("POST"u8) || method.SequenceEqual("HEAD"u8),
        5 => method.SequenceEqual("PATCH"u8) || method.SequenceEqual("TRACE"u8),
        6 => method.SequenceEqual("DELETE"u8),
        7 => method.SequenceEqual("OPTIONS"u8) || method.SequenceEqual("CONNECT"u8),
        _ => false,
    };

    /// <summary>Could <paramref name="prefix"/> be the start of a known method?</summary>
    public static bool IsKnownPrefix(ReadOnlySpan<byte> prefix) =>
        "GET"u8.StartsWith(prefix) || "PUT"u8.StartsWith(prefix) || "POST"u8.StartsWith(prefix)
        || "HEAD"u8.StartsWith(prefix) || "PATCH"u8.StartsWith(prefix) || "TRACE"u8.StartsWith(prefix)
        || "DELETE"u8.StartsWith(prefix) || "OPTIONS"u8.StartsWith(prefix) || "CONNECT"u8.StartsWith(prefix);

    /// <summary>
    /// The shape of an extension method we accept at inference (PROPFIND, M-SEARCH, PURGE):
    /// uppercase letters, '-' and '_'. Narrower than a token on purpose: inference must not
    /// claim other protocols' bytes.
    /// </summary>
    public static bool HasExtensionShape(ReadOnlySpan<byte> method)
    {
        if (method.IsEmpty || method.Length > MaxExtensionLength)
            return false;
        foreach (byte b in method)
        {
            if (b is not ((>= (byte)'A' and <= (byte)'Z') or (byte)'-' or (byte)'_'))
                return false;
        }
        return true;
    }

    public static bool IsHead(ReadOnlySpan<byte> method) => method.SequenceEqual("HEAD"u8);

    public static bool IsConnect(ReadOnlySpan<byte> method) => method.SequenceEqual("CONNECT"u8);
}
