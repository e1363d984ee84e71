using Devtools.Core.Connections;
using Devtools.Core.Protocols.Http;
using Devtools.Core.Protocols.Http1;
using Devtools.Core.Protocols.Http2.Frames;
using Devtools.Core.Protocols.Http2.Streams;
using Devtools.Core.Protocols.Http2.Upgrade;

namespace Devtools.Core.Protocols.Http2;

/// <summary>
/// HTTP/2 over cleartext TCP (RFC 9113), gRPC included: recognised from the client
/// preface, the server's SETTINGS, or frames of a connection that predates capture;
/// parsed per direction by <see cref="Http2FrameParser"/> into one shared
/// <see cref="Http2Session"/>; stitched by stream into <see cref="HttpTransaction"/>s
/// (major_version 2) for the <see cref="IHttpTransactionSink"/>. It also takes HTTP/1
/// connections over after "Upgrade: h2c" (pass it to <see cref="Http1Protocol"/>).
/// </summary>
public sealed class Http2Protocol : IProtocol, IProtocolSwitchHandler
{
    public string Name => "http2";

    public InferenceResult Infer(ReadOnlySpan<byte> data, Direction direction, ConnectionRole role) =>
        Http2Inference.Infer(data, direction, role);

    public IConnectionProtocol Attach(Connection connection, ProtocolServices services)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(services);
        return Attach(connection, services, CreateSession(services));
    }

    /// <summary>After HTTP/1's 101 to "Upgrade: h2c": the connection continues as HTTP/2, the Upgrade request as stream 1.</summary>
    public SwitchTakeover TryTakeOver(in ProtocolSwitchContext context)
    {
        if (!H2cUpgrade.Applies(context))
            return SwitchTakeover.Declined;
        Http2Session session = CreateSession(context.Services);
        H2cUpgrade.Prepare(session, context);
        context.Connection.Attach(Attach(context.Connection, context.Services, session));
        return SwitchTakeover.BytesAndExchange;
    }

    private Http2Session CreateSession(ProtocolServices services) =>
        new(new Http2Counters(services.Counters.Protocol(Name)), Http2Limits.From(services.Options));

    private ProtocolDriver<Http2Frame> Attach(Connection connection, ProtocolServices services, Http2Session session) => new(
        Name,
        connection,
        new Http2FrameParser(session, MessageKind.Request),
        new Http2FrameParser(session, MessageKind.Response),
        new Http2Stitcher(session, services.Sinks.Find<IHttpTransactionSink>()),
        services);
}
