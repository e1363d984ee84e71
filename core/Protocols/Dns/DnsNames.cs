using System.Buffers.Text;

namespace Devtools.Core.Protocols.Dns;

/// <summary>Mnemonics of record types, classes and response codes, as dig and the RFCs spell them.</summary>
internal static class DnsNames
{
    /// <summary>Room for any mnemonic or "TYPE65535".</summary>
    public const int MaxLength = 16;

    /// <summary>The type's mnemonic ("AAAA"), or "TYPE" and its number for types without one (RFC 3597).</summary>
    public static int FormatType(ushort type, Span<byte> destination) => Format(TypeMnemonic(type), "TYPE"u8, type, destination);

    /// <summary>The class's mnemonic ("IN"), or "CLASS" and its number.</summary>
    public static int FormatClass(ushort rclass, Span<byte> destination) => Format(ClassMnemonic(rclass), "CLASS"u8, rclass, destination);

    /// <summary>The response code's mnemonic ("NXDOMAIN"), or "RCODE" and its number.</summary>
    public static int FormatRcode(int rcode, Span<byte> destination) => Format(RcodeMnemonic(rcode), "RCODE"u8, rcode, destination);

    public static ReadOnlySpan<byte> TypeMnemonic(ushort type) => type switch
    {
        1 => "A"u8,
        2 => "NS"u8,
        5 => "CNAME"u8,
        6 => "SOA"u8,
        12 => "PTR"u8,
        13 => "HINFO"u8,
        15 => "MX"u8,
        16 => "TXT"u8,
        17 => "RP"u8,
        18 => "AFSDB"u8,
        24 => "SIG"u8,
        25 => "KEY"u8,
        28 => "AAAA"u8,
        29 => "LOC"u8,
        33 => "SRV"u8,
        35 => "NAPTR"u8,
        36 => "KX"u8,
        37 => "CERT"u8,
        39 => "DNAME"u8,
        41 => "OPT"u8,
        42 => "APL"u8,
        43 => "DS"u8,
        44 => "SSHFP"u8,
        45 => "IPSECKEY"u8,
        46 => "RRSIG"u8,
        47 => "NSEC"u8,
        48 => "DNSKEY"u8,
        49 => "DHCID"u8,
        50 => "NSEC3"u8,
        51 => "NSEC3PARAM"u8,
        52 => "TLSA"u8,
        53 => "SMIMEA"u8,
        55 => "HIP"u8,
        59 => "CDS"u8,
        60 => "CDNSKEY"u8,
        61 => "OPENPGPKEY"u8,
        62 => "CSYNC"u8,
        63 => "ZONEMD"u8,
        64 => "SVCB"u8,
        65 => "HTTPS"u8,
        99 => "SPF"u8,
        108 => "EUI48"u8,
        109 => "EUI64"u8,
        249 => "TKEY"u8,
        250 => "TSIG"u8,
        251 => "IXFR"u8,
        252 => "AXFR"u8,
        253 => "MAILB"u8,
        254 => "MAILA"u8,
        255 => "ANY"u8,
        256 => "URI"u8,
        257 => "CAA"u8,
        32768 => "TA"u8,
        32769 => "DLV"u8,
        _ => default,
    };

    public static ReadOnlySpan<byte> ClassMnemonic(ushort rclass) => rclass switch
    {
        1 => "IN"u8,
        3 => "CH"u8,
        4 => "HS"u8,
        254 => "NONE"u8,
        255 => "ANY"u8,
        _ => default,
    };

    public static ReadOnlySpan<byte> RcodeMnemonic(int rcode) => rcode switch
    {
        0 => "NOERROR"u8,
        1 => "FORMERR"u8,
        2 => "SERVFAIL"u8,
        3 => "NXDOMAIN"u8,
        4 => "NOTIMP"u8,
        5 => "REFUSED"u8,
        6 => "YXDOMAIN"u8,
        7 => "YXRRSET"u8,
        8 => "NXRRSET"u8,
        9 => "NOTAUTH"u8,
        10 => "NOTZONE"u8,
        11 => "DSOTYPENI"u8,
        16 => "BADVERS"u8,
        17 => "BADKEY"u8,
        18 => "BADTIME"u8,
        19 => "BADMODE"u8,
        20 => "BADNAME"u8,
        21 => "BADALG"u8,
        22 => "BADTRUNC"u8,
        23 => "BADCOOKIE"u8,
        _ => default,
    };

    private static int Format(ReadOnlySpan<byte> mnemonic, ReadOnlySpan<byte> prefix, int value, Span<byte> destination)
    {
        if (!mnemonic.IsEmpty)
        {
            mnemonic.CopyTo(destination);
            return mnemonic.Length;
        }
        prefix.CopyTo(destination);
        Utf8Formatter.TryFormat(value, destination[prefix.Length..], out int written);
        return prefix.Length + written;
    }
}
