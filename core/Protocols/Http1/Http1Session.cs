using Devtools.Core.Connections;

namespace Devtools.Core.Protocols.Http1;

/// <summary>
/// What both directions of one HTTP/1 connection share: whether the connection still
/// speaks HTTP/1. The response parser ends it (it is the one that knows, from RFC 9112
/// §6.3, that the bytes after a 101 or a tunnel's 2xx are not HTTP/1, and must know
/// before it reads the next byte); both parsers then stop.
/// </summary>
public sealed class Http1Session
{
    private readonly Http1Counters _counters;
    private readonly IProtocolSwitchHandler? _switchHandler;
    private readonly ProtocolServices? _services;

    internal Http1Session(Connection connection, Http1Counters counters, IProtocolSwitchHandler? switchHandler, ProtocolServices? services = null)
    {
        Connection = connection;
        _counters = counters;
        _switchHandler = switchHandler;
        _services = services;
    }

    public Connection Connection { get; }

    /// <summary>Why HTTP/1 ended on this connection; None while it goes on.</summary>
    public ProtocolSwitch Switch { get; private set; }

    /// <summary>True while the connection speaks HTTP/1.</summary>
    public bool IsHttp1 => Switch == ProtocolSwitch.None;

    /// <summary>A <see cref="IProtocolSwitchHandler"/> took the bytes after the switch.</summary>
    public bool HandedOver { get; private set; }

    /// <summary>
    /// Ends HTTP/1 after <paramref name="response"/>, offering the connection to the switch
    /// handler along with the request it answers (the head of <paramref name="requests"/>).
    /// </summary>
    internal void EndHttp1(ProtocolSwitch kind, ref HttpMessage response, Common.RingQueue<HttpMessage>? requests)
    {
        if (!IsHttp1)
            return;
        Switch = kind;
        _counters.ProtocolSwitches.Value++;
        if (_switchHandler is null || _services is null)
            return;
        ReadOnlySpan<byte> upgrade = default;
        if (kind == ProtocolSwitch.Upgrade)
            response.Headers.TryGetValue("upgrade"u8, out upgrade);
        bool hasRequest = requests is { IsEmpty: false };
        var context = new ProtocolSwitchContext
        {
            Connection = Connection,
            Services = _services,
            Kind = kind,
            UpgradeProtocol = upgrade,
            HasRequest = hasRequest,
            Request = hasRequest ? requests!.Head : default,
        };
        SwitchTakeover takeover = _switchHandler.TryTakeOver(context);
        HandedOver = takeover != SwitchTakeover.Declined;
        if (takeover == SwitchTakeover.BytesAndExchange)
        {
            response.MessageFlags |= HttpMessageFlags.ExchangeHandedOver;
            _counters.ExchangesHandedOver.Value++;
        }
    }

    /// <summary>What a parser does with bytes once HTTP/1 has ended.</summary>
    internal ParseResult AfterSwitch(ReadOnlySpan<byte> data)
    {
        // A new owner reads these bytes from the stream: leave them where they are.
        if (HandedOver)
            return ParseResult.NeedMoreData();
        _counters.BytesAfterSwitch.Value += data.Length;
        return ParseResult.Skipped(data.Length);
    }
}
