using System.Buffers.Binary;

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
    private static readonly ulong ApplicationJsonHead = BinaryPrimitives.ReadUInt64LittleEndian("applicat"u8);
    private static readonly ulong ApplicationJsonTail = BinaryPrimitives.ReadUInt64LittleEndian("ion/json"u8);

    /// <summary>
    /// Classifies a Content-Type value: application/grpc (and its +proto, +json
    /// variants) is gRPC, anything naming json (application/json, application/problem+json)
    /// is JSON.
    /// </summary>
    public static HttpContentType Classify(ReadOnlySpan<byte> contentType)
    {
        // Most bodies say application/json: its "json" (bytes 12..15, letters, so folding
        // is exact there) settles it without the two searches, and rules out gRPC.
        if (contentType.Length >= 16
            && (BinaryPrimitives.ReadUInt64LittleEndian(contentType[8..]) | 0x2020202020202020) == ApplicationJsonTail
            && (BinaryPrimitives.ReadUInt64LittleEndian(contentType) | 0x2020202020202020) == ApplicationJsonHead)
        {
            return HttpContentType.Json;
        }
        ReadOnlySpan<byte> grpc = "application/grpc"u8;
        if (contentType.Length >= grpc.Length && System.Text.Ascii.EqualsIgnoreCase(contentType[..grpc.Length], grpc))
            return HttpContentType.Grpc;
        return HttpSyntax.ContainsIgnoreCase(contentType, "json"u8) ? HttpContentType.Json : HttpContentType.Unknown;
    }
}
