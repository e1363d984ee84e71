using Devtools.Core.Connections;
using Devtools.Core.Protocols.Http;

namespace Devtools.Core.Protocols.Http1;

/// <summary>
/// HTTP/1.0 and HTTP/1.1 over a byte stream: recognised from a request or status line,
/// parsed per direction by <see cref="Http1RequestParser"/> and
/// <see cref="Http1ResponseParser"/>, paired by <see cref="Http1Stitcher"/> into
/// <see cref="HttpTransaction"/>s for the <see cref="IHttpTransactionSink"/>.
/// </summary>
/// <param name="switchHandler">Who takes a connection over after 101 or CONNECT (HTTP/2 for Upgrade: h2c); none by default.</param>
public sealed class Http1Protocol(IProtocolSwitchHandler? switchHandler = null) : IProtocol
{
    public string Name => "http";

    public InferenceResult Infer(ReadOnlySpan<byte> data, Direction direction, ConnectionRole role) =>
        Http1Inference.Infer(data, direction, role);

    public IConnectionProtocol Attach(Connection connection, ProtocolServices services)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(services);
        var counters = new Http1Counters(services.Counters.Protocol(Name));
        var session = new Http1Session(connection, counters, switchHandler, services);
        return new ProtocolDriver<HttpMessage>(
            Name,
            connection,
            new Http1RequestParser(session, services.Options, counters),
            new Http1ResponseParser(session, services.Options, counters),
            new Http1Stitcher(services.Sinks.Find<IHttpTransactionSink>(), counters),
            services);
    }
}
