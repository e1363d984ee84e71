using System.Diagnostics;
using System.Text.Json;
using Devtools.Core.Api;
using Devtools.Core.Profiling.EventPipe;
using Devtools.Lsp.Protocol;
using Devtools.Lsp.Runtime;
using Devtools.Lsp.Workspace;
using StreamJsonRpc;

// JSON-RPC targets are instance methods even when they need no state.
#pragma warning disable CA1822

namespace Devtools.Lsp.Server;

/// <summary>
/// `devtools lsp`: the Language Server Protocol bridge (docs/editor-protocol.md). Standard
/// methods for lenses, hints and hovers over the workspace's C#; custom <c>devtools/*</c>
/// methods for attaching and for the data itself. A background loop reads the runtime
/// source every 250 ms, rebuilds the <see cref="LiveSnapshot"/>, and asks the client to
/// refresh its lenses and hints when what an open document shows has changed (at most once
/// per refresh interval).
/// </summary>
public sealed class BridgeServer : IAsyncDisposable
{
    public const int AttachFailedCode = -32010;

    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan StateInterval = TimeSpan.FromSeconds(1);

    private readonly WorkspaceIndex _index;
    private readonly Action<string> _log;
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _attachGate = new(1, 1);
    private readonly Dictionary<string, string> _shownFingerprints = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _sentHotLines = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _exit = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private JsonRpc? _rpc;
    private volatile IRuntimeSource? _source;
    private volatile LiveSnapshot _live = LiveSnapshot.Empty;
    private volatile string? _lostMessage;
    private Task? _loop;
    private bool _codeLensRefresh;
    private bool _inlayHintRefresh;
    private TimeSpan _refreshInterval = TimeSpan.FromSeconds(1);
    private TimeSpan _window = TimeSpan.FromSeconds(60);
    private readonly Stopwatch _sinceRefresh = Stopwatch.StartNew();
    private readonly Stopwatch _sinceState = Stopwatch.StartNew();
    private readonly Stopwatch _sinceProfile = Stopwatch.StartNew();
    private Hotspots? _lastHotspots;
    private IReadOnlyList<SqlStatDto> _lastSql = [];
    private IRuntimeSource? _sqlSource;
    private readonly Stopwatch _sinceSql = Stopwatch.StartNew();
    private volatile SourceLosses? _losses;
    private readonly Stopwatch _sinceLosses = Stopwatch.StartNew();
    private Task? _pendingRefresh;
    private bool _shutdown;

    public BridgeServer(ISourceModel? model = null, Action<string>? log = null)
    {
        _index = new WorkspaceIndex(model ?? new RoslynSourceModel());
        _log = log ?? (_ => { });
    }

    /// <summary>Serves one client over the streams until it exits or the streams close; returns the process exit code.</summary>
    public async Task<int> RunAsync(Stream input, Stream output, CancellationToken ct = default)
    {
        _rpc = RpcFactory.Create(output, input, this);
        _rpc.StartListening();
        _loop = Task.Run(LoopAsync, CancellationToken.None);
        using (ct.Register(() => _exit.TrySetResult()))
            await Task.WhenAny(_rpc.Completion, _exit.Task).ConfigureAwait(false);
        await DisposeAsync().ConfigureAwait(false);
        return _shutdown || ct.IsCancellationRequested ? 0 : 1;
    }

    // ---- Lifecycle ----

    [JsonRpcMethod("initialize")]
    public object Initialize(JsonElement args = default)
    {
        JsonElement caps = args.Prop("capabilities");
        _codeLensRefresh = caps.Prop("workspace").Prop("codeLens").OptBool("refreshSupport") ?? false;
        _inlayHintRefresh = caps.Prop("workspace").Prop("inlayHint").OptBool("refreshSupport") ?? false;
        var roots = new List<string>();
        if (args.Prop("workspaceFolders").ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement folder in args.Prop("workspaceFolders").EnumerateArray())
            {
                if (folder.OptString("uri") is { } uri)
                    roots.Add(WorkspaceIndex.UriToPath(uri));
            }
        }
        if (roots.Count == 0 && args.OptString("rootUri") is { } rootUri)
            roots.Add(WorkspaceIndex.UriToPath(rootUri));
        if (roots.Count == 0 && args.OptString("rootPath") is { } rootPath)
            roots.Add(rootPath);
        ApplySettings(args.Prop("initializationOptions"), roots);
        return new
        {
            capabilities = new
            {
                positionEncoding = "utf-16",
                textDocumentSync = new { openClose = true, change = 1, save = new { includeText = false } },
                codeLensProvider = new { resolveProvider = true },
                inlayHintProvider = new { resolveProvider = false },
                hoverProvider = true,
                executeCommandProvider = new { commands = new[] { "devtools.showFlameGraph", "devtools.showRecentRequests", "devtools.attach", "devtools.detach" } },
                workspace = new { workspaceFolders = new { supported = true } },
            },
            serverInfo = new { name = "devtools", version = typeof(BridgeServer).Assembly.GetName().Version?.ToString() ?? "0" },
        };
    }

    [JsonRpcMethod("initialized")]
    public void Initialized(JsonElement args = default)
    {
    }

    [JsonRpcMethod("shutdown")]
    public Task<object?> ShutdownAsync(JsonElement args = default)
    {
        _shutdown = true;
        Task<object?> shutdown = ShutdownCoreAsync();
        _shutdownTask = shutdown;
        return shutdown;
    }

    private async Task<object?> ShutdownCoreAsync()
    {
        await DetachCoreAsync(null).ConfigureAwait(false);
        return null;
    }

    /// <summary>
    /// Ends the process once earlier requests are answered: a client may write shutdown and exit
    /// back to back, and requests run concurrently, so the answers get a moment to be written.
    /// </summary>
    [JsonRpcMethod("exit")]
    public void Exit(JsonElement args = default) => _ = ExitAsync();

    private async Task ExitAsync()
    {
        if (_shutdownTask is { } shutdown)
            await Task.WhenAny(shutdown, Task.Delay(TimeSpan.FromSeconds(10))).ConfigureAwait(false);
        await Task.Delay(200).ConfigureAwait(false);
        _exit.TrySetResult();
    }

    private volatile Task? _shutdownTask;

    [JsonRpcMethod("$/setTrace")]
    public void SetTrace(JsonElement args = default)
    {
    }

    [JsonRpcMethod("workspace/didChangeConfiguration")]
    public void DidChangeConfiguration(JsonElement args = default)
    {
        JsonElement settings = args.Prop("settings");
        JsonElement devtools = settings.Prop("devtools");
        ApplySettings(devtools.ValueKind == JsonValueKind.Object ? devtools : settings, null);
    }

    [JsonRpcMethod("workspace/didChangeWatchedFiles")]
    public void DidChangeWatchedFiles(JsonElement args = default)
    {
        if (args.Prop("changes").ValueKind != JsonValueKind.Array)
            return;
        foreach (JsonElement change in args.Prop("changes").EnumerateArray())
        {
            if (change.OptString("uri") is { } uri && uri.EndsWith(".cs", StringComparison.OrdinalIgnoreCase))
                _index.FileChanged(uri, deleted: change.OptInt("type") == 3);
        }
    }

    // ---- Documents ----

    [JsonRpcMethod("textDocument/didOpen")]
    public void DidOpen(JsonElement args)
    {
        JsonElement doc = args.Prop("textDocument");
        if (doc.OptString("uri") is { } uri && IsCSharp(uri, doc.OptString("languageId")))
            _index.Open(uri, doc.OptString("text") ?? "");
    }

    [JsonRpcMethod("textDocument/didChange")]
    public void DidChange(JsonElement args)
    {
        string? uri = args.Prop("textDocument").OptString("uri");
        JsonElement changes = args.Prop("contentChanges");
        if (uri is null || changes.ValueKind != JsonValueKind.Array || changes.GetArrayLength() == 0 || !IsCSharp(uri, null))
            return;
        // Full sync: the last change holds the whole text.
        if (changes[changes.GetArrayLength() - 1].OptString("text") is { } text)
            _index.Open(uri, text);
    }

    [JsonRpcMethod("textDocument/didClose")]
    public void DidClose(JsonElement args)
    {
        if (args.Prop("textDocument").OptString("uri") is { } uri)
        {
            _index.Close(uri);
            lock (_shownFingerprints)
            {
                _shownFingerprints.Remove(WorkspaceIndex.UriToPath(uri));
                _sentHotLines.Remove(WorkspaceIndex.UriToPath(uri));
            }
        }
    }

    [JsonRpcMethod("textDocument/didSave")]
    public void DidSave(JsonElement args = default)
    {
    }

    // ---- Features ----

    [JsonRpcMethod("textDocument/codeLens")]
    public IReadOnlyList<CodeLens> CodeLens(JsonElement args)
    {
        string path = PathOf(args);
        return Presenter.CodeLenses(path, _index, _live, _source is not null);
    }

    [JsonRpcMethod("codeLens/resolve")]
    public CodeLens ResolveCodeLens(CodeLens lens) => lens.Command is null ? lens with { Command = new LspCommand("", "") } : lens;

    [JsonRpcMethod("textDocument/inlayHint")]
    public IReadOnlyList<InlayHint> InlayHint(JsonElement args)
    {
        string path = PathOf(args);
        LspRange? range = args.Prop("range").ValueKind == JsonValueKind.Object ? args.Prop("range").Deserialize<LspRange>(Json.Options) : null;
        return Presenter.InlayHints(path, _index.OpenText(path), _live, range);
    }

    [JsonRpcMethod("textDocument/hover")]
    public Hover? Hover(JsonElement args)
    {
        string path = PathOf(args);
        Position? position = args.Prop("position").Deserialize<Position>(Json.Options);
        return position is null ? null : Presenter.Hover(path, position, _index, _live, _source is not null, CurrentLosses);
    }

    [JsonRpcMethod("workspace/executeCommand")]
    public async Task<object?> ExecuteCommandAsync(JsonElement args, CancellationToken ct)
    {
        string command = args.OptString("command") ?? "";
        JsonElement first = args.Prop("arguments").ValueKind == JsonValueKind.Array && args.Prop("arguments").GetArrayLength() > 0 ? args.Prop("arguments")[0] : default;
        return command switch
        {
            "devtools.showFlameGraph" => await FlameGraphAsync(first, ct).ConfigureAwait(false),
            "devtools.showRecentRequests" => RecentRequests(first),
            "devtools.attach" => await AttachAsync(first.ValueKind == JsonValueKind.Number ? JsonDocument.Parse($"{{\"pid\":{first.GetInt32()}}}").RootElement : first, ct).ConfigureAwait(false),
            "devtools.detach" => await DetachAsync().ConfigureAwait(false),
            _ => throw new LocalRpcException($"unknown command {command}") { ErrorCode = -32602 },
        };
    }

    // ---- devtools/* ----

    [JsonRpcMethod(Methods.ListTargets)]
    public async Task<object> ListTargetsAsync(JsonElement args = default, CancellationToken ct = default)
    {
        if (_source is AgentSource agent)
            return new { targets = await agent.TargetsAsync(ct).ConfigureAwait(false) };
        return new { targets = ProcessTargets.List() };
    }

    /// <summary>The name the first brief used; same as <see cref="Methods.ListTargets"/>.</summary>
    [JsonRpcMethod(Methods.Targets)]
    public Task<object> TargetsAsync(JsonElement args = default, CancellationToken ct = default) => ListTargetsAsync(args, ct);

    [JsonRpcMethod(Methods.Attach)]
    public async Task<AttachState> AttachAsync(JsonElement args, CancellationToken ct = default)
    {
        int pid = args.OptInt("pid") ?? throw new LocalRpcException("devtools/attach needs {pid}") { ErrorCode = -32602 };
        string mode = args.OptString("mode") ?? "auto";
        if (mode is not ("auto" or "eventpipe" or "ebpf"))
            throw new LocalRpcException($"devtools/attach: mode is auto, eventpipe or ebpf, not '{mode}'") { ErrorCode = -32602 };
        await _attachGate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_source is AgentSource agent && agent.Lost is null)
            {
                try
                {
                    await agent.AttachAsync(pid, ct).ConfigureAwait(false);
                }
                catch (RemoteInvocationException e)
                {
                    throw new LocalRpcException(e.Message) { ErrorCode = AttachFailedCode };
                }
            }
            else
            {
                await DetachCoreAsync(null).ConfigureAwait(false);
                try
                {
                    _source = await LocalSource.AttachAsync(pid, ebpf: mode == "ebpf", ct).ConfigureAwait(false);
                }
                catch (ManagedProfilerException e)
                {
                    throw new LocalRpcException(e.Message) { ErrorCode = AttachFailedCode };
                }
                catch (Exception e) when (e is Devtools.Core.Capture.CaptureEnvironmentException or Devtools.Core.Capture.Bpf.BpfException or IOException or UnauthorizedAccessException)
                {
                    throw new LocalRpcException($"eBPF capture cannot start in the bridge ({e.Message}); run the editor as root, or start `sudo devtools agent` and use devtools/connectAgent") { ErrorCode = AttachFailedCode };
                }
                _lostMessage = null;
            }
        }
        finally
        {
            _attachGate.Release();
        }
        _log($"attached to {pid}");
        await RefreshLossesAsync(ct).ConfigureAwait(false);
        AttachState state = State();
        await NotifyStateAsync(state).ConfigureAwait(false);
        return state;
    }

    [JsonRpcMethod(Methods.ConnectAgent)]
    public async Task<AttachState> ConnectAgentAsync(JsonElement args, CancellationToken ct = default)
    {
        string address = args.OptString("address") ?? args.OptString("socketPath") ?? Agent.AgentDefaults.SocketPath();
        string? tokenFile = args.OptString("tokenFile") ?? args.OptString("tokenPath");
        await _attachGate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            await DetachCoreAsync(null).ConfigureAwait(false);
            try
            {
                _source = await AgentSource.ConnectAsync(address, tokenFile, ct).ConfigureAwait(false);
            }
            catch (AgentException e)
            {
                throw new LocalRpcException(e.Message) { ErrorCode = AttachFailedCode };
            }
            _lostMessage = null;
            if (args.OptInt("pid") is { } pid)
                await ((AgentSource)_source).AttachAsync(pid, ct).ConfigureAwait(false);
        }
        finally
        {
            _attachGate.Release();
        }
        await RefreshLossesAsync(ct).ConfigureAwait(false);
        AttachState state = State();
        await NotifyStateAsync(state).ConfigureAwait(false);
        return state;
    }

    [JsonRpcMethod(Methods.Detach)]
    public async Task<AttachState> DetachAsync(JsonElement args = default)
    {
        await DetachCoreAsync("detached").ConfigureAwait(false);
        AttachState state = State();
        await NotifyStateAsync(state).ConfigureAwait(false);
        return state;
    }

    [JsonRpcMethod(Methods.State)]
    public AttachState StateMethod(JsonElement args = default) => State();

    [JsonRpcMethod(Methods.EndpointStats)]
    public object EndpointStats(JsonElement args = default)
    {
        LiveSnapshot live = _live;
        var stats = new List<EndpointStat>();
        foreach (EndpointTraffic t in live.Endpoints.Values.OrderByDescending(t => t.Count))
        {
            Location? location = t.Endpoint.File.Length == 0 ? null : new Location(_index.UriOf(t.Endpoint.File), t.Endpoint.Range);
            stats.Add(new EndpointStat(t.Endpoint.MethodsText, t.Endpoint.Template.Display, t.Count, t.RequestsPerMinute, t.P50Ms, t.P90Ms, t.P99Ms, t.ErrorRate, location));
        }
        // Requests no declared endpoint matched: grouped by method and path.
        double seconds = live.WindowSeconds;
        foreach (IGrouping<(string Method, string Path), RequestRow> g in live.Rows.Where(r => r.Route is null).GroupBy(r => (r.Method, StripQuery(r.Path))))
        {
            double[] lat = [.. g.Select(r => r.LatencyMs).Order()];
            stats.Add(new EndpointStat(g.Key.Method, g.Key.Path, lat.Length, lat.Length / seconds * 60,
                LiveSnapshot.Quantile(lat, 0.5), LiveSnapshot.Quantile(lat, 0.9), LiveSnapshot.Quantile(lat, 0.99), (double)g.Count(r => r.Status >= 500) / lat.Length));
        }
        return new { endpoints = stats, windowSeconds = live.WindowSeconds };
    }

    [JsonRpcMethod(Methods.SqlStats)]
    public object SqlStats(JsonElement args = default)
    {
        LiveSnapshot live = _live;
        var sites = new Dictionary<string, List<Location>>(StringComparer.Ordinal);
        foreach ((string path, IReadOnlyList<SqlTraffic> list) in live.SqlByFile)
        {
            foreach (SqlTraffic t in list)
            {
                foreach (SqlStatDto statement in t.Statements)
                {
                    string key = statement.Protocol + "\n" + statement.NormalizedQuery;
                    if (!sites.TryGetValue(key, out List<Location>? locations))
                        sites[key] = locations = [];
                    locations.Add(new Location(_index.UriOf(path), t.Site.Range));
                }
            }
        }
        return new
        {
            statements = live.SqlStatements.Select(s => new
            {
                s.Protocol,
                s.NormalizedQuery,
                s.Count,
                s.CallsPerMinute,
                s.P50Ms,
                s.P99Ms,
                s.ErrorRate,
                locations = sites.GetValueOrDefault(s.Protocol + "\n" + s.NormalizedQuery) ?? [],
            }),
            windowSeconds = live.WindowSeconds,
        };
    }

    [JsonRpcMethod(Methods.RecentRequests)]
    public object RecentRequests(JsonElement args = default)
    {
        int limit = Math.Clamp(args.OptInt("limit") ?? 50, 1, 10_000);
        string? route = args.OptString("route");
        string? method = args.OptString("method");
        bool slowest = args.OptBool("slowestFirst") ?? false;
        IEnumerable<RequestRow> rows = _live.Rows;
        if (route is not null)
        {
            string display = RouteTemplate.Parse(route).Display;
            rows = rows.Where(r => r.Route == display);
        }
        if (method is not null)
            rows = rows.Where(r => string.Equals(r.Method, method, StringComparison.OrdinalIgnoreCase));
        rows = slowest ? rows.OrderByDescending(r => r.LatencyMs).ThenByDescending(r => r.Time) : rows.OrderByDescending(r => r.Time);
        return new { requests = rows.Take(limit).ToList() };
    }

    [JsonRpcMethod(Methods.Hotspots)]
    public object Hotspots(JsonElement args = default)
    {
        int limit = Math.Clamp(args.OptInt("limit") ?? 50, 1, 1000);
        Hotspots? h = _live.Hotspots;
        return h is null
            ? new Hotspots(0, [], [])
            : new Hotspots(h.TotalSamples, [.. h.Functions.Take(limit)], [.. h.Lines.Take(limit)]);
    }

    [JsonRpcMethod(Methods.FlameGraph)]
    public async Task<object> FlameGraphAsync(JsonElement args = default, CancellationToken ct = default)
    {
        IRuntimeSource? source = _source;
        object? speedscope = source is null ? null : await source.FlameGraphAsync(ct).ConfigureAwait(false);
        return new { speedscope = speedscope ?? ProfileViews.Speedscope(new Core.Profiling.Profile(TimeSpan.Zero, 0, "none"), "not attached") };
    }

    // ---- Internals ----

    private AttachState State()
    {
        IRuntimeSource? s = _source;
        if (s is null)
            return new AttachState(false, Error: _lostMessage, Message: _lostMessage ?? "Not attached. Attach to a .NET process to see its requests and hot code.");
        double rps = _live.RequestsPerSecond;
        string message = s.Kind == "agent"
            ? $"Connected to the agent at {s.Agent}" + (s.Pid is { } p ? $", profiling {s.ProcessName} ({p})" : "") + $" · {rps:0.#} req/s"
            : $"Attached to {s.ProcessName} ({s.Pid}) · {rps:0.#} req/s";
        return new AttachState(true, s.Pid, s.ProcessName, s.Kind, s.Agent, rps, s.Since, null, message, LossesOf(s));
    }

    /// <summary>The losses of the source they were read from (a source replaced since must not lend them its successor).</summary>
    private sealed record SourceLosses(IRuntimeSource Source, CaptureLosses Losses);

    /// <summary>The current source's losses, when it is attached and they were read.</summary>
    private CaptureLosses? CurrentLosses => LossesOf(_source);

    private CaptureLosses? LossesOf(IRuntimeSource? source) => _losses is { } l && ReferenceEquals(l.Source, source) ? l.Losses : null;

    /// <summary>Reads the current source's losses now (after an attach: the first state carries them).</summary>
    private async Task RefreshLossesAsync(CancellationToken ct)
    {
        if (_source is not { } source)
            return;
        try
        {
            await ReadLossesAsync(source, ct).ConfigureAwait(false);
        }
        catch (AgentException e)
        {
            _log(e.Message);
        }
    }

    private async Task ReadLossesAsync(IRuntimeSource source, CancellationToken ct)
    {
        _losses = new SourceLosses(source, await source.LossesAsync(ct).ConfigureAwait(false));
        _sinceLosses.Restart();
    }

    private async Task DetachCoreAsync(string? why)
    {
        IRuntimeSource? s = _source;
        _source = null;
        if (s is not null)
        {
            await s.DisposeAsync().ConfigureAwait(false);
            _lostMessage = why == "detached" ? null : why;
        }
    }

    private Task NotifyStateAsync(AttachState state)
    {
        _sinceState.Restart();
        return _rpc is null ? Task.CompletedTask : SafeNotify(Methods.StateChanged, state);
    }

    private async Task SafeNotify(string method, object args)
    {
        try
        {
            if (_rpc is { IsDisposed: false } rpc)
                await rpc.NotifyWithParameterObjectAsync(method, args).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ConnectionLostException or ObjectDisposedException or IOException)
        {
        }
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Tick, _stop.Token).ConfigureAwait(false);
                await TickAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The loop must outlive one bad tick; the error goes to the log.
            catch (Exception e)
#pragma warning restore CA1031
            {
                _log($"tick failed: {e}");
            }
        }
    }

    private async Task TickAsync(CancellationToken ct)
    {
        IRuntimeSource? source = _source;
        if (source is not null)
        {
            if (source.Lost is { } lost)
            {
                await _attachGate.WaitAsync(ct).ConfigureAwait(false);
                try
                {
                    if (ReferenceEquals(_source, source))
                        await DetachCoreAsync(lost).ConfigureAwait(false);
                }
                finally
                {
                    _attachGate.Release();
                }
                _log(lost);
                await NotifyStateAsync(State()).ConfigureAwait(false);
            }
            else
            {
                IReadOnlyList<RequestRow> rows;
                try
                {
                    rows = await source.RequestsAsync(_window, ct).ConfigureAwait(false);
                    if (_sinceProfile.Elapsed >= TimeSpan.FromSeconds(1) || _lastHotspots is null)
                    {
                        _lastHotspots = await source.HotspotsAsync(200, ct).ConfigureAwait(false);
                        _sinceProfile.Restart();
                    }
                    // SQL statements once a second too (the agent normalises every row of the window).
                    if (_sinceSql.Elapsed >= TimeSpan.FromSeconds(1) || !ReferenceEquals(_sqlSource, source))
                    {
                        _lastSql = await source.SqlStatsAsync(_window, ct).ConfigureAwait(false);
                        _sqlSource = source;
                        _sinceSql.Restart();
                    }
                    // Losses once a second as well: the state notification below carries them, so a
                    // change reaches the client within a second, never once per event.
                    if (_sinceLosses.Elapsed >= StateInterval || LossesOf(source) is null)
                        await ReadLossesAsync(source, ct).ConfigureAwait(false);
                }
                catch (AgentException e)
                {
                    _log(e.Message);
                    return;
                }
                long now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
                _live = LiveSnapshot.Build(_index, rows, _lastHotspots, _window, source.Since, now, _lastSql);
                if (_sinceState.Elapsed >= StateInterval)
                    await NotifyStateAsync(State()).ConfigureAwait(false);
            }
        }
        else
        {
            _lastHotspots = null;
            _lastSql = [];
            _sqlSource = null;
            _losses = null;
        }
        await RefreshIfChangedAsync().ConfigureAwait(false);
    }

    private async Task RefreshIfChangedAsync()
    {
        bool changed = false;
        var hotLineNotifications = new List<HotLinesParams>();
        bool attached = _source is not null;
        LiveSnapshot live = _live;
        lock (_shownFingerprints)
        {
            foreach (string path in _index.OpenPaths)
            {
                string print = Presenter.Fingerprint(path, _index.OpenText(path), _index, live, attached);
                if (!_shownFingerprints.TryGetValue(path, out string? shown) || shown != print)
                {
                    _shownFingerprints[path] = print;
                    changed = true;
                }
                List<HotLineMark> marks = live.HotLinesByFile.TryGetValue(path, out IReadOnlyDictionary<int, HotLine>? lines)
                    ? [.. lines.Where(kv => kv.Value.Percent >= Presenter.MinPercent).OrderBy(kv => kv.Key).Select(kv => new HotLineMark(kv.Key, Math.Round(kv.Value.Percent, 1)))]
                    : [];
                string hotPrint = string.Join(';', marks.Select(m => $"{m.Line}:{m.Percent}"));
                if (_sentHotLines.GetValueOrDefault(path, "") != hotPrint)
                {
                    _sentHotLines[path] = hotPrint;
                    hotLineNotifications.Add(new HotLinesParams(_index.UriOf(path), marks));
                }
            }
        }
        foreach (HotLinesParams p in hotLineNotifications)
            await SafeNotify(Methods.HotLines, p).ConfigureAwait(false);
        if (changed)
            _refreshWanted = true;
        // A token bucket: one refresh per interval on average, three in a row allowed (the first analysis and the attach's
        // own refresh must not hold back the first numbers by a whole interval).
        _refreshTokens = Math.Min(3, _refreshTokens + _sinceRefresh.Elapsed / _refreshInterval);
        _sinceRefresh.Restart();
        if (_refreshWanted && _refreshTokens >= 1 && _pendingRefresh is null or { IsCompleted: true })
        {
            _refreshWanted = false;
            _refreshTokens -= 1;
            _pendingRefresh = SendRefreshAsync();
        }
    }

    private bool _refreshWanted;
    private double _refreshTokens = 3;

    private async Task SendRefreshAsync()
    {
        if (_rpc is not { IsDisposed: false } rpc)
            return;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            if (_codeLensRefresh)
                await rpc.InvokeWithParameterObjectAsync<object?>("workspace/codeLens/refresh", null, timeout.Token).ConfigureAwait(false);
            if (_inlayHintRefresh)
                await rpc.InvokeWithParameterObjectAsync<object?>("workspace/inlayHint/refresh", null, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ConnectionLostException or ObjectDisposedException or OperationCanceledException or RemoteInvocationException or IOException)
        {
        }
    }

    private void ApplySettings(JsonElement options, IReadOnlyList<string>? roots)
    {
        if (options.OptInt("refreshIntervalMs") is { } ms)
            _refreshInterval = TimeSpan.FromMilliseconds(Math.Clamp(ms, 100, 60_000));
        if (options.OptInt("windowSeconds") is { } w)
            _window = TimeSpan.FromSeconds(Math.Clamp(w, 5, 3600));
        var extra = new List<string>();
        var prefixes = new List<(string, string)>();
        if (options.Prop("sourceRoots").ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement r in options.Prop("sourceRoots").EnumerateArray())
            {
                if (r.ValueKind == JsonValueKind.String && r.GetString() is { Length: > 0 } dir)
                    extra.Add(dir);
                else if (r.OptString("from") is { } from && r.OptString("to") is { } to)
                    prefixes.Add((from, to));
            }
        }
        if (roots is not null || extra.Count > 0 || prefixes.Count > 0)
            _index.SetRoots(roots ?? _index.Roots, extra, prefixes);
    }

    private static string StripQuery(string path)
    {
        int q = path.IndexOf('?', StringComparison.Ordinal);
        return q >= 0 ? path[..q] : path;
    }

    private static string PathOf(JsonElement args) => WorkspaceIndex.UriToPath(args.Prop("textDocument").OptString("uri") ?? "");

    private static bool IsCSharp(string uri, string? languageId) =>
        languageId == "csharp" || uri.EndsWith(".cs", StringComparison.OrdinalIgnoreCase);

    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested)
            return;
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_loop is not null)
            await _loop.ConfigureAwait(false);
        await DetachCoreAsync(null).ConfigureAwait(false);
        _rpc?.Dispose();
        _index.Dispose();
        _stop.Dispose();
    }
}
