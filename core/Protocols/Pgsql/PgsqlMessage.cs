using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Devtools.Core.Protocols.Pgsql;

/// <summary>
/// One PostgreSQL message that matters for pairing (Query, Parse, Bind, Execute, Sync …
/// from the client; ParseComplete, CommandComplete, ErrorResponse, ReadyForQuery … from
/// the server). The messages that only carry data (DataRow, CopyData) or only acknowledge
/// (ParseComplete, BindComplete, CloseComplete, RowDescription, NoData) are folded into
/// the frame that follows them: they are counted, never kept. The payload's first bytes
/// (up to a per-type limit) live inside the frame when short (command tags, portal names)
/// or else in one pooled buffer.
/// </summary>
public struct PgsqlMessage : IFrame
{
    /// <summary>Payloads this short are kept inside the frame: no pool rental.</summary>
    internal const int InlineCapacity = 32;

    internal byte[]? Buffer;
    internal int Kept;
    private InlineBytes _inline;

    /// <summary>The payload's length as declared by the message (without type byte and length field).</summary>
    internal int PayloadLength;

    /// <summary>DataRow messages folded into this frame (the rows of a result).</summary>
    internal int Rows;

    /// <summary>Other messages folded into this frame (CopyData, notices …).</summary>
    internal int FoldedMessages;

    /// <summary>ParseComplete messages folded into this frame, not yet handed to their Parse.</summary>
    internal int ParseAcks;

    /// <summary>BindComplete messages folded into this frame, not yet handed to their Bind.</summary>
    internal int BindAcks;

    /// <summary>CloseComplete messages folded into this frame, not yet handed to their Close.</summary>
    internal int CloseAcks;

    /// <summary>RowDescription or NoData messages (a Describe's last answer) folded into this frame.</summary>
    internal int DescribeAcks;

    /// <summary>Acknowledgements folded in ahead of the frame's own message, still to be handed out.</summary>
    internal readonly bool HasAcks => (ParseAcks | BindAcks | CloseAcks | DescribeAcks) != 0;

    internal void ClearAcks()
    {
        ParseAcks = 0;
        BindAcks = 0;
        CloseAcks = 0;
        DescribeAcks = 0;
    }

    internal byte MessageTag;

    public long StartNs { get; set; }

    public long EndNs { get; set; }

    /// <summary>The message type byte.</summary>
    public readonly byte Tag => MessageTag;

    /// <summary>The kept prefix of the payload (valid while this frame, not a copy of it, lives).</summary>
    [UnscopedRef]
    public readonly ReadOnlySpan<byte> Payload => Buffer is null ? ((ReadOnlySpan<byte>)_inline)[..Kept] : Buffer.AsSpan(0, Kept);

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
        if (keep > InlineCapacity && (Buffer is null || Buffer.Length < keep))
        {
            if (Buffer is not null)
                ArrayPool<byte>.Shared.Return(Buffer);
            Buffer = ArrayPool<byte>.Shared.Rent(keep);
        }
    }

    internal void Keep(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(Buffer is null ? ((Span<byte>)_inline)[Kept..] : Buffer.AsSpan(Kept));
        Kept += bytes.Length;
    }

    [InlineArray(InlineCapacity)]
    private struct InlineBytes
    {
        private byte _first;
    }
}
