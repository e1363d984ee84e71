using Apache.Arrow;
using Apache.Arrow.Arrays;

namespace Devtools.Core.Storage.Columns;

/// <summary>
/// A UINT128 column holding <see cref="Upid"/>s as FixedSizeBinary(16), tagged with field
/// metadata so readers know to decode it as a upid rather than opaque bytes.
/// </summary>
public sealed class UpidColumn : ColumnBuilder
{
    private ValueBuffer<byte> _bytes = new(0);
    private NullTracker _nulls;

    /// <summary>Creates an empty column for the field <paramref name="name"/>.</summary>
    public UpidColumn(string name)
        : base(new Field(
            name,
            DevtoolsArrowTypes.Uint128,
            nullable: true,
            [new KeyValuePair<string, string>(DevtoolsArrowTypes.TypeMetadataKey, DevtoolsArrowTypes.Uint128TypeName)]))
    {
    }

    /// <inheritdoc/>
    public override int Length => _bytes.Count / Upid.ByteCount;

    /// <inheritdoc/>
    public override int NullCount => _nulls.NullCount;

    /// <inheritdoc/>
    public override long EstimatedBytes => _bytes.ByteCount + _nulls.ByteCount;

    /// <summary>Appends one upid.</summary>
    public void Append(Upid upid)
    {
        upid.WriteBigEndian(_bytes.GetSpan(Upid.ByteCount));
        _bytes.Advance(Upid.ByteCount);
        _nulls.MarkValid();
    }

    /// <inheritdoc/>
    public override void AppendNull()
    {
        _nulls.MarkNull(Length);
        _bytes.GetSpan(Upid.ByteCount)[..Upid.ByteCount].Clear();
        _bytes.Advance(Upid.ByteCount);
    }

    /// <inheritdoc/>
    public override void Clear()
    {
        _bytes.Clear();
        _nulls.Clear();
    }

    internal override IArrowArray CopyToArray() =>
        new FixedSizeBinaryArray(new ArrayData(
            DevtoolsArrowTypes.Uint128,
            Length,
            NullCount,
            offset: 0,
            [_nulls.ToArrowBuffer(), _bytes.ToArrowBuffer()],
            []));

    internal override void Truncate(int length)
    {
        _bytes.Truncate(length * Upid.ByteCount);
        _nulls.Truncate(length);
    }
}
