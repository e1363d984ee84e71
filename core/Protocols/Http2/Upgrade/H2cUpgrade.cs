using System.Buffers.Binary;
using System.Text;
using Devtools.Core.Protocols.Http;
using Devtools.Core.Protocols.Http1;
using Devtools.Core.Protocols.Http2.Streams;

namespace Devtools.Core.Protocols.Http2.Upgrade;

/// <summary>
/// HTTP/2 started by an HTTP/1.1 Upgrade (RFC 7540 §3.2): after "101 Switching
/// Protocols" both ends speak HTTP/2 from scratch (client preface, SETTINGS), and the
/// Upgrade request is stream 1, half-closed by the client, answered in HTTP/2. Its
/// HTTP2-Settings header carries the client's initial settings.
/// </summary>
internal static class H2cUpgrade
{
    /// <summary>Largest HTTP2-Settings value read (each setting is 8 base64 characters).</summary>
    private const int MaxSettingsHeaderLength = 1024;

    public static bool Applies(in ProtocolSwitchContext context) =>
        context.Kind == ProtocolSwitch.Upgrade && Ascii.EqualsIgnoreCase(HttpSyntax.TrimWhitespace(context.UpgradeProtocol), "h2c"u8);

    /// <summary>Sets the session up as a connection seen from its start, with the Upgrade request as stream 1.</summary>
    public static void Prepare(Http2Session session, in ProtocolSwitchContext context)
    {
        session.Counters.H2cUpgrades.Value++;
        session.OnClientPreface();
        session.OnServerPreface();
        if (!context.HasRequest)
            return;
        HttpMessage request = context.Request;
        if (request.Headers.TryGetValue("http2-settings"u8, out ReadOnlySpan<byte> settings))
            ApplySettings(session, settings);
        session.Streams.Open(1, withHeaders: true, out Http2Stream? stream, session.Evicted);
        if (stream is null)
            return;
        Http2Message half = stream.Request;
        half.OnField(":method"u8, request.Method);
        half.OnField(":path"u8, request.Target);
        if (request.Headers.TryGetValue("host"u8, out ReadOnlySpan<byte> host))
            half.OnField(":authority"u8, host);
        foreach (HttpHeader header in request.AllFields)
            half.OnField(header.Name, header.Value);
        half.HeaderBlocks = 1;
        half.KeepBody(request.Body);
        half.BodySize = request.BodySize;
        half.Start(request.StartNs);
        half.EndNs = request.EndNs;
        half.Ended = true;
    }

    /// <summary>HTTP2-Settings: a SETTINGS payload in base64url without padding (RFC 7540 §3.2.1).</summary>
    private static void ApplySettings(Http2Session session, ReadOnlySpan<byte> value)
    {
        value = HttpSyntax.TrimWhitespace(value);
        if (value.Length > MaxSettingsHeaderLength)
            return;
        Span<byte> payload = stackalloc byte[MaxSettingsHeaderLength];
        int length = 0;
        int bits = 0;
        int accumulator = 0;
        foreach (byte c in value)
        {
            int sextet = c switch
            {
                >= (byte)'A' and <= (byte)'Z' => c - 'A',
                >= (byte)'a' and <= (byte)'z' => c - 'a' + 26,
                >= (byte)'0' and <= (byte)'9' => c - '0' + 52,
                (byte)'-' or (byte)'+' => 62,
                (byte)'_' or (byte)'/' => 63,
                (byte)'=' => -2,
                _ => -1,
            };
            if (sextet == -2)
                break;
            if (sextet < 0)
                return;
            accumulator = (accumulator << 6) | sextet;
            bits += 6;
            if (bits >= 8)
            {
                bits -= 8;
                payload[length++] = (byte)(accumulator >> bits);
            }
        }
        for (int i = 0; i + 6 <= length; i += 6)
            session.ApplySetting(Connections.MessageKind.Request, BinaryPrimitives.ReadUInt16BigEndian(payload[i..]), BinaryPrimitives.ReadUInt32BigEndian(payload[(i + 2)..]));
    }
}
