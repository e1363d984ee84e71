using System.Runtime.CompilerServices;
using Apache.Arrow;
using Apache.Arrow.Types;

namespace Devtools.Core.Storage.Columns;

/// <summary>A BOOLEAN column, bit-packed as Arrow stores it.</summary>
public sealed class BooleanColumn : ColumnBuilder
{
    private BitBuffer _values = new(0);
    private NullTracker _nulls;

    /// <summary>Creates an empty column for the field <paramref name="name"/>.</summary>
    public BooleanColumn(string name)
        : base(CreateField(name, BooleanType.Default))
    {
    }

    /// <inheritdoc/>
    public override int Length => _values.Length;

    /// <inheritdoc/>
    public override int NullCount => _nulls.NullCount;

    /// <inheritdoc/>
    public override long EstimatedBytes => _values.ByteCount + _nulls.ByteCount;

    /// <summary>Appends one value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Append(bool value)
    {
        _values.Append(value);
        _nulls.MarkValid();
    }

    /// <inheritdoc/>
    public override void AppendNull()
    {
        _nulls.MarkNull(_values.Length);
        _values.Append(false);
    }

    /// <inheritdoc/>
    public override void Clear()
    {
        _values.Clear();
        _nulls.Clear();
    }

    internal override IArrowArray CopyToArray() =>
        new BooleanArray(_values.ToArrowBuffer(), _nulls.ToArrowBuffer(), Length, NullCount, offset: 0);

    internal override void Truncate(int length)
    {
        _values.Truncate(length);
        _nulls.Truncate(length);
    }
}
