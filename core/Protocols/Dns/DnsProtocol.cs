using Devtools.Core.Connections;

namespace Devtools.Core.Protocols.Dns;

/// <summary>
/// DNS over UDP (one message per datagram) or over TCP (each message after a 2-byte
/// length): one instance per transport, since the framing decides both how a first message
/// is recognised and how a flow is parsed. Queries and answers are paired by
/// <see cref="DnsStitcher"/> into <see cref="DnsTransaction"/>s for the <see cref="IDnsTransactionSink"/>.
/// </summary>
public sealed class DnsProtocol : IProtocol
{
    public DnsProtocol(ProtocolTransports transport)
    {
        if (transport is not (ProtocolTransports.Udp or ProtocolTransports.Tcp))
            throw new ArgumentOutOfRangeException(nameof(transport), transport, "DNS runs over UDP or TCP: one instance per transport.");
        Transports = transport;
    }

    public string Name => "dns";

    public ProtocolTransports Transports { get; }

    public InferenceResult Infer(ReadOnlySpan<byte> data, Direction direction, ConnectionRole role) =>
        Transports == ProtocolTransports.Udp ? DnsInference.InferDatagram(data) : DnsInference.InferStream(data);

    public IConnectionProtocol Attach(Connection connection, ProtocolServices services)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(services);
        var counters = new DnsCounters(services.Counters.Protocol(Name));
        bool datagrams = connection.IsDatagram;
        IFrameParser<DnsMessage> requests = datagrams ? new DnsDatagramParser(counters) : new DnsStreamParser(counters);
        IFrameParser<DnsMessage> responses = datagrams ? new DnsDatagramParser(counters) : new DnsStreamParser(counters);
        var stitcher = new DnsStitcher(services.Sinks.Find<IDnsTransactionSink>(), counters, datagrams);
        return new ProtocolDriver<DnsMessage>(Name, connection, requests, responses, stitcher, services);
    }
}
