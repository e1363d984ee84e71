using System.Buffers;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Unicode;
using Apache.Arrow;

namespace Devtools.Core.Storage.Columns;

/// <summary>
/// A STRING column (Arrow Utf8: int32 offsets + one byte buffer).
/// </summary>
/// <remarks>
/// <para>
/// Values always land as valid UTF-8: captured payloads can be arbitrary bytes, and readers such as
/// pyarrow and DuckDB reject a Utf8 column that is not. Invalid sequences become U+FFFD. Checking
/// is vectorised and costs little next to the copy.
/// </para>
/// <para>
/// Besides whole-value appends, the column is an <see cref="IBufferWriter{T}"/>: write one value in
/// pieces (for example with a reused <c>Utf8JsonWriter</c> reset onto this column), then call
/// <see cref="Commit"/> to end it. Nothing is copied through an intermediate buffer.
/// </para>
/// </remarks>
public sealed class Utf8Column : ColumnBuilder, IBufferWriter<byte>
{
    private ValueBuffer<int> _offsets = new(0);
    private ValueBuffer<byte> _bytes = new(0);
    private NullTracker _nulls;

    // End of the last committed value; bytes past it belong to a value still being written.
    private int _committedBytes;

    /// <summary>Creates an empty column for the field <paramref name="name"/>.</summary>
    public Utf8Column(string name)
        : base(CreateField(name, Apache.Arrow.Types.StringType.Default)) =>
        _offsets.Append(0);

    /// <inheritdoc/>
    public override int Length => _offsets.Count - 1;

    /// <inheritdoc/>
    public override int NullCount => _nulls.NullCount;

    /// <inheritdoc/>
    public override long EstimatedBytes => _bytes.ByteCount + _offsets.ByteCount + _nulls.ByteCount;

    /// <summary>Bytes written through <see cref="GetSpan"/>/<see cref="Advance"/> and not yet committed.</summary>
    public int PendingByteCount => _bytes.Count - _committedBytes;

    /// <summary>Appends one value given as UTF-8 bytes.</summary>
    public void Append(ReadOnlySpan<byte> utf8)
    {
        ThrowIfPending();
        if (IsShortAscii(utf8) || Utf8.IsValid(utf8))
        {
            _bytes.Append(utf8);
        }
        else
        {
            AppendReplacingInvalid(utf8);
        }

        EndValue();
    }

    /// <summary>
    /// Appends one value without checking it: for bytes valid UTF-8 by construction (text
    /// encoded by <see cref="Encoding.UTF8"/>), where the check would be a pass for nothing.
    /// </summary>
    public void AppendValidUtf8(ReadOnlySpan<byte> utf8)
    {
        ThrowIfPending();
        Debug.Assert(Utf8.IsValid(utf8), $"Column '{Field.Name}' was handed a value that is not valid UTF-8.");
        _bytes.Append(utf8);
        EndValue();
    }

    /// <summary>Appends one value, encoding it to UTF-8 in place (lone surrogates become U+FFFD).</summary>
    public void Append(ReadOnlySpan<char> text)
    {
        ThrowIfPending();

        // UTF-16 to UTF-8 never takes more than 3 bytes per char.
        Span<byte> destination = _bytes.GetSpan(checked(text.Length * 3));
        Utf8.FromUtf16(text, destination, out _, out int written, replaceInvalidSequences: true);
        _bytes.Advance(written);
        EndValue();
    }

    /// <summary>Appends one value; <see langword="null"/> appends a null.</summary>
    public void Append(string? text)
    {
        if (text is null)
        {
            AppendNull();
        }
        else
        {
            Append(text.AsSpan());
        }
    }

    /// <inheritdoc/>
    public override void AppendNull()
    {
        ThrowIfPending();
        _nulls.MarkNull(Length);
        _offsets.Append(_committedBytes);
    }

    /// <summary>Space to write part of the current value into; follow with <see cref="Advance"/>.</summary>
    public Span<byte> GetSpan(int sizeHint = 0) => _bytes.GetSpan(sizeHint);

    /// <summary>Space to write part of the current value into; follow with <see cref="Advance"/>.</summary>
    public Memory<byte> GetMemory(int sizeHint = 0) => _bytes.GetMemory(sizeHint);

    /// <summary>Marks <paramref name="count"/> bytes of the last span handed out as written.</summary>
    public void Advance(int count) => _bytes.Advance(count);

    /// <summary>Ends the value written in pieces; an empty value if nothing was written.</summary>
    public void Commit()
    {
        ReadOnlySpan<byte> pending = _bytes.Written[_committedBytes..];
        if (!Utf8.IsValid(pending))
        {
            byte[] copy = ArrayPool<byte>.Shared.Rent(pending.Length);
            int length = pending.Length;
            pending.CopyTo(copy);
            _bytes.Truncate(_committedBytes);
            AppendReplacingInvalid(copy.AsSpan(0, length));
            ArrayPool<byte>.Shared.Return(copy);
        }

        EndValue();
    }

    /// <summary>
    /// Ends the value written in pieces without checking it: for writers whose output is
    /// valid UTF-8 by construction (the header JSON escapes every byte that is not), where
    /// the check would cost a pass over every value for nothing.
    /// </summary>
    public void CommitValidUtf8()
    {
        Debug.Assert(Utf8.IsValid(_bytes.Written[_committedBytes..]), $"Column '{Field.Name}' was handed a value that is not valid UTF-8.");
        EndValue();
    }

    /// <summary>Throws away the bytes written for a value that will not be committed.</summary>
    public void DiscardPending() => _bytes.Truncate(_committedBytes);

    /// <inheritdoc/>
    public override void Clear()
    {
        _offsets.Clear();
        _offsets.Append(0);
        _bytes.Clear();
        _nulls.Clear();
        _committedBytes = 0;
    }

    internal override IArrowArray CopyToArray()
    {
        ThrowIfPending();
        return new StringArray(Length, _offsets.ToArrowBuffer(), _bytes.ToArrowBuffer(), _nulls.ToArrowBuffer(), NullCount, offset: 0);
    }

    internal override void Truncate(int length)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)length, (uint)Length, nameof(length));
        _committedBytes = _offsets.Written[length];
        _offsets.Truncate(length + 1);
        _bytes.Truncate(_committedBytes);
        _nulls.Truncate(length);
    }

    private void EndValue()
    {
        _committedBytes = _bytes.Count;
        _offsets.Append(_committedBytes);
        _nulls.MarkValid();
    }

    private void ThrowIfPending()
    {
        if (_bytes.Count != _committedBytes)
            ThrowPending();
    }

    // Out of line: the message formatting would otherwise weigh on every append.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ThrowPending() => throw new InvalidOperationException(
        $"Column '{Field.Name}' has {PendingByteCount} uncommitted bytes; call Commit() or DiscardPending() first.");

    /// <summary>
    /// Values of up to 16 ASCII bytes (methods, reason phrases, most paths): two overlapping
    /// word reads settle them as valid without a call into the validator.
    /// </summary>
    private static bool IsShortAscii(ReadOnlySpan<byte> value)
    {
        const ulong HighBits = 0x8080808080808080;
        ref byte start = ref MemoryMarshal.GetReference(value);
        int length = value.Length;
        if (length >= sizeof(ulong))
        {
            return length <= 2 * sizeof(ulong)
                && ((Unsafe.ReadUnaligned<ulong>(ref start) | Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref start, length - sizeof(ulong)))) & HighBits) == 0;
        }
        if (length >= sizeof(uint))
            return ((Unsafe.ReadUnaligned<uint>(ref start) | Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref start, length - sizeof(uint)))) & 0x80808080u) == 0;
        return length == 0 || ((start | Unsafe.Add(ref start, length / 2) | Unsafe.Add(ref start, length - 1)) & 0x80) == 0;
    }

    // Rare path (binary payloads): copy valid runs, turn each invalid sequence into U+FFFD.
    private void AppendReplacingInvalid(ReadOnlySpan<byte> source)
    {
        Span<byte> replacement = stackalloc byte[4];
        int replacementLength = Rune.ReplacementChar.EncodeToUtf8(replacement);
        while (!source.IsEmpty)
        {
            OperationStatus status = Rune.DecodeFromUtf8(source, out _, out int consumed);
            _bytes.Append(status == OperationStatus.Done ? source[..consumed] : replacement[..replacementLength]);
            source = source[consumed..];
        }
    }
}
