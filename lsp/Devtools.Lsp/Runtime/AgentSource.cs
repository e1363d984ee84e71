using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Devtools.Lsp.Agent;
using Devtools.Lsp.Protocol;
using StreamJsonRpc;

namespace Devtools.Lsp.Runtime;

/// <summary>Data from a running <c>devtools agent</c>, over its authenticated socket.</summary>
public sealed class AgentSource : IRuntimeSource
{
    private readonly JsonRpc _rpc;
    private readonly Socket _socket;
    private volatile string? _lost;

    private AgentSource(JsonRpc rpc, Socket socket, string address)
    {
        _rpc = rpc;
        _socket = socket;
        Agent = address;
        Since = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        rpc.Disconnected += (_, _) => _lost ??= $"the connection to the agent at {address} was lost: the agent stopped or closed it; connect again when it is back";
    }

    public string Kind => "agent";

    public int? Pid { get; private set; }

    public string? ProcessName { get; private set; }

    public string? Agent { get; }

    public long Since { get; }

    public string? Lost => _lost;

    /// <summary>Connects and authenticates; a wrong token or an unreachable agent is an <see cref="AgentException"/> with a plain message.</summary>
    public static async Task<AgentSource> ConnectAsync(string address, string? tokenFile, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(address);
        string socketPath = address.StartsWith("unix:", StringComparison.Ordinal) ? address[5..] : address;
        tokenFile ??= AgentDefaults.TokenPathFor(socketPath);
        string token;
        try
        {
            token = (await File.ReadAllTextAsync(tokenFile, ct).ConfigureAwait(false)).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AgentException($"Cannot read the agent token file {tokenFile}: {e.Message}", e);
        }
        Socket socket;
        EndPoint endPoint;
        if (address.StartsWith("tcp:", StringComparison.Ordinal))
        {
            string hostPort = address[4..];
            int colon = hostPort.LastIndexOf(':');
            endPoint = new IPEndPoint(IPAddress.Parse(hostPort[..colon]), int.Parse(hostPort[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture));
            socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        }
        else
        {
            endPoint = new UnixDomainSocketEndPoint(socketPath);
            socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        }
        try
        {
            await socket.ConnectAsync(endPoint, ct).ConfigureAwait(false);
        }
        catch (SocketException e)
        {
            socket.Dispose();
            throw new AgentException($"No agent answers at {address} ({e.Message}). Start one with `sudo devtools agent`.", e);
        }
        var stream = new NetworkStream(socket, ownsSocket: true);
        JsonRpc rpc = RpcFactory.Create(stream, stream, target: null);
        rpc.StartListening();
        var source = new AgentSource(rpc, socket, address);
        try
        {
            await rpc.InvokeWithParameterObjectAsync<JsonElement>(Methods.Authenticate, new { token }, ct).ConfigureAwait(false);
        }
        catch (RemoteInvocationException e)
        {
            await source.DisposeAsync().ConfigureAwait(false);
            throw new AgentException($"The agent at {address} refused the connection: {e.Message}", e);
        }
        catch (ConnectionLostException e)
        {
            await source.DisposeAsync().ConfigureAwait(false);
            throw new AgentException($"The agent at {address} closed the connection during authentication.", e);
        }
        return source;
    }

    /// <summary>Asks the agent to profile (and, without eBPF, record the requests of) <paramref name="pid"/>.</summary>
    public async Task<AttachState> AttachAsync(int pid, CancellationToken ct)
    {
        AttachState state = await Call<AttachState>(Methods.Attach, new { pid }, ct).ConfigureAwait(false);
        Pid = state.Pid;
        ProcessName = state.ProcessName;
        return state;
    }

    public async Task<IReadOnlyList<RequestRow>> RequestsAsync(TimeSpan window, CancellationToken ct)
    {
        RequestsResult r = await Call<RequestsResult>(Methods.Requests, new { pid = Pid, windowSeconds = window.TotalSeconds }, ct).ConfigureAwait(false);
        return r.Requests;
    }

    /// <summary>The agent's counters (node-wide with eBPF) and its EventPipe session's for <see cref="Pid"/>.</summary>
    public async Task<CaptureLosses> LossesAsync(CancellationToken ct)
    {
        try
        {
            return await Call<CaptureLosses>(Methods.Losses, new { pid = Pid }, ct).ConfigureAwait(false);
        }
        catch (RemoteMethodNotFoundException)
        {
            return LossReport.Unknown("node", "this agent is older and does not report what its capture lost: update it");
        }
        catch (RemoteInvocationException e)
        {
            // Never a reason to stop showing the data; said instead of the counters.
            return LossReport.Unknown("node", $"the agent could not report what its capture lost: {e.Message}");
        }
    }

    public async Task<IReadOnlyList<Devtools.Core.Api.SqlStatDto>> SqlStatsAsync(TimeSpan window, CancellationToken ct)
    {
        try
        {
            SqlStatsResult r = await Call<SqlStatsResult>(Methods.SqlStats, new { pid = Pid, windowSeconds = window.TotalSeconds }, ct).ConfigureAwait(false);
            return r.Statements;
        }
        catch (RemoteMethodNotFoundException)
        {
            return []; // an older agent
        }
    }

    public async Task<Hotspots?> HotspotsAsync(int limit, CancellationToken ct) =>
        Pid is null ? null : await Call<Hotspots>(Methods.Hotspots, new { pid = Pid, limit }, ct).ConfigureAwait(false);

    public async Task<object?> FlameGraphAsync(CancellationToken ct) =>
        Pid is null ? null : (await Call<JsonElement>(Methods.FlameGraph, new { pid = Pid }, ct).ConfigureAwait(false)).Prop("speedscope");

    public Task<IReadOnlyList<Devtools.Core.Api.TargetInfo>> TargetsAsync(CancellationToken ct) =>
        Call<TargetsResult>(Methods.ListTargets, new { }, ct).ContinueWith(t => t.Result.Targets, ct, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);

    private async Task<T> Call<T>(string method, object args, CancellationToken ct)
    {
        try
        {
            return await _rpc.InvokeWithParameterObjectAsync<T>(method, args, ct).ConfigureAwait(false);
        }
        catch (ConnectionLostException e)
        {
            _lost ??= $"the connection to the agent at {Agent} was lost: the agent stopped or closed it; connect again when it is back";
            throw new AgentException(_lost, e);
        }
    }

    public ValueTask DisposeAsync()
    {
        _rpc.Dispose();
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }

    private sealed record RequestsResult(IReadOnlyList<RequestRow> Requests);

    private sealed record SqlStatsResult(IReadOnlyList<Devtools.Core.Api.SqlStatDto> Statements);

    private sealed record TargetsResult(IReadOnlyList<Devtools.Core.Api.TargetInfo> Targets);
}

public sealed class AgentException : Exception
{
    public AgentException()
    {
    }

    public AgentException(string message)
        : base(message)
    {
    }

    public AgentException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
