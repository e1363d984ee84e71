namespace Devtools.Core.Protocols.Http2.Grpc;

/// <summary>The canonical gRPC status codes (grpc/doc/statuscodes.md) and their names.</summary>
public static class GrpcStatusCodes
{
    private static readonly string[] Names =
    [
        "OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND", "ALREADY_EXISTS",
        "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION", "ABORTED", "OUT_OF_RANGE",
        "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS", "UNAUTHENTICATED",
    ];

    /// <summary>The name of <paramref name="code"/> ("NOT_FOUND"), or null for a code outside 0–16.</summary>
    public static string? Name(int code) => (uint)code < (uint)Names.Length ? Names[code] : null;

    /// <summary>Parses a grpc-status value (ASCII digits); false when it is not a number.</summary>
    public static bool TryParse(ReadOnlySpan<byte> value, out int code)
    {
        code = 0;
        if (value.IsEmpty || value.Length > 9)
            return false;
        foreach (byte b in value)
        {
            if (b is < (byte)'0' or > (byte)'9')
                return false;
            code = (code * 10) + (b - '0');
        }
        return true;
    }
}
