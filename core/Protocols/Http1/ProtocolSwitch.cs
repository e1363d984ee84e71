using Devtools.Core.Connections;

namespace Devtools.Core.Protocols.Http1;

/// <summary>Why a connection stopped speaking HTTP/1.</summary>
public enum ProtocolSwitch : byte
{
    /// <summary>Still HTTP/1.</summary>
    None,

    /// <summary>101 Switching Protocols (WebSocket, h2c, ...).</summary>
    Upgrade,

    /// <summary>A 2xx answer to CONNECT: the connection is now a tunnel.</summary>
    Tunnel,
}

/// <summary>What a <see cref="IProtocolSwitchHandler"/> takes over from HTTP/1.</summary>
public enum SwitchTakeover : byte
{
    /// <summary>Nothing: HTTP/1 skips and counts the bytes after the switch.</summary>
    Declined,

    /// <summary>The bytes after the switch; HTTP/1 still records the switching exchange (a WebSocket handshake).</summary>
    Bytes,

    /// <summary>
    /// The bytes after the switch and the switching exchange itself, which continues in the
    /// new protocol (h2c: the Upgrade request is HTTP/2 stream 1, answered in HTTP/2), so
    /// HTTP/1 records nothing for it.
    /// </summary>
    BytesAndExchange,
}

/// <summary>What a switch handler is told when HTTP/1 ends on a connection. Valid only during the call.</summary>
public readonly ref struct ProtocolSwitchContext
{
    public Connection Connection { get; init; }

    /// <summary>Counters, options and sinks, to attach the new protocol with.</summary>
    public ProtocolServices Services { get; init; }

    public ProtocolSwitch Kind { get; init; }

    /// <summary>The response's Upgrade value ("h2c", "websocket"); empty for a tunnel.</summary>
    public ReadOnlySpan<byte> UpgradeProtocol { get; init; }

    /// <summary>False when the request the switching response answers was not captured.</summary>
    public bool HasRequest { get; init; }

    /// <summary>The request the switching response answers (its buffers are HTTP/1's: copy what you keep).</summary>
    public HttpMessage Request { get; init; }
}

/// <summary>
/// Takes a connection over once HTTP/1 ends on it. This is where HTTP/2 over
/// cleartext (Upgrade: h2c) or a WebSocket parser hooks in; without one, HTTP/1
/// skips and counts whatever follows the switch.
/// </summary>
public interface IProtocolSwitchHandler
{
    /// <summary>
    /// Called once, when the response that ends HTTP/1 has been parsed (just before
    /// its pair is stitched). The bytes after it, in both directions, are still unread
    /// in the connection's streams. To own them, the handler attaches its own protocol
    /// to the connection (<see cref="Connection.Attach"/>), so that the tracker feeds it
    /// from the next event on, and says what it took; the HTTP/1 parsers then leave the
    /// bytes untouched.
    /// </summary>
    SwitchTakeover TryTakeOver(in ProtocolSwitchContext context);
}
