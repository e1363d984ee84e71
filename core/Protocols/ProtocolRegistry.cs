using Devtools.Core.Connections;

namespace Devtools.Core.Protocols;

/// <summary>A protocol recognised from a connection's first bytes.</summary>
public readonly record struct ProtocolMatch(IProtocol Protocol, MessageKind Kind);

/// <summary>
/// The protocols this capture knows, tried in order on a connection's first bytes.
/// Order matters only where two protocols could claim the same bytes: the more
/// specific one goes first.
/// </summary>
public sealed class ProtocolRegistry
{
    private readonly List<IProtocol> _protocols;

    public ProtocolRegistry(IEnumerable<IProtocol> protocols)
    {
        _protocols = [.. protocols];
    }

    public IReadOnlyList<IProtocol> Protocols => _protocols;

    /// <summary>
    /// The first protocol running over <paramref name="transport"/> that claims
    /// <paramref name="data"/>; null when none does. <paramref name="needMoreData"/> is
    /// set when some protocol could still claim the bytes once more arrive.
    /// </summary>
    public ProtocolMatch? Infer(ReadOnlySpan<byte> data, Direction direction, ConnectionRole role, ProtocolTransports transport, out bool needMoreData)
    {
        needMoreData = false;
        foreach (IProtocol protocol in _protocols)
        {
            if ((protocol.Transports & transport) == 0)
                continue;
            InferenceResult result = protocol.Infer(data, direction, role);
            switch (result.Verdict)
            {
                case InferenceVerdict.Match:
                    return new ProtocolMatch(protocol, result.Kind);
                case InferenceVerdict.NeedMoreData:
                    needMoreData = true;
                    break;
            }
        }
        return null;
    }
}
