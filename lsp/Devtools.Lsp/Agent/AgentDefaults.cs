namespace Devtools.Lsp.Agent;

/// <summary>Where the agent listens and keeps its token by default.</summary>
public static class AgentDefaults
{
    /// <summary>/run/devtools/agent.sock for root, ~/.devtools/agent.sock otherwise.</summary>
    public static string SocketPath()
    {
        string dir = Environment.UserName == "root" || Environment.GetEnvironmentVariable("USER") == "root"
            ? "/run/devtools"
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".devtools");
        return Path.Combine(dir, "agent.sock");
    }

    /// <summary>The token file next to a socket: agent.sock → agent.token.</summary>
    public static string TokenPathFor(string socketPath) =>
        Path.Combine(Path.GetDirectoryName(socketPath) ?? ".", Path.GetFileNameWithoutExtension(socketPath) + ".token");
}
