namespace Devtools.Core.Protocols.Dns;

/// <summary>Why a name could not be read.</summary>
internal enum DnsNameStatus : byte
{
    Ok,

    /// <summary>The bytes end inside the name (a message cut short).</summary>
    Incomplete,

    /// <summary>Not a valid name: bad label type, pointer loop or forward pointer, longer than 255 octets.</summary>
    Malformed,
}

/// <summary>Receives the labels of a name, in order, as <see cref="DnsName.Read"/> walks it.</summary>
internal interface IDnsLabelSink
{
    void Label(ReadOnlySpan<byte> label);
}

/// <summary>
/// Domain names in wire format (RFC 1035 §3.1, §4.1.4): length-prefixed labels ending with
/// the root's empty label, or with a compression pointer to the rest of the name earlier in
/// the message.
/// </summary>
/// <remarks>
/// Hostile input cannot make a read loop or run long: every pointer must point before the
/// labels that led to it (so targets strictly decrease, which rules out loops and forward
/// pointers alike), and a name is at most 255 octets however it is compressed.
/// </remarks>
internal static class DnsName
{
    /// <summary>Longest name in wire format, length octets and root included.</summary>
    public const int MaxWireLength = 255;

    /// <summary>Room a name needs in presentation format: every octet escaped as \DDD.</summary>
    public const int MaxPresentationLength = MaxWireLength * 4;

    private const int PointerMask = 0xC0;

    /// <summary>
    /// Reads the name at <paramref name="offset"/> of <paramref name="message"/> (offsets in
    /// pointers are from the message start), following pointers, and hands each label to
    /// <paramref name="sink"/>. <paramref name="end"/> is where the name ends in place:
    /// after its terminating root label or after its first pointer.
    /// </summary>
    public static DnsNameStatus Read<TSink>(ReadOnlySpan<byte> message, int offset, ref TSink sink, out int end)
        where TSink : struct, IDnsLabelSink, allows ref struct
    {
        end = -1;
        int position = offset;
        int segmentStart = offset;
        int wireLength = 0;
        while (true)
        {
            if ((uint)position >= (uint)message.Length)
                return DnsNameStatus.Incomplete;
            int length = message[position];
            if ((length & PointerMask) == PointerMask)
            {
                if (position + 1 >= message.Length)
                    return end < 0 ? DnsNameStatus.Incomplete : DnsNameStatus.Malformed;
                int target = ((length & 0x3F) << 8) | message[position + 1];
                if (target >= segmentStart || target < DnsHeader.Size)
                    return DnsNameStatus.Malformed;
                if (end < 0)
                    end = position + 2;
                position = segmentStart = target;
                continue;
            }
            if ((length & PointerMask) != 0)
                return DnsNameStatus.Malformed;
            wireLength += length + 1;
            if (wireLength > MaxWireLength)
                return DnsNameStatus.Malformed;
            if (length == 0)
            {
                if (end < 0)
                    end = position + 1;
                return DnsNameStatus.Ok;
            }
            if (position + 1 + length > message.Length)
                return DnsNameStatus.Incomplete;
            sink.Label(message.Slice(position + 1, length));
            position += 1 + length;
        }
    }

    /// <summary>Checks the name at <paramref name="offset"/> whole (pointers followed) without looking at its labels.</summary>
    public static DnsNameStatus Validate(ReadOnlySpan<byte> message, int offset, out int end)
    {
        var none = default(NoLabels);
        return Read(message, offset, ref none, out end);
    }

    /// <summary>
    /// Steps over the name at <paramref name="offset"/> without following its pointer (the
    /// fast walk over records): checks label types and lengths. A pointer takes two bytes
    /// wherever it points, so a bad one spoils its name, not the records after it; reading
    /// the name (<see cref="Format"/>, <see cref="Validate"/>) tells.
    /// </summary>
    public static DnsNameStatus Skip(ReadOnlySpan<byte> message, int offset, out int end)
    {
        end = -1;
        int position = offset;
        int wireLength = 0;
        while (true)
        {
            if ((uint)position >= (uint)message.Length)
                return DnsNameStatus.Incomplete;
            int length = message[position];
            if ((length & PointerMask) == PointerMask)
            {
                if (position + 1 >= message.Length)
                    return DnsNameStatus.Incomplete;
                end = position + 2;
                return DnsNameStatus.Ok;
            }
            if ((length & PointerMask) != 0)
                return DnsNameStatus.Malformed;
            wireLength += length + 1;
            if (wireLength > MaxWireLength)
                return DnsNameStatus.Malformed;
            position += 1 + length;
            if (length == 0)
            {
                end = position;
                return DnsNameStatus.Ok;
            }
        }
    }

    /// <summary>
    /// Writes the name at <paramref name="offset"/> in presentation format ("www.example.com",
    /// "." for the root; '.' and '\' inside a label escaped with '\', other octets outside
    /// printable ASCII as \DDD) into <paramref name="destination"/>, which must hold
    /// <see cref="MaxPresentationLength"/> bytes.
    /// </summary>
    public static DnsNameStatus Format(ReadOnlySpan<byte> message, int offset, Span<byte> destination, out int written, out int end)
    {
        var writer = new PresentationWriter(destination);
        DnsNameStatus status = Read(message, offset, ref writer, out end);
        if (writer.Position == 0 && destination.Length > 0)
            destination[writer.Position++] = (byte)'.';
        written = writer.Position;
        return status;
    }

    /// <summary>A 64-bit hash of the name, ignoring ASCII case (names compare case-insensitively; resolvers randomise case).</summary>
    public static DnsNameStatus Hash(ReadOnlySpan<byte> message, int offset, out ulong hash, out int end)
    {
        var hasher = new CaseInsensitiveHasher(Fnv.OffsetBasis);
        DnsNameStatus status = Read(message, offset, ref hasher, out end);
        hash = hasher.Value;
        return status;
    }

    private struct NoLabels : IDnsLabelSink
    {
        public readonly void Label(ReadOnlySpan<byte> label)
        {
        }
    }

    private struct CaseInsensitiveHasher(ulong seed) : IDnsLabelSink
    {
        public ulong Value = seed;

        public void Label(ReadOnlySpan<byte> label)
        {
            ulong hash = Fnv.Add(Value, (byte)label.Length);
            foreach (byte b in label)
                hash = Fnv.Add(hash, b is >= (byte)'A' and <= (byte)'Z' ? (byte)(b | 0x20) : b);
            Value = hash;
        }
    }

    private ref struct PresentationWriter(Span<byte> destination) : IDnsLabelSink
    {
        private readonly Span<byte> _destination = destination;
        public int Position;

        public void Label(ReadOnlySpan<byte> label)
        {
            // A name is at most 255 octets, so MaxPresentationLength always suffices;
            // the checks only keep a too-small destination from throwing.
            if (Position > 0)
                Put((byte)'.');
            foreach (byte b in label)
            {
                if (b is (byte)'.' or (byte)'\\')
                {
                    Put((byte)'\\');
                    Put(b);
                }
                else if (b is > 0x20 and < 0x7F)
                {
                    Put(b);
                }
                else
                {
                    Put((byte)'\\');
                    Put((byte)('0' + (b / 100)));
                    Put((byte)('0' + (b / 10 % 10)));
                    Put((byte)('0' + (b % 10)));
                }
            }
        }

        private void Put(byte b)
        {
            if (Position < _destination.Length)
                _destination[Position++] = b;
        }
    }
}

/// <summary>64-bit FNV-1a, for keys that must not allocate.</summary>
internal static class Fnv
{
    public const ulong OffsetBasis = 14695981039346656037;

    private const ulong Prime = 1099511628211;

    public static ulong Add(ulong hash, byte value) => (hash ^ value) * Prime;

    public static ulong Add(ulong hash, ushort value) => Add(Add(hash, (byte)(value >> 8)), (byte)value);
}
