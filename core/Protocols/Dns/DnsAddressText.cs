using System.Buffers;
using System.Buffers.Binary;
using System.Buffers.Text;

namespace Devtools.Core.Protocols.Dns;

/// <summary>
/// IP addresses of A and AAAA records as text, written into a span (a row must not allocate):
/// dotted quads, and IPv6 the way RFC 5952 and .NET's IPAddress.ToString write it.
/// </summary>
internal static class DnsAddressText
{
    /// <summary>Room for the longest IPv6 text ("ffff:ffff:...:255.255.255.255").</summary>
    public const int MaxLength = 46;

    public static int FormatIPv4(ReadOnlySpan<byte> address, Span<byte> destination)
    {
        int position = 0;
        for (int i = 0; i < 4; i++)
        {
            if (i > 0)
                destination[position++] = (byte)'.';
            Utf8Formatter.TryFormat(address[i], destination[position..], out int written);
            position += written;
        }
        return position;
    }

    public static int FormatIPv6(ReadOnlySpan<byte> address, Span<byte> destination)
    {
        Span<ushort> words = stackalloc ushort[8];
        for (int i = 0; i < 8; i++)
            words[i] = BinaryPrimitives.ReadUInt16BigEndian(address[(i * 2)..]);

        bool embeddedIPv4 = words[0] == 0 && words[1] == 0 && words[2] == 0 && words[3] == 0 && words[6] != 0
            && ((words[4] == 0 && words[5] is 0 or 0xFFFF) || (words[4] == 0xFFFF && words[5] == 0));
        int hexWords = embeddedIPv4 ? 6 : 8;

        // The longest run of two or more zero words (the first of equals) becomes "::".
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < hexWords;)
        {
            if (words[i] != 0)
            {
                i++;
                continue;
            }
            int start = i;
            while (i < hexWords && words[i] == 0)
                i++;
            if (i - start > bestLength)
            {
                bestStart = start;
                bestLength = i - start;
            }
        }

        int position = 0;
        for (int i = 0; i < hexWords; i++)
        {
            if (i == bestStart)
            {
                destination[position++] = (byte)':';
                destination[position++] = (byte)':';
                i += bestLength - 1;
                continue;
            }
            if (i > 0 && i != bestStart + bestLength)
                destination[position++] = (byte)':';
            Utf8Formatter.TryFormat(words[i], destination[position..], out int written, new StandardFormat('x'));
            position += written;
        }
        if (embeddedIPv4)
        {
            if (bestStart + bestLength != hexWords)
                destination[position++] = (byte)':';
            position += FormatIPv4(address[12..], destination[position..]);
        }
        return position;
    }
}
