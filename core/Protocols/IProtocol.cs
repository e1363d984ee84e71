using Devtools.Core.Connections;

namespace Devtools.Core.Protocols;

/// <summary>
/// One application protocol: how to recognise it from a connection's first bytes
/// and how to parse and stitch a connection once recognised. Each protocol lives
/// in its own folder under Protocols/ and owns nothing else.
/// </summary>
public interface IProtocol
{
    /// <summary>Short lowercase name, used in counters and on the command line ("http", "pgsql").</summary>
    string Name { get; }

    /// <summary>
    /// What this protocol runs over; inference only offers it connections of those
    /// transports (a datagram is never HTTP/1, a byte stream never bare DNS). TCP
    /// unless a protocol says otherwise.
    /// </summary>
    ProtocolTransports Transports => ProtocolTransports.Tcp;

    /// <summary>
    /// Looks at the first bytes seen in <paramref name="direction"/> (usually a
    /// message start) and says whether they are a request or a response of this
    /// protocol. Must be cheap and must not throw on any input.
    /// </summary>
    InferenceResult Infer(ReadOnlySpan<byte> data, Direction direction, ConnectionRole role);

    /// <summary>Creates the parsing state for a connection recognised as this protocol.</summary>
    IConnectionProtocol Attach(Connection connection, ProtocolServices services);
}

/// <summary>Transports a protocol runs over.</summary>
[Flags]
public enum ProtocolTransports : byte
{
    None = 0,

    /// <summary>A byte stream (TCP): messages frame themselves.</summary>
    Tcp = 1,

    /// <summary>Datagrams (UDP): each datagram carries whole messages.</summary>
    Udp = 2,
}

public enum InferenceVerdict : byte
{
    NoMatch,
    NeedMoreData,
    Match,
}

/// <summary>An inference answer: a match says which kind of message was seen.</summary>
public readonly record struct InferenceResult(InferenceVerdict Verdict, MessageKind Kind = MessageKind.Request)
{
    public static InferenceResult NoMatch => new(InferenceVerdict.NoMatch);

    public static InferenceResult NeedMoreData => new(InferenceVerdict.NeedMoreData);

    public static InferenceResult Request => new(InferenceVerdict.Match, MessageKind.Request);

    public static InferenceResult Response => new(InferenceVerdict.Match, MessageKind.Response);
}

/// <summary>A connection's protocol state once its protocol is known.</summary>
public interface IConnectionProtocol : IDisposable
{
    string Name { get; }

    /// <summary>New bytes were placed in <paramref name="direction"/>'s stream: parse what can be parsed.</summary>
    void Process(Direction direction);

    /// <summary>The connection closed: finish what the close completes, then give up the rest.</summary>
    void Close();
}
