using System.Runtime.CompilerServices;
using Apache.Arrow;
using Apache.Arrow.Types;

namespace Devtools.Core.Storage.Columns;

/// <summary>An INT64 column.</summary>
public sealed class Int64Column : ColumnBuilder
{
    private ValueBuffer<long> _values = new(0);
    private NullTracker _nulls;

    /// <summary>Creates an empty column for the field <paramref name="name"/>.</summary>
    public Int64Column(string name)
        : base(CreateField(name, Int64Type.Default))
    {
    }

    /// <inheritdoc/>
    public override int Length => _values.Count;

    /// <inheritdoc/>
    public override int NullCount => _nulls.NullCount;

    /// <inheritdoc/>
    public override long EstimatedBytes => _values.ByteCount + _nulls.ByteCount;

    /// <summary>Appends one value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Append(long value)
    {
        _values.Append(value);
        _nulls.MarkValid();
    }

    /// <inheritdoc/>
    public override void AppendNull()
    {
        _nulls.MarkNull(_values.Count);
        _values.Append(0);
    }

    /// <inheritdoc/>
    public override void Clear()
    {
        _values.Clear();
        _nulls.Clear();
    }

    internal override IArrowArray CopyToArray() =>
        new Int64Array(_values.ToArrowBuffer(), _nulls.ToArrowBuffer(), Length, NullCount, offset: 0);

    internal override void Truncate(int length)
    {
        _values.Truncate(length);
        _nulls.Truncate(length);
    }
}
