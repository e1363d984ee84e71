using System.Buffers;

namespace Devtools.Core.Protocols.Pgsql;

/// <summary>
/// One PostgreSQL message that matters for pairing (Query, Parse, Bind, Execute, Sync …
/// from the client; ParseComplete, CommandComplete, ErrorResponse, ReadyForQuery … from
/// the server). The messages that only carry data (DataRow, CopyData) are folded into the
/// frame that follows them: they are counted, never kept. The payload's first bytes
/// (up to a per-type limit) live in one pooled buffer.
/// </summary>
public struct PgsqlMessage : IFrame
{
    internal byte[]? Buffer;
    internal int Kept;

    /// <summary>The payload's length as declared by the message (without type byte and length field).</summary>
    internal int PayloadLength;

    /// <summary>DataRow messages folded into this frame (the rows of a result).</summary>
    internal int Rows;

    /// <summary>Other messages folded into this frame (CopyData, notices …).</summary>
    internal int FoldedMessages;

    internal byte MessageTag;

    public long StartNs { get; set; }

    public long EndNs { get; set; }

    /// <summary>The message type byte.</summary>
    public readonly byte Tag => MessageTag;

    /// <summary>The kept prefix of the payload.</summary>
    public readonly ReadOnlySpan<byte> Payload => Buffer is null ? default : Buffer.AsSpan(0, Kept);

    /// <summary>True when only a prefix of the payload was kept.</summary>
    public readonly bool IsTruncated => Kept < PayloadLength;

    public void Release()
    {
        if (Buffer is not null)
            ArrayPool<byte>.Shared.Return(Buffer);
        this = default;
    }

    /// <summary>Starts a frame for a message whose payload prefix of <paramref name="keep"/> bytes will be kept.</summary>
    internal void Begin(byte tag, int payloadLength, int keep)
    {
        MessageTag = tag;
        PayloadLength = payloadLength;
        Kept = 0;
        if (keep > 0 && (Buffer is null || Buffer.Length < keep))
        {
            if (Buffer is not null)
                ArrayPool<byte>.Shared.Return(Buffer);
            Buffer = ArrayPool<byte>.Shared.Rent(keep);
        }
    }

    internal void Keep(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(Buffer.AsSpan(Kept));
        Kept += bytes.Length;
    }
}
