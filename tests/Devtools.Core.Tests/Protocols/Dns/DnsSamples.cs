using static Devtools.Core.Tests.Protocols.Dns.DnsMessages;

namespace Devtools.Core.Tests.Protocols.Dns;

/// <summary>A realistic mix of lookups and their answers, in the order queries go out and the (different) order answers come back.</summary>
internal static class DnsSamples
{
    public static readonly byte[][] Queries =
    [
        Ask(0x0101, "api.example.test", A, edns: true),
        Ask(0x0102, "api.example.test", Aaaa, edns: true),
        Ask(0x0103, "www.example.test", A),
        Ask(0x0104, "_http._tcp.example.test", Srv),
        Ask(0x0105, "missing.example.test", A),
        Ask(0x0106, "txt.example.test", Txt),
        Ask(0x0107, "5.0.0.10.in-addr.arpa", Ptr),
        Ask(0x0108, "example.test", Mx),
    ];

    /// <summary>Answers, out of order: the AAAA before the A, the NXDOMAIN last.</summary>
    public static readonly byte[][] Answers =
    [
        Answer(0x0102, "api.example.test", Aaaa, answers: [Rr.Aaaa("api.example.test", "fd00::1:2")], additional: [Rr.Opt()]),
        Answer(0x0101, "api.example.test", A, answers: [Rr.A("api.example.test", "10.1.2.3"), Rr.A("api.example.test", "10.1.2.4")], additional: [Rr.Opt()]),
        Answer(0x0103, "www.example.test", A, answers: [Rr.Cname("www.example.test", "api.example.test"), Rr.A("api.example.test", "10.1.2.3")]),
        Answer(0x0104, "_http._tcp.example.test", Srv, answers: [Rr.Srv("_http._tcp.example.test", 10, 5, 8080, "api.example.test")], additional: [Rr.A("api.example.test", "10.1.2.3")]),
        Answer(0x0106, "txt.example.test", Txt, answers: [Rr.Txt("txt.example.test", "v=spf1 include:example.test -all", "second string")]),
        Answer(0x0107, "5.0.0.10.in-addr.arpa", Ptr, answers: [Rr.Ptr("5.0.0.10.in-addr.arpa", "host.example.test")]),
        Answer(0x0108, "example.test", Mx, answers: [Rr.Mx("example.test", 10, "mail.example.test"), Rr.Mx("example.test", 20, "mail2.example.test")]),
        Answer(0x0105, "missing.example.test", A, rcode: 3, authority: [Rr.Soa("example.test", "ns.example.test", "hostmaster.example.test", 7)]),
    ];

    /// <summary>What the rows say, in the order answers complete.</summary>
    public static readonly string[] Expected =
    [
        "api.example.test AAAA NOERROR AAAA:fd00::1:2",
        "api.example.test A NOERROR A:10.1.2.3|A:10.1.2.4",
        "www.example.test A NOERROR CNAME:api.example.test|A:10.1.2.3",
        "_http._tcp.example.test SRV NOERROR SRV:10 5 8080 api.example.test",
        """txt.example.test TXT NOERROR TXT:["v=spf1 include:example.test -all","second string"]""",
        "5.0.0.10.in-addr.arpa PTR NOERROR PTR:host.example.test",
        "example.test MX NOERROR MX:10 mail.example.test|MX:20 mail2.example.test",
        "missing.example.test A NXDOMAIN ",
    ];

    public static byte[] TcpQueries => [.. Queries.SelectMany(Tcp)];

    public static byte[] TcpAnswers => [.. Answers.SelectMany(Tcp)];

    public static string Summary(DnsRow row) => $"{row.Name} {row.Type} {row.RcodeName} {string.Join("|", row.AnswerTexts)}";
}
