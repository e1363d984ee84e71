using System.Text;
using Devtools.Core.Protocols.Dns;

namespace Devtools.Core.Tests.Protocols.Dns;

/// <summary>Names in wire format: compression is followed, bounded, and never loops.</summary>
public sealed class DnsNameTests
{
    /// <summary>A 12-byte header followed by <paramref name="body"/>.</summary>
    private static byte[] Message(params byte[] body) => [.. new byte[12], .. body];

    private static (DnsNameStatus Status, string Text, int End) Format(byte[] message, int offset)
    {
        byte[] buffer = new byte[DnsName.MaxPresentationLength];
        DnsNameStatus status = DnsName.Format(message, offset, buffer, out int written, out int end);
        return (status, Encoding.ASCII.GetString(buffer, 0, written), end);
    }

    [Fact]
    public void A_compressed_name_is_followed_through_its_pointers()
    {
        // 12: www.example.com   29: mail + ptr(16)   36: x + ptr(29)
        byte[] m = Message(
        [
            3, (byte)'w', (byte)'w', (byte)'w', 7, .. "example"u8, 3, .. "com"u8, 0,
            4, .. "mail"u8, 0xC0, 16,
            1, (byte)'x', 0xC0, 29,
        ]);
        Assert.Equal((DnsNameStatus.Ok, "www.example.com", 29), Format(m, 12));
        Assert.Equal((DnsNameStatus.Ok, "mail.example.com", 36), Format(m, 29));
        Assert.Equal((DnsNameStatus.Ok, "x.mail.example.com", 40), Format(m, 36));
    }

    [Fact]
    public void A_pointer_to_itself_is_malformed()
    {
        Assert.Equal(DnsNameStatus.Malformed, Format(Message(0xC0, 12), 12).Status);
    }

    [Fact]
    public void A_loop_through_labels_is_malformed()
    {
        // 12: a, then a pointer back to 12: each jump lands where the last one began.
        Assert.Equal(DnsNameStatus.Malformed, Format(Message(1, (byte)'a', 0xC0, 12), 12).Status);
    }

    [Fact]
    public void A_forward_pointer_is_malformed()
    {
        Assert.Equal(DnsNameStatus.Malformed, Format(Message(0xC0, 16, 0, 0, 1, (byte)'a', 0), 12).Status);
    }

    [Fact]
    public void A_pointer_into_the_header_is_malformed()
    {
        Assert.Equal(DnsNameStatus.Malformed, Format(Message(1, (byte)'a', 0xC0, 4), 12).Status);
    }

    [Fact]
    public void Reserved_label_types_are_malformed()
    {
        Assert.Equal(DnsNameStatus.Malformed, Format(Message(0x41, 0), 12).Status);
        Assert.Equal(DnsNameStatus.Malformed, Format(Message(0x81, 0), 12).Status);
    }

    [Fact]
    public void Names_over_255_octets_are_malformed_even_through_pointers()
    {
        var body = new List<byte>();
        for (int i = 0; i < 4; i++)
        {
            body.Add(63);
            body.AddRange(Enumerable.Repeat((byte)'a', 63));
        }
        body.Add(0);
        Assert.Equal(DnsNameStatus.Malformed, Format(Message([.. body]), 12).Status);

        // 200 octets, then a name of 100 that points to them: 300 in all.
        var chained = new List<byte>();
        for (int i = 0; i < 4; i++)
        {
            chained.Add(49);
            chained.AddRange(Enumerable.Repeat((byte)'b', 49));
        }
        chained.Add(0);
        int second = 12 + chained.Count;
        chained.Add(99);
        chained.AddRange(Enumerable.Repeat((byte)'c', 99));
        chained.AddRange([0xC0, 12]);
        Assert.Equal(DnsNameStatus.Ok, Format(Message([.. chained]), 12).Status);
        Assert.Equal(DnsNameStatus.Malformed, Format(Message([.. chained]), second).Status);
    }

    [Fact]
    public void A_long_chain_of_pointers_ends()
    {
        // Each name is one label and a pointer to the previous one: 120 hops, 240 octets.
        var body = new List<byte> { 1, (byte)'z', 0 };
        int previous = 12;
        for (int i = 0; i < 120; i++)
        {
            int here = 12 + body.Count;
            body.AddRange([1, (byte)'y', (byte)(0xC0 | (previous >> 8)), (byte)previous]);
            previous = here;
        }
        (DnsNameStatus status, string text, _) = Format(Message([.. body]), previous);
        Assert.Equal(DnsNameStatus.Ok, status);
        Assert.Equal(string.Concat(Enumerable.Repeat("y.", 120)) + "z", text);
    }

    [Fact]
    public void A_name_cut_short_is_incomplete()
    {
        Assert.Equal(DnsNameStatus.Incomplete, Format(Message(7, (byte)'e', (byte)'x'), 12).Status);
        Assert.Equal(DnsNameStatus.Incomplete, Format(Message(1, (byte)'a'), 12).Status);
        Assert.Equal(DnsNameStatus.Incomplete, Format(Message(0xC0), 12).Status);
    }

    [Fact]
    public void Case_does_not_change_the_hash()
    {
        byte[] lower = Message([7, .. "example"u8, 0]);
        byte[] upper = Message([7, .. "ExAmPlE"u8, 0]);
        byte[] other = Message([7, .. "exampld"u8, 0]);
        DnsName.Hash(lower, 12, out ulong a, out _);
        DnsName.Hash(upper, 12, out ulong b, out _);
        DnsName.Hash(other, 12, out ulong c, out _);
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Ipv6_text_matches_IPAddress()
    {
        string[] addresses = ["::", "::1", "fd00::5", "2001:db8::1", "2001:db8:0:0:1:0:0:1", "1:0:0:2:0:0:0:3", "::ffff:10.1.2.3", "::10.1.2.3", "fe80::1:2:3:4", "1:2:3:4:5:6:7:8", "0:0:0:0:ffff:0:1.2.3.4", "::ffff:0:0"];
        byte[] text = new byte[DnsAddressText.MaxLength];
        foreach (string address in addresses)
        {
            var ip = System.Net.IPAddress.Parse(address);
            int written = DnsAddressText.FormatIPv6(ip.GetAddressBytes(), text);
            Assert.Equal(ip.ToString(), Encoding.ASCII.GetString(text, 0, written));
        }
    }
}
