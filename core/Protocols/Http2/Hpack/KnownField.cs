using Devtools.Core.Protocols.Http;

namespace Devtools.Core.Protocols.Http2.Hpack;

/// <summary>
/// The few field names a stream's message acts on, and the names whose values are
/// secrets. HPACK names most fields by table index, so each name is recognised once —
/// per static entry, when a dynamic entry is added, or when a literal name is decoded —
/// and fields are then dispatched on this value instead of being compared by name.
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

    /// <summary>
    /// A static table name whose value redaction replaces whole (cookie, set-cookie).
    /// Only the static table's secret names are told apart: other secret names (x-api-key)
    /// are rare in HTTP/2 and not worth testing every new name for; they are redacted
    /// when written, like any name.
    /// </summary>
    Secret,

    /// <summary>A static table name of credentials whose scheme word redaction keeps (authorization, proxy-authorization).</summary>
    Credentials,
}

internal static class KnownFields
{
    /// <summary>Which known field <paramref name="name"/> is (HTTP/2 names are lowercase, RFC 9113 §8.2.1: exact bytes).</summary>
    public static KnownField Of(ReadOnlySpan<byte> name)
    {
        return name.Length switch
        {
            5 when name.SequenceEqual(":path"u8) => KnownField.Path,
            7 when name.SequenceEqual(":status"u8) => KnownField.Status,
            7 when name.SequenceEqual(":method"u8) => KnownField.Method,
            10 when name.SequenceEqual(":authority"u8) => KnownField.Authority,
            11 when name.SequenceEqual("grpc-status"u8) => KnownField.GrpcStatus,
            12 when name.SequenceEqual("content-type"u8) => KnownField.ContentType,
            12 when name.SequenceEqual("grpc-message"u8) => KnownField.GrpcMessage,
            _ => KnownField.None,
        };
    }

    /// <summary>What redaction makes of a static table name's values (<see cref="Of"/>'s answer for every other name).</summary>
    public static KnownField OfStatic(ReadOnlySpan<byte> name)
    {
        KnownField known = Of(name);
        if (known != KnownField.None)
            return known;
        return SecretNames.Classify(name) switch
        {
            SecretHeader.Credentials => KnownField.Credentials,
            SecretHeader.Secret => KnownField.Secret,
            _ => KnownField.None,
        };
    }

    /// <summary>Redaction replaces this field's value (all of it, or all but the scheme word).</summary>
    public static bool IsSecret(this KnownField known) => known is KnownField.Secret or KnownField.Credentials;
}
