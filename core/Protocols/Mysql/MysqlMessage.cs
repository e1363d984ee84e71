using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using Devtools.Core.Connections;

namespace Devtools.Core.Protocols.Mysql;

/// <summary>
/// One MySQL request (a command) or one whole response (every packet up to the final OK,
/// EOF or ERR of the last result set). The parsers keep only what a record shows: for a
/// request the command and its text (the query, with a prepared statement's parameters
/// filled in for COM_STMT_EXECUTE); for a response its status and a short summary. Both
/// live in one pooled buffer, bounded, so a message costs one pool rental and no allocation.
/// </summary>
public struct MysqlMessage : IFrame
{
    internal byte[]? Buffer;
    internal int TextLength;
    internal int TextCapacity;

    internal MessageKind MessageKind;
    internal MysqlCommand CommandByte;
    internal MysqlResponseStatus ResponseStatus;

    /// <summary>The text was cut at its bound.</summary>
    internal bool Truncated;

    /// <summary>Payload bytes of all packets of the message.</summary>
    internal long PayloadBytes;

    internal uint StmtId;
    internal ushort Error;
    internal int ResultCount;
    internal long RowCount;
    internal int ColumnCount;
    internal ulong Affected;
    internal ulong InsertId;

    public long StartNs { get; set; }

    public long EndNs { get; set; }

    public readonly MessageKind Kind => MessageKind;

    /// <summary>The command of a request; for a response, the command it answers when known (else Sleep, 0).</summary>
    public readonly MysqlCommand Command => CommandByte;

    /// <summary>A request's text (req_body) or a response's summary (resp_body), UTF-8, bounded.</summary>
    public readonly ReadOnlySpan<byte> Text => Buffer is null ? default : Buffer.AsSpan(0, TextLength);

    /// <summary>The text was longer than its bound and was cut.</summary>
    public readonly bool IsTruncated => Truncated;

    /// <summary>A response's status; Unknown for a request.</summary>
    public readonly MysqlResponseStatus Status => ResponseStatus;

    /// <summary>The true size of the message's payloads (packet headers excluded), kept or not.</summary>
    public readonly long PayloadSize => PayloadBytes;

    /// <summary>The statement id of a COM_STMT_* request, or of a COM_STMT_PREPARE response.</summary>
    public readonly uint StatementId => StmtId;

    /// <summary>The error code of an ERR response; 0 otherwise.</summary>
    public readonly int ErrorCode => Error;

    /// <summary>Results in the response: 1, or more when SERVER_MORE_RESULTS_EXISTS chained them.</summary>
    public readonly int Results => ResultCount;

    /// <summary>Rows of all result sets of the response.</summary>
    public readonly long Rows => RowCount;

    /// <summary>Columns of the last result set (or of a prepared statement).</summary>
    public readonly int Columns => ColumnCount;

    /// <summary>Affected rows of the last OK packet.</summary>
    public readonly ulong AffectedRows => Affected;

    /// <summary>Last insert id of the last OK packet.</summary>
    public readonly ulong LastInsertId => InsertId;

    public void Release()
    {
        if (Buffer is not null)
            ArrayPool<byte>.Shared.Return(Buffer);
        this = default;
    }

    /// <summary>Bytes of text that can still be written.</summary>
    internal readonly int TextRoom => TextCapacity - TextLength;

    /// <summary>Starts the text with room for <paramref name="capacity"/> bytes (rented on first use).</summary>
    internal void ReserveText(int capacity)
    {
        if (Buffer is not null && Buffer.Length >= capacity)
        {
            TextCapacity = Math.Max(TextCapacity, capacity);
            return;
        }
        byte[] bigger = ArrayPool<byte>.Shared.Rent(capacity);
        if (Buffer is not null)
        {
            Buffer.AsSpan(0, TextLength).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(Buffer);
        }
        Buffer = bigger;
        TextCapacity = capacity;
    }

    /// <summary>Appends what fits of <paramref name="bytes"/>; marks the text truncated when not all of it did.</summary>
    internal void Append(scoped ReadOnlySpan<byte> bytes)
    {
        int room = TextRoom;
        if (bytes.Length > room)
        {
            Truncated = true;
            bytes = bytes[..Utf8Boundary(bytes, room)];
        }
        if (bytes.IsEmpty)
            return;
        bytes.CopyTo(Buffer.AsSpan(TextLength));
        TextLength += bytes.Length;
    }

    internal void Append(byte value)
    {
        if (TextRoom < 1)
        {
            Truncated = true;
            return;
        }
        Buffer![TextLength++] = value;
    }

    internal void Append(long value)
    {
        Span<byte> digits = stackalloc byte[20];
        Utf8Formatter.TryFormat(value, digits, out int written);
        Append(digits[..written]);
    }

    internal void Append(ulong value)
    {
        Span<byte> digits = stackalloc byte[20];
        Utf8Formatter.TryFormat(value, digits, out int written);
        Append(digits[..written]);
    }

    internal void Append(double value)
    {
        Span<byte> digits = stackalloc byte[32];
        if (value.TryFormat(digits, out int written, default, CultureInfo.InvariantCulture))
            Append(digits[..written]);
    }

    /// <summary>Appends <paramref name="value"/> as at least <paramref name="width"/> digits (dates and times).</summary>
    internal void AppendPadded(long value, int width)
    {
        Span<byte> digits = stackalloc byte[20];
        Utf8Formatter.TryFormat(value, digits, out int written, new StandardFormat('D', (byte)Math.Clamp(width, 1, 19)));
        Append(digits[..written]);
    }

    /// <summary>The longest prefix of <paramref name="bytes"/> of at most <paramref name="limit"/> bytes that does not split a UTF-8 sequence.</summary>
    private static int Utf8Boundary(ReadOnlySpan<byte> bytes, int limit)
    {
        if (limit <= 0)
            return 0;
        int end = limit;
        // Step back over continuation bytes (10xxxxxx), at most three, to a sequence start.
        for (int back = 0; back < 3 && end > 0 && (bytes[end] & 0xC0) == 0x80; back++)
            end--;
        return end;
    }
}
