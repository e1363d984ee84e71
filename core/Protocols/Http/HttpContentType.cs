namespace Devtools.Core.Protocols.Http;

/// <summary>What a body is, as far as record consumers care (Pixie's content_type column).</summary>
public enum HttpContentType : byte
{
    Unknown = 0,
    Json = 1,
    Grpc = 2,
}

public static class HttpContentTypes
{
    /// <summary>
    /// Classifies a Content-Type value: application/grpc (and its +proto, +json
    /// variants) is gRPC, anything naming json (application/json, application/problem+json)
    /// is JSON.
    /// </summary>
    public static HttpContentType Classify(ReadOnlySpan<byte> contentType)
    {
        ReadOnlySpan<byte> grpc = "application/grpc"u8;
        if (contentType.Length >= grpc.Length && System.Text.Ascii.EqualsIgnoreCase(contentType[..grpc.Length], grpc))
            return HttpContentType.Grpc;
        return HttpSyntax.ContainsIgnoreCase(contentType, "json"u8) ? HttpContentType.Json : HttpContentType.Unknown;
    }
}
