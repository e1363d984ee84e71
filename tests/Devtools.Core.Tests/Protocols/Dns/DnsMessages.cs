using System.Buffers.Binary;
using System.Net;
using System.Text;

namespace Devtools.Core.Tests.Protocols.Dns;

/// <summary>One resource record for <see cref="DnsMessages"/>: owner, type, TTL and how to write its data.</summary>
internal sealed record Rr(string Name, ushort Type, uint Ttl, Action<DnsMessageWriter> Data, ushort Class = 1)
{
    public static Rr A(string name, string address, uint ttl = 300) =>
        new(name, 1, ttl, w => w.Bytes(IPAddress.Parse(address).GetAddressBytes()));

    public static Rr Aaaa(string name, string address, uint ttl = 300) =>
        new(name, 28, ttl, w => w.Bytes(IPAddress.Parse(address).GetAddressBytes()));

    public static Rr Cname(string name, string target, uint ttl = 300) => new(name, 5, ttl, w => w.Name(target));

    public static Rr Ptr(string name, string target, uint ttl = 300) => new(name, 12, ttl, w => w.Name(target));

    public static Rr Ns(string name, string target, uint ttl = 300) => new(name, 2, ttl, w => w.Name(target));

    public static Rr Mx(string name, ushort preference, string exchange, uint ttl = 300) =>
        new(name, 15, ttl, w => { w.U16(preference); w.Name(exchange); });

    public static Rr Srv(string name, ushort priority, ushort weight, ushort port, string target, uint ttl = 300) =>
        new(name, 33, ttl, w => { w.U16(priority); w.U16(weight); w.U16(port); w.Name(target, compress: false); });

    public static Rr Txt(string name, params string[] texts) =>
        new(name, 16, 300, w =>
        {
            foreach (string text in texts)
            {
                byte[] bytes = Encoding.UTF8.GetBytes(text);
                w.U8((byte)bytes.Length);
                w.Bytes(bytes);
            }
        });

    public static Rr Soa(string name, string mname, string rname, uint serial, uint ttl = 300) =>
        new(name, 6, ttl, w => { w.Name(mname); w.Name(rname); w.U32(serial); w.U32(3600); w.U32(600); w.U32(86400); w.U32(60); });

    public static Rr Https(string name, ushort priority, string target, byte[] parameters) =>
        new(name, 65, 300, w => { w.U16(priority); w.Name(target, compress: false); w.Bytes(parameters); });

    public static Rr Raw(string name, ushort type, byte[] data, uint ttl = 300) => new(name, type, ttl, w => w.Bytes(data));

    /// <summary>EDNS(0) OPT pseudo-record: payload size in the class, extended RCODE/version/DO in the TTL.</summary>
    public static Rr Opt(ushort udpSize = 1232, byte extendedRcode = 0, bool dnssecOk = false, byte[]? options = null) =>
        new(".", 41, ((uint)extendedRcode << 24) | (dnssecOk ? 0x8000u : 0), w => w.Bytes(options ?? []), udpSize);
}

/// <summary>Writes DNS messages the way servers do: names compressed against earlier ones.</summary>
internal sealed class DnsMessageWriter
{
    private readonly List<byte> _bytes = [];
    private readonly Dictionary<string, int> _names = new(StringComparer.OrdinalIgnoreCase);

    public int Length => _bytes.Count;

    public byte[] ToArray() => [.. _bytes];

    public void U8(byte value) => _bytes.Add(value);

    public void U16(ushort value)
    {
        _bytes.Add((byte)(value >> 8));
        _bytes.Add((byte)value);
    }

    public void U32(uint value)
    {
        U16((ushort)(value >> 16));
        U16((ushort)value);
    }

    public void Bytes(ReadOnlySpan<byte> value) => _bytes.AddRange(value.ToArray());

    public void SetU16(int offset, ushort value)
    {
        _bytes[offset] = (byte)(value >> 8);
        _bytes[offset + 1] = (byte)value;
    }

    /// <summary>A name in wire format; with <paramref name="compress"/>, suffixes written before become pointers.</summary>
    public void Name(string name, bool compress = true)
    {
        string[] labels = name is "." or "" ? [] : name.TrimEnd('.').Split('.');
        for (int i = 0; i < labels.Length; i++)
        {
            string suffix = string.Join('.', labels[i..]);
            if (compress && _names.TryGetValue(suffix, out int offset))
            {
                U16((ushort)(0xC000 | offset));
                return;
            }
            if (_bytes.Count < 0x3FFF)
                _names.TryAdd(suffix, _bytes.Count);
            byte[] label = Encoding.UTF8.GetBytes(labels[i]);
            U8((byte)label.Length);
            Bytes(label);
        }
        U8(0);
    }

    public void Record(Rr rr)
    {
        Name(rr.Name);
        U16(rr.Type);
        U16(rr.Class);
        U32(rr.Ttl);
        int lengthAt = Length;
        U16(0);
        rr.Data(this);
        SetU16(lengthAt, (ushort)(Length - lengthAt - 2));
    }
}

/// <summary>Queries and answers as clients and servers send them.</summary>
internal static class DnsMessages
{
    public const ushort A = 1;
    public const ushort Ns = 2;
    public const ushort Aaaa = 28;
    public const ushort Txt = 16;
    public const ushort Srv = 33;
    public const ushort Ptr = 12;
    public const ushort Mx = 15;
    public const ushort Soa = 6;
    public const ushort Axfr = 252;

    /// <summary>A query: RD set, one question, optionally an OPT record (dig adds one).</summary>
    public static byte[] Ask(ushort id, string name, ushort type, bool edns = false, ushort flags = 0x0100, ushort qclass = 1)
    {
        var w = new DnsMessageWriter();
        w.U16(id);
        w.U16(flags);
        w.U16(1);
        w.U16(0);
        w.U16(0);
        w.U16((ushort)(edns ? 1 : 0));
        w.Name(name);
        w.U16(type);
        w.U16(qclass);
        if (edns)
            w.Record(Rr.Opt());
        return w.ToArray();
    }

    /// <summary>An answer: QR, RD and RA set, the question echoed, then the sections.</summary>
    public static byte[] Answer(
        ushort id,
        string name,
        ushort type,
        int rcode = 0,
        Rr[]? answers = null,
        Rr[]? authority = null,
        Rr[]? additional = null,
        bool truncated = false,
        bool authoritative = false,
        bool withQuestion = true)
    {
        answers ??= [];
        authority ??= [];
        additional ??= [];
        var w = new DnsMessageWriter();
        w.U16(id);
        w.U16((ushort)(0x8180 | (authoritative ? 0x0400 : 0) | (truncated ? 0x0200 : 0) | (rcode & 0xF)));
        w.U16((ushort)(withQuestion ? 1 : 0));
        w.U16((ushort)answers.Length);
        w.U16((ushort)authority.Length);
        w.U16((ushort)additional.Length);
        if (withQuestion)
        {
            w.Name(name);
            w.U16(type);
            w.U16(1);
        }
        foreach (Rr rr in answers.Concat(authority).Concat(additional))
            w.Record(rr);
        return w.ToArray();
    }

    /// <summary>The message with its TCP length prefix.</summary>
    public static byte[] Tcp(byte[] message)
    {
        byte[] framed = new byte[message.Length + 2];
        BinaryPrimitives.WriteUInt16BigEndian(framed, (ushort)message.Length);
        message.CopyTo(framed, 2);
        return framed;
    }
}
