namespace Devtools.Core.Protocols.Dns;

/// <summary>Record types, classes and codes the parser and the JSON need to tell apart.</summary>
internal static class DnsWire
{
    public const ushort TypeA = 1;
    public const ushort TypeNs = 2;
    public const ushort TypeCname = 5;
    public const ushort TypeSoa = 6;
    public const ushort TypePtr = 12;
    public const ushort TypeMx = 15;
    public const ushort TypeTxt = 16;
    public const ushort TypeAaaa = 28;
    public const ushort TypeSrv = 33;
    public const ushort TypeDname = 39;
    public const ushort TypeOpt = 41;
    public const ushort TypeSvcb = 64;
    public const ushort TypeHttps = 65;
    public const ushort TypeCaa = 257;

    public const ushort ClassIn = 1;

    /// <summary>Type (2), class (2), TTL (4) and RDLENGTH (2) after a record's owner name.</summary>
    public const int RecordFixedSize = 10;

    /// <summary>Type and class after a question's name.</summary>
    public const int QuestionFixedSize = 4;

    /// <summary>Smallest possible resource record: the root name and the fixed fields.</summary>
    public const int MinRecordSize = 1 + RecordFixedSize;

    /// <summary>Classes a question may ask in (IN, CH, HS, NONE, ANY); mDNS uses the top bit as a flag.</summary>
    public static bool IsPlausibleQuestionClass(ushort qclass) => (qclass & 0x7FFF) is 1 or 3 or 4 or 254 or 255;
}
