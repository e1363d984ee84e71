namespace Devtools.Core.Protocols.Redis;

/// <summary>What reading a bulk payload came to.</summary>
internal enum BulkStep : byte
{
    NeedMoreData,
    Done,
    Invalid,
}

/// <summary>
/// Reads the payload of a bulk string (or verbatim string, or bulk error) and its CRLF,
/// keeping only a prefix: the rest is counted, never buffered, and may be missing
/// (holes inside a payload are stepped over; the prefix stops at the first one).
/// </summary>
internal struct RedisBulkReader
{
    /// <summary>The payload's declared length.</summary>
    public long Length;

    /// <summary>Payload bytes still to come.</summary>
    public long Remaining;

    /// <summary>Payload bytes kept so far.</summary>
    public int Kept;

    /// <summary>Bytes of the closing CRLF seen (or stepped over).</summary>
    public int TerminatorSeen;

    /// <summary>Bytes of the payload were missing: the kept prefix ends there.</summary>
    public bool Gap;

    /// <summary>Bytes of this bulk still to come, CRLF included: what the driver can skip for us.</summary>
    public readonly long Rest => Remaining + 2 - TerminatorSeen;

    public void Begin(long length) => this = new RedisBulkReader { Length = length, Remaining = length };

    /// <summary>True when no more payload bytes will be kept: the prefix is full or broken by a gap.</summary>
    public readonly bool PrefixDone(int keepCapacity) => Gap || Kept >= keepCapacity;

    /// <summary>Reads from <paramref name="data"/> at <paramref name="pos"/>, keeping what fits in <paramref name="keep"/>.</summary>
    public BulkStep Read(ReadOnlySpan<byte> data, ref int pos, Span<byte> keep)
    {
        if (Remaining > 0)
        {
            int take = (int)Math.Min(data.Length - pos, Remaining);
            if (!Gap && Kept < keep.Length)
            {
                int n = Math.Min(take, keep.Length - Kept);
                data.Slice(pos, n).CopyTo(keep[Kept..]);
                Kept += n;
            }
            pos += take;
            Remaining -= take;
            if (Remaining > 0)
                return BulkStep.NeedMoreData;
        }
        while (TerminatorSeen < 2)
        {
            if (pos == data.Length)
                return BulkStep.NeedMoreData;
            if (data[pos] != (TerminatorSeen == 0 ? (byte)'\r' : (byte)'\n'))
                return BulkStep.Invalid;
            pos++;
            TerminatorSeen++;
        }
        return BulkStep.Done;
    }

    /// <summary>Steps over up to <paramref name="count"/> missing bytes of this bulk; returns how many.</summary>
    public long Absorb(long count)
    {
        long payload = Math.Min(count, Remaining);
        Remaining -= payload;
        if (payload > 0)
            Gap = true;
        long terminator = Remaining == 0 ? Math.Min(count - payload, 2 - TerminatorSeen) : 0;
        TerminatorSeen += (int)terminator;
        return payload + terminator;
    }
}
