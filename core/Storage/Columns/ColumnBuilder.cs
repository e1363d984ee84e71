using Apache.Arrow;

namespace Devtools.Core.Storage.Columns;

/// <summary>
/// Builds one Arrow array for one column, row by row. Unlike Arrow's own builders these keep
/// their scratch buffers across batches, so the append path allocates nothing once warmed up.
/// </summary>
public abstract class ColumnBuilder
{
    private protected ColumnBuilder(Field field) => Field = field;

    /// <summary>The schema field this column fills (name, Arrow type, metadata).</summary>
    public Field Field { get; }

    /// <summary>Number of values appended since the last <see cref="Build"/> or <see cref="Clear"/>.</summary>
    public abstract int Length { get; }

    /// <summary>Number of those values that are null.</summary>
    public abstract int NullCount { get; }

    /// <summary>Bytes the built array will hold (values, offsets, validity).</summary>
    public abstract long EstimatedBytes { get; }

    /// <summary>Appends a null value.</summary>
    public abstract void AppendNull();

    /// <summary>
    /// Returns an immutable array of everything appended and starts a fresh, empty column. The
    /// array owns exact-size copies of the data; the builder keeps its scratch space for reuse.
    /// </summary>
    public IArrowArray Build()
    {
        IArrowArray array = CopyToArray();
        Clear();
        return array;
    }

    /// <summary>Forgets every appended value, keeping the scratch space.</summary>
    public abstract void Clear();

    /// <summary>An immutable array of the values appended so far, leaving them in the builder.</summary>
    internal abstract IArrowArray CopyToArray();

    /// <summary>Drops values past <paramref name="length"/> (an abandoned, half-written row).</summary>
    internal abstract void Truncate(int length);

    private protected static Field CreateField(string name, Apache.Arrow.Types.IArrowType type) =>
        new(name, type, nullable: true);
}
