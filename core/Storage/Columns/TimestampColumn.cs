using System.Runtime.CompilerServices;
using Apache.Arrow;

namespace Devtools.Core.Storage.Columns;

/// <summary>
/// A TIME64NS column: nanoseconds since the Unix epoch. Arrow's TimestampArray.Builder only takes
/// DateTimeOffset, which has 100 ns resolution, so this writes the raw int64 values instead.
/// </summary>
public sealed class TimestampColumn : ColumnBuilder
{
    private ValueBuffer<long> _values = new(0);
    private NullTracker _nulls;

    /// <summary>Creates an empty column for the field <paramref name="name"/>.</summary>
    public TimestampColumn(string name)
        : base(CreateField(name, DevtoolsArrowTypes.Time64Ns))
    {
    }

    /// <inheritdoc/>
    public override int Length => _values.Count;

    /// <inheritdoc/>
    public override int NullCount => _nulls.NullCount;

    /// <inheritdoc/>
    public override long EstimatedBytes => _values.ByteCount + _nulls.ByteCount;

    /// <summary>Appends one timestamp in nanoseconds since the Unix epoch.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Append(long unixNanos)
    {
        _values.Append(unixNanos);
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

    /// <summary>
    /// Smallest and largest non-null timestamp appended so far; (long.MaxValue, long.MinValue)
    /// when there is none, so an empty range overlaps no query.
    /// </summary>
    internal (long Min, long Max) MinMax()
    {
        ReadOnlySpan<long> values = _values.Written;
        long min = long.MaxValue;
        long max = long.MinValue;
        bool hasNulls = _nulls.NullCount != 0;
        for (int i = 0; i < values.Length; i++)
        {
            if (hasNulls && _nulls.IsNull(i))
            {
                continue;
            }

            min = Math.Min(min, values[i]);
            max = Math.Max(max, values[i]);
        }

        return (min, max);
    }

    internal override IArrowArray CopyToArray() =>
        new TimestampArray(DevtoolsArrowTypes.Time64Ns, _values.ToArrowBuffer(), _nulls.ToArrowBuffer(), Length, NullCount, offset: 0);

    internal override void Truncate(int length)
    {
        _values.Truncate(length);
        _nulls.Truncate(length);
    }
}
