using Apache.Arrow;
using Apache.Arrow.Types;

namespace Devtools.Core.Storage.Columns;

/// <summary>How Pixie's column types map onto Arrow types.</summary>
public static class DevtoolsArrowTypes
{
    /// <summary>Field metadata key naming the Pixie type when the Arrow type alone is ambiguous.</summary>
    public const string TypeMetadataKey = "devtools.type";

    /// <summary>Value of <see cref="TypeMetadataKey"/> on UINT128 (upid) fields.</summary>
    public const string Uint128TypeName = "UINT128";

    /// <summary>TIME64NS: nanoseconds since the Unix epoch, UTC.</summary>
    public static TimestampType Time64Ns { get; } = new(TimeUnit.Nanosecond, "UTC");

    /// <summary>UINT128: 16 bytes, high 64 bits then low 64 bits, big-endian.</summary>
    public static FixedSizeBinaryType Uint128 { get; } = new(Upid.ByteCount);

    /// <summary>True for a field written by <see cref="UpidColumn"/>.</summary>
    public static bool IsUint128(Field field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.DataType is FixedSizeBinaryType { ByteWidth: Upid.ByteCount }
            && field.HasMetadata
            && field.Metadata.TryGetValue(TypeMetadataKey, out string? type)
            && type == Uint128TypeName;
    }
}
