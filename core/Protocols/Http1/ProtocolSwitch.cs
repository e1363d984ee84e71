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

/// <summary>
/// Takes a connection over once HTTP/1 ends on it. This is where HTTP/2 over
/// cleartext (Upgrade: h2c) or a WebSocket parser hooks in; without one, HTTP/1
/// skips and counts whatever follows the switch.
/// </summary>
public interface IProtocolSwitchHandler
{
    /// <summary>
    /// Called once, when the response that ends HTTP/1 has been parsed (just before
    /// its pair is recorded). The bytes after it, in both directions, are still unread
    /// in the connection's streams. Return true to own them: the HTTP/1 parsers then
    /// leave them untouched, and the handler attaches its own protocol to
    /// <paramref name="connection"/> (<see cref="Connection.Attach"/>) so that the
    /// tracker feeds it from the next event on.
    /// </summary>
    /// <param name="upgradeProtocol">The response's Upgrade value ("h2c", "websocket"); empty for a tunnel.</param>
    bool TryTakeOver(Connection connection, ProtocolSwitch kind, ReadOnlySpan<byte> upgradeProtocol);
}
