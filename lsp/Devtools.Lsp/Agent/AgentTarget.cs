using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Devtools.Core.Api;
using Devtools.Lsp.Protocol;
using Devtools.Lsp.Runtime;
using StreamJsonRpc;

namespace Devtools.Lsp.Agent;

/// <summary>The agent API of one connection (docs/editor-protocol.md, "The agent API").</summary>
internal sealed class AgentTarget(AgentServer server, string token) : IAsyncDisposable
{
    public const int NotAuthenticated = -32001;
    public const int WrongToken = -32002;
    public const int AttachFailed = -32010;

    private readonly Dictionary<int, ProcessMonitor> _monitors = [];
    private readonly SemaphoreSlim _gate = new(1, 1);
    private int _failures;
    private volatile bool _authenticated;

    [JsonRpcMethod(Methods.Authenticate)]
    public object Authenticate(JsonElement args)
    {
        byte[] given = Encoding.UTF8.GetBytes(args.OptString("token")?.Trim() ?? "");
        byte[] expected = Encoding.UTF8.GetBytes(token);
        if (!CryptographicOperations.FixedTimeEquals(given, expected))
        {
            if (Interlocked.Increment(ref _failures) > 3)
                Thread.Sleep(1000); // guessing is slow
            throw new LocalRpcException($"wrong token: it does not match the agent's token file {server.TokenPath}") { ErrorCode = WrongToken };
        }
        _authenticated = true;
        return new { ok = true, ebpf = server.Ebpf, captureProblem = server.CaptureProblem };
    }

    [JsonRpcMethod(Methods.ListTargets)]
    public object ListTargets(JsonElement args)
    {
        Check();
        return new { targets = ProcessTargets.List() };
    }

    [JsonRpcMethod(Methods.Attach)]
    public async Task<AttachState> AttachAsync(JsonElement args, CancellationToken ct)
    {
        Check();
        int pid = args.OptInt("pid") ?? throw new LocalRpcException("attach needs a pid") { ErrorCode = -32602 };
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (!_monitors.TryGetValue(pid, out ProcessMonitor? monitor))
            {
                try
                {
                    monitor = await ProcessMonitor.StartAsync(pid, server.Tables, recordRequests: !server.Ebpf, ct).ConfigureAwait(false);
                }
                catch (Devtools.Core.Profiling.EventPipe.ManagedProfilerException e)
                {
                    throw new LocalRpcException(e.Message) { ErrorCode = AttachFailed };
                }
                _monitors[pid] = monitor;
            }
            return new AttachState(true, pid, monitor.ProcessName, server.Ebpf ? "ebpf" : "eventpipe", Since: monitor.Since);
        }
        finally
        {
            _gate.Release();
        }
    }

    [JsonRpcMethod(Methods.Detach)]
    public async Task<AttachState> DetachAsync(JsonElement args)
    {
        Check();
        int? pid = args.OptInt("pid");
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            foreach (int p in _monitors.Keys.Where(p => pid is null || p == pid).ToList())
            {
                await _monitors[p].DisposeAsync().ConfigureAwait(false);
                _monitors.Remove(p);
            }
        }
        finally
        {
            _gate.Release();
        }
        return new AttachState(false);
    }

    [JsonRpcMethod(Methods.Requests)]
    public object Requests(JsonElement args)
    {
        Check();
        int? pid = args.OptInt("pid");
        double seconds = args.Prop("windowSeconds").ValueKind == JsonValueKind.Number ? args.Prop("windowSeconds").GetDouble() : 60;
        IReadOnlyList<RequestRow> rows = RequestReader.Read(server.Tables, pid is { } p ? (uint)p : null, TimeSpan.FromSeconds(Math.Clamp(seconds, 1, 3600)));
        int limit = Math.Clamp(args.OptInt("limit") ?? 20_000, 1, 100_000);
        return new { requests = rows.Count > limit ? rows.Skip(rows.Count - limit).ToList() : rows };
    }

    [JsonRpcMethod(Methods.EndpointStats)]
    public object EndpointStats(JsonElement args)
    {
        Check();
        int? pid = args.OptInt("pid");
        double seconds = args.Prop("windowSeconds").ValueKind == JsonValueKind.Number ? args.Prop("windowSeconds").GetDouble() : 60;
        return new { endpoints = RuntimeQueries.EndpointStats(server.Tables, pid is { } p ? (uint)p : null, TimeSpan.FromSeconds(Math.Clamp(seconds, 1, 3600))) };
    }

    [JsonRpcMethod(Methods.SqlStats)]
    public object SqlStats(JsonElement args)
    {
        Check();
        int? pid = args.OptInt("pid");
        double seconds = Math.Clamp(args.Prop("windowSeconds").ValueKind == JsonValueKind.Number ? args.Prop("windowSeconds").GetDouble() : 60, 1, 3600);
        return new { statements = RuntimeQueries.SqlStats(server.Tables, pid is { } p ? (uint)p : null, TimeSpan.FromSeconds(seconds)), windowSeconds = seconds };
    }

    [JsonRpcMethod(Methods.RecentRequests)]
    public object RecentRequests(JsonElement args)
    {
        Check();
        int? pid = args.OptInt("pid");
        return new
        {
            requests = RuntimeQueries.RecentRequests(server.Tables, pid is { } p ? (uint)p : null, args.OptInt("limit") ?? 50, args.OptString("method"), slowestFirst: args.OptBool("slowestFirst") ?? false),
        };
    }

    [JsonRpcMethod(Methods.Hotspots)]
    public async Task<Hotspots> HotspotsAsync(JsonElement args)
    {
        ProcessMonitor monitor = await MonitorAsync(args).ConfigureAwait(false);
        return monitor.Hotspots(Math.Clamp(args.OptInt("limit") ?? 50, 1, 1000));
    }

    [JsonRpcMethod(Methods.FlameGraph)]
    public async Task<object> FlameGraphAsync(JsonElement args)
    {
        ProcessMonitor monitor = await MonitorAsync(args).ConfigureAwait(false);
        return new { speedscope = monitor.FlameGraph() };
    }

    /// <summary>
    /// What the capture lost: with eBPF the node-wide capture's counters (kernel drops, gaps,
    /// parse errors, evicted rows, ...), else the tables' evictions; plus the EventPipe session
    /// of <c>pid</c> (or of this connection's only process) when there is one.
    /// </summary>
    [JsonRpcMethod(Methods.Losses)]
    public async Task<CaptureLosses> LossesAsync(JsonElement args = default)
    {
        Check();
        int? pid = args.OptInt("pid");
        var report = new LossReport();
        if (server.CaptureSummary() is { } summary)
            report.AddCapture(summary);
        else
            report.AddTables(server.Tables);
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            ProcessMonitor? monitor = pid is { } p ? _monitors.GetValueOrDefault(p) : _monitors.Count == 1 ? _monitors.Values.First() : null;
            monitor?.AddLosses(report);
        }
        finally
        {
            _gate.Release();
        }
        if (server.Ebpf)
            report.NotKnown("the agent's capture is node-wide: its counters include other processes' traffic");
        return report.Build(server.Ebpf ? "node" : "process");
    }

    [JsonRpcMethod(Methods.State)]
    public object State(JsonElement args)
    {
        Check();
        return new { ebpf = server.Ebpf, captureProblem = server.CaptureProblem, attached = _monitors.Keys.ToArray(), httpRows = server.Tables.HttpEvents.TotalRows };
    }

    private async Task<ProcessMonitor> MonitorAsync(JsonElement args)
    {
        Check();
        int? pid = args.OptInt("pid");
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (pid is { } p && _monitors.TryGetValue(p, out ProcessMonitor? m))
                return m;
            if (pid is null && _monitors.Count == 1)
                return _monitors.Values.First();
        }
        finally
        {
            _gate.Release();
        }
        throw new LocalRpcException($"no profile for {(pid is null ? "this connection" : $"process {pid}")}: call devtools/attach {{pid}} first") { ErrorCode = AttachFailed };
    }

    private void Check()
    {
        if (!_authenticated)
            throw new LocalRpcException("not authenticated: call devtools/authenticate {token} first") { ErrorCode = NotAuthenticated };
    }

    public async ValueTask DisposeAsync()
    {
        foreach (ProcessMonitor m in _monitors.Values)
            await m.DisposeAsync().ConfigureAwait(false);
        _monitors.Clear();
        _gate.Dispose();
    }
}
