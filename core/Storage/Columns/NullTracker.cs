using System.Runtime.CompilerServices;
using Apache.Arrow;

namespace Devtools.Core.Storage.Columns;

/// <summary>
/// A column's validity bitmap, materialised only once the first null is appended. Captured data
/// rarely has nulls, so the common append costs one predictable branch and Arrow gets an empty
/// bitmap meaning "all valid".
/// </summary>
internal struct NullTracker
{
    private BitBuffer _validity;
    private bool _hasNulls;

    public readonly int NullCount => _hasNulls ? _validity.Length - _validity.SetCount : 0;

    public readonly long ByteCount => _hasNulls ? _validity.ByteCount : 0;

    public readonly bool IsNull(int index) => _hasNulls && !_validity[index];

    /// <summary>Records that the value just appended is set.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void MarkValid()
    {
        if (_hasNulls)
        {
            _validity.Append(true);
        }
    }

    /// <summary>Records a null; <paramref name="index"/> is the column's length before the append.</summary>
    public void MarkNull(int index)
    {
        if (!_hasNulls)
        {
            if (_validity.IsUnallocated)
            {
                _validity = new BitBuffer(index + 1);
            }

            _validity.Clear();
            _validity.AppendMany(true, index);
            _hasNulls = true;
        }

        _validity.Append(false);
    }

    public void Truncate(int length)
    {
        if (_hasNulls)
        {
            _validity.Truncate(length);
        }
    }

    public void Clear()
    {
        // Drop back to "no nulls" so the next batch pays nothing unless it has nulls too; keep the
        // bitmap's storage for that case.
        _validity.Clear();
        _hasNulls = false;
    }

    public readonly ArrowBuffer ToArrowBuffer() => _hasNulls ? _validity.ToArrowBuffer() : ArrowBuffer.Empty;
}
