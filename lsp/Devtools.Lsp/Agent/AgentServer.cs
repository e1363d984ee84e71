using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Devtools.Core.Capture;
using Devtools.Core.Storage;
using Devtools.Lsp.Protocol;
using StreamJsonRpc;

namespace Devtools.Lsp.Agent;

/// <summary>
/// `devtools agent`: node-wide capture (eBPF when it may, EventPipe per attached process)
/// served as JSON-RPC 2.0 with Content-Length framing on a Unix socket (or a loopback TCP
/// port). Every connection must first call <c>devtools/authenticate</c> with the content of
/// the token file (created 0600 for the agent's user).
/// </summary>
public sealed class AgentServer : IAsyncDisposable
{
    private readonly Socket _listener;
    private readonly string _token;
    private readonly string? _socketPath;
    private readonly CaptureSession? _capture;
    private readonly List<Task> _connections = [];
    private readonly Lock _gate = new();

    private AgentServer(Socket listener, string token, string? socketPath, CaptureSession? capture, TableStore tables, string? captureProblem)
    {
        _listener = listener;
        _token = token;
        _socketPath = socketPath;
        _capture = capture;
        Tables = tables;
        CaptureProblem = captureProblem;
    }

    public TableStore Tables { get; }

    /// <summary>True when eBPF capture feeds <see cref="Tables"/> (then attach only profiles).</summary>
    public bool Ebpf => _capture is not null;

    /// <summary>The node-wide capture's counters so far, when eBPF capture is on.</summary>
    public CaptureSummary? CaptureSummary() => _capture?.Summary();

    /// <summary>Why eBPF capture is off, when it is.</summary>
    public string? CaptureProblem { get; }

    public string Address { get; private set; } = "";

    public string TokenPath { get; private set; } = "";

    /// <summary>Starts listening. <paramref name="listen"/>: <c>unix:PATH</c> or <c>tcp:127.0.0.1:PORT</c>.</summary>
    public static AgentServer Start(string listen, string? tokenPath, bool ebpf, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(listen);
        string? socketPath = null;
        Socket listener;
        if (listen.StartsWith("tcp:", StringComparison.Ordinal))
        {
            string hostPort = listen[4..];
            int colon = hostPort.LastIndexOf(':');
            var address = IPAddress.Parse(hostPort[..colon]);
            if (!IPAddress.IsLoopback(address))
                throw new ArgumentException($"The agent listens on loopback only, not {address}: reach it from elsewhere through a tunnel or port-forward.", nameof(listen));
            listener = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            listener.Bind(new IPEndPoint(address, int.Parse(hostPort[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture)));
        }
        else
        {
            socketPath = Path.GetFullPath(listen.StartsWith("unix:", StringComparison.Ordinal) ? listen[5..] : listen);
            string dir = Path.GetDirectoryName(socketPath)!;
            Directory.CreateDirectory(dir);
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
            if (File.Exists(socketPath))
                File.Delete(socketPath); // a stale socket of an agent that died
            listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            listener.Bind(new UnixDomainSocketEndPoint(socketPath));
        }
        listener.Listen(16);
        // Any local user may connect: the token (readable only by the agent's user) is what authenticates.
        if (socketPath is not null && !OperatingSystem.IsWindows())
            File.SetUnixFileMode(socketPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite);

        tokenPath ??= socketPath is not null ? AgentDefaults.TokenPathFor(socketPath) : AgentDefaults.TokenPathFor(AgentDefaults.SocketPath());
        string token = WriteToken(tokenPath);

        CaptureSession? capture = null;
        string? problem = null;
        TableStore tables;
        if (ebpf)
        {
            IReadOnlyList<string> problems = CaptureEnvironment.Problems();
            if (problems.Count == 0)
            {
                try
                {
                    capture = CaptureSession.Start();
                }
                catch (Exception e) when (e is CaptureEnvironmentException or Devtools.Core.Capture.Bpf.BpfException or IOException or UnauthorizedAccessException)
                {
                    problem = e.Message;
                }
            }
            else
            {
                problem = string.Join("; ", problems);
            }
        }
        else
        {
            problem = "eBPF capture disabled (--no-ebpf)";
        }
        tables = capture?.Tables ?? new TableStore();
        var server = new AgentServer(listener, token, socketPath, capture, tables, problem)
        {
            Address = socketPath is not null ? "unix:" + socketPath : listen,
            TokenPath = tokenPath,
        };
        log?.Invoke($"devtools agent listening on {server.Address}; token in {tokenPath}; " + (capture is not null ? "eBPF capture on" : $"eBPF capture off ({problem}); requests from EventPipe per attached process"));
        return server;
    }

    /// <summary>Serves connections until <paramref name="ct"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                Socket client = await _listener.AcceptAsync(ct).ConfigureAwait(false);
                lock (_gate)
                {
                    _connections.RemoveAll(t => t.IsCompleted);
                    _connections.Add(Task.Run(() => ServeAsync(client, ct), CancellationToken.None));
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private async Task ServeAsync(Socket client, CancellationToken ct)
    {
        await using var stream = new NetworkStream(client, ownsSocket: true);
        await using var target = new AgentTarget(this, _token);
        using JsonRpc rpc = RpcFactory.Create(stream, stream, target);
        rpc.StartListening();
        using (ct.Register(rpc.Dispose))
        {
            try
            {
                await rpc.Completion.ConfigureAwait(false);
            }
            catch (Exception e) when (e is ConnectionLostException or IOException or OperationCanceledException or ObjectDisposedException)
            {
            }
        }
    }

    private static string WriteToken(string tokenPath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(tokenPath))!);
        if (File.Exists(tokenPath))
        {
            string existing = File.ReadAllText(tokenPath).Trim();
            if (existing.Length >= 16)
            {
                if (!OperatingSystem.IsWindows())
                    File.SetUnixFileMode(tokenPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                return existing;
            }
        }
        string token = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)).ToLowerInvariant();
        // Created 0600 from the start: never readable by others, not even for a moment.
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var file = new FileStream(tokenPath, options))
        using (var writer = new StreamWriter(file))
            writer.Write(token);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(tokenPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return token;
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Dispose();
        Task[] pending;
        lock (_gate)
            pending = [.. _connections];
        await Task.WhenAny(Task.WhenAll(pending), Task.Delay(TimeSpan.FromSeconds(15))).ConfigureAwait(false);
        _capture?.Dispose();
        if (_socketPath is not null)
        {
            try
            {
                File.Delete(_socketPath);
            }
            catch (IOException)
            {
            }
        }
    }
}
