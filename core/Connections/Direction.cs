namespace Devtools.Core.Connections;

/// <summary>Which way bytes moved, seen from the traced process.</summary>
public enum Direction : byte
{
    /// <summary>write, send*: bytes leaving the traced process.</summary>
    Egress = 0,

    /// <summary>read, recv*: bytes arriving at the traced process.</summary>
    Ingress = 1,
}

/// <summary>Which end of the connection the traced process is (values as Pixie's trace_role).</summary>
public enum ConnectionRole : byte
{
    /// <summary>Socket existed before capture started; inferred from its first message.</summary>
    Unknown = 0,

    /// <summary>The traced process connected: it sends requests.</summary>
    Client = 1,

    /// <summary>The traced process accepted: it receives requests.</summary>
    Server = 2,
}

/// <summary>Whether a message asks or answers.</summary>
public enum MessageKind : byte
{
    Request = 0,
    Response = 1,
}

public static class DirectionExtensions
{
    public static Direction Opposite(this Direction direction) =>
        direction == Direction.Egress ? Direction.Ingress : Direction.Egress;

    /// <summary>The direction requests travel on a connection where the traced process has this role.</summary>
    public static Direction RequestDirection(this ConnectionRole role) =>
        role == ConnectionRole.Server ? Direction.Ingress : Direction.Egress;
}
