namespace Devtools.Core.Profiling.EventPipe.Requests;

/// <summary>Small parsers for the text fields of Kestrel's request events.</summary>
internal static class RequestFields
{
    private static readonly string[] KnownMethods = ["GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH", "CONNECT", "TRACE"];

    /// <summary>64-bit FNV-1a of an id: the key of requests and connections without allocating their id strings.</summary>
    public static ulong Key(ReadOnlySpan<char> id)
    {
        ulong hash = 14695981039346656037UL;
        foreach (char c in id)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }
        return hash;
    }

    /// <summary>The method as a shared string when it is a standard one (no allocation per request).</summary>
    public static string Method(ReadOnlySpan<char> method)
    {
        foreach (string known in KnownMethods)
        {
            if (method.SequenceEqual(known))
                return known;
        }
        return method.ToString();
    }

    /// <summary>"HTTP/1.1" → (1, 1); "HTTP/2" → (2, 0); anything else → (0, 0).</summary>
    public static (int Major, int Minor) Version(ReadOnlySpan<char> httpVersion)
    {
        if (!httpVersion.StartsWith("HTTP/", StringComparison.OrdinalIgnoreCase))
            return (0, 0);
        ReadOnlySpan<char> number = httpVersion[5..];
        int dot = number.IndexOf('.');
        ReadOnlySpan<char> major = dot < 0 ? number : number[..dot];
        ReadOnlySpan<char> minor = dot < 0 ? [] : number[(dot + 1)..];
        return (Digit(major), Digit(minor));

        static int Digit(ReadOnlySpan<char> s) => s.Length == 1 && char.IsAsciiDigit(s[0]) ? s[0] - '0' : 0;
    }

    /// <summary>"127.0.0.1:5000" or "[::1]:5000" → address and port; ("-", 0) when it is not an IP endpoint.</summary>
    public static (string Address, int Port) Endpoint(ReadOnlySpan<char> endpoint)
    {
        if (System.Net.IPEndPoint.TryParse(endpoint, out System.Net.IPEndPoint? parsed))
        {
            System.Net.IPAddress address = parsed.Address.IsIPv4MappedToIPv6 ? parsed.Address.MapToIPv4() : parsed.Address;
            return (address.ToString(), parsed.Port);
        }
        return ("-", 0);
    }
}
