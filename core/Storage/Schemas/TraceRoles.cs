namespace Devtools.Core.Storage.Schemas;

/// <summary>Values of the <c>trace_role</c> column: which end of the connection was traced.</summary>
public static class TraceRoles
{
    /// <summary>Role not known.</summary>
    public const long Unknown = 0;

    /// <summary>The traced process is the client.</summary>
    public const long Client = 1;

    /// <summary>The traced process is the server.</summary>
    public const long Server = 2;
}
