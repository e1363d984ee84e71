namespace Devtools.Core.Protocols.Http2.Hpack;

/// <summary>
/// The few field names a stream's message acts on. HPACK names most fields by table
/// index, so each name is recognised once — per static entry, when a dynamic entry is
/// added, or when a literal name is decoded — and fields are then dispatched on this
/// value instead of being compared by name.
/// </summary>
internal enum KnownField : byte
{
    /// <summary>Any other name: kept, not acted on.</summary>
    None,
    Authority,
    Method,
    Path,
    Status,
    ContentType,
    GrpcStatus,
    GrpcMessage,
}

internal static class KnownFields
{
    /// <summary>Which known field <paramref name="name"/> is (HTTP/2 names are lowercase, RFC 9113 §8.2.1: exact bytes).</summary>
    public static KnownField Of(ReadOnlySpan<byte> name)
    {
        switch (name.Length)
        {
            case 5:
                return name.SequenceEqual(":path"u8) ? KnownField.Path : KnownField.None;
            case 7:
                return name.SequenceEqual(":status"u8) ? KnownField.Status
                    : name.SequenceEqual(":method"u8) ? KnownField.Method
                    : KnownField.None;
            case 10:
                return name.SequenceEqual(":authority"u8) ? KnownField.Authority : KnownField.None;
            case 11:
                return name.SequenceEqual("grpc-status"u8) ? KnownField.GrpcStatus : KnownField.None;
            case 12:
                return name.SequenceEqual("content-type"u8) ? KnownField.ContentType
                    : name.SequenceEqual("grpc-message"u8) ? KnownField.GrpcMessage
                    : KnownField.None;
            default:
                return KnownField.None;
        }
    }
}
