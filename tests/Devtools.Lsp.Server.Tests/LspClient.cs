using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Devtools.Integration.Tests.Infrastructure;

namespace Devtools.Lsp.Server.Tests;

/// <summary>
/// A minimal LSP client written for the tests (no StreamJsonRpc, no shared code with the
/// server): spawns `devtools lsp`, frames JSON-RPC with Content-Length headers on its
/// stdin/stdout, answers the server's requests, and records notifications.
/// </summary>
public sealed class LspClient : IAsyncDisposable
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly Stream _stdin;
    private readonly Stream _stdout;
    private readonly ConcurrentDictionary<long, TaskCompletionSource<JsonElement>> _pending = new();
    private readonly Channel<(string Method, JsonElement Params, long AtMs)> _serverRequests = Channel.CreateUnbounded<(string, JsonElement, long)>();
    private readonly Channel<(string Method, JsonElement Params, long AtMs)> _notifications = Channel.CreateUnbounded<(string, JsonElement, long)>();
    private readonly StringBuilder _stderr = new();
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly Task _reader;
    private long _nextId;

    private LspClient(Process process)
    {
        _process = process;
        _stdin = process.StandardInput.BaseStream;
        _stdout = process.StandardOutput.BaseStream;
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (_stderr)
                    _stderr.AppendLine(e.Data);
            }
        };
        process.BeginErrorReadLine();
        _reader = Task.Run(ReadLoopAsync);
    }

    public static Stopwatch Clock { get; } = Stopwatch.StartNew();

    public string Stderr
    {
        get
        {
            lock (_stderr)
                return _stderr.ToString();
        }
    }

    public ChannelReader<(string Method, JsonElement Params, long AtMs)> ServerRequests => _serverRequests.Reader;

    public ChannelReader<(string Method, JsonElement Params, long AtMs)> Notifications => _notifications.Reader;

    /// <summary>Starts the built `devtools lsp` (host/bin/CONFIG/net10.0/devtools.dll).</summary>
    public static LspClient Start()
    {
        string dll = Path.Combine(Repository.Root, "host", "bin", Repository.Configuration, "net10.0", "devtools.dll");
        if (!File.Exists(dll))
            throw new FileNotFoundException($"Build the solution first: {dll} is missing.");
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("lsp");
        return new LspClient(Process.Start(info) ?? throw new InvalidOperationException("cannot start devtools lsp"));
    }

    public async Task<JsonElement> RequestAsync(string method, object? parameters, TimeSpan? timeout = null)
    {
        long id = Interlocked.Increment(ref _nextId);
        var tcs = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = tcs;
        var message = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method };
        if (parameters is not null)
            message["params"] = JsonSerializer.SerializeToNode(parameters);
        await WriteAsync(message);
        Task done = await Task.WhenAny(tcs.Task, Task.Delay(timeout ?? DefaultTimeout));
        if (done != tcs.Task)
        {
            _pending.TryRemove(id, out _);
            throw new TimeoutException($"{method} got no answer within {timeout ?? DefaultTimeout}. Server stderr:\n{Stderr}");
        }
        return await tcs.Task;
    }

    public Task NotifyAsync(string method, object? parameters)
    {
        var message = new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method };
        if (parameters is not null)
            message["params"] = JsonSerializer.SerializeToNode(parameters);
        return WriteAsync(message);
    }

    /// <summary>The next server→client request named <paramref name="method"/> (answered already), or a timeout.</summary>
    public async Task<long> WaitForServerRequestAsync(string method, long afterMs, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            while (true)
            {
                (string m, JsonElement _, long at) = await _serverRequests.Reader.ReadAsync(cts.Token);
                if (m == method && at >= afterMs)
                    return at;
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"no {method} from the server within {timeout}. Server stderr:\n{Stderr}");
        }
    }

    /// <summary>The next notification named <paramref name="method"/> that satisfies <paramref name="match"/>, or a timeout.</summary>
    public async Task<JsonElement> WaitForNotificationAsync(string method, Func<JsonElement, bool> match, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            while (true)
            {
                (string m, JsonElement p, long _) = await _notifications.Reader.ReadAsync(cts.Token);
                if (m == method && match(p))
                    return p;
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"no matching {method} from the server within {timeout}. Server stderr:\n{Stderr}");
        }
    }

    private async Task WriteAsync(JsonObject message)
    {
        byte[] body = Encoding.UTF8.GetBytes(message.ToJsonString());
        byte[] header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
        await _writeGate.WaitAsync();
        try
        {
            await _stdin.WriteAsync(header);
            await _stdin.WriteAsync(body);
            await _stdin.FlushAsync();
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private async Task ReadLoopAsync()
    {
        try
        {
            while (true)
            {
                int length = -1;
                while (true)
                {
                    string? line = await ReadHeaderLineAsync();
                    if (line is null)
                        return;
                    if (line.Length == 0)
                        break;
                    if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                        length = int.Parse(line["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
                }
                if (length < 0)
                    throw new InvalidDataException("a message without Content-Length");
                byte[] body = new byte[length];
                await _stdout.ReadExactlyAsync(body);
                using JsonDocument doc = JsonDocument.Parse(body);
                JsonElement root = doc.RootElement.Clone();
                long now = Clock.ElapsedMilliseconds;
                bool hasId = root.TryGetProperty("id", out JsonElement id);
                bool hasMethod = root.TryGetProperty("method", out JsonElement method);
                JsonElement parameters = root.TryGetProperty("params", out JsonElement p) ? p : default;
                if (hasMethod && hasId)
                {
                    // A server→client request (workspace/codeLens/refresh …): answer null at once.
                    var reply = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = JsonNode.Parse(id.GetRawText()), ["result"] = null };
                    await WriteAsync(reply);
                    await _serverRequests.Writer.WriteAsync((method.GetString()!, parameters, now));
                }
                else if (hasMethod)
                {
                    await _notifications.Writer.WriteAsync((method.GetString()!, parameters, now));
                }
                else if (hasId && _pending.TryRemove(id.GetInt64(), out TaskCompletionSource<JsonElement>? tcs))
                {
                    if (root.TryGetProperty("error", out JsonElement error))
                        tcs.TrySetException(new LspErrorException(error.GetProperty("code").GetInt32(), error.GetProperty("message").GetString() ?? ""));
                    else
                        tcs.TrySetResult(root.TryGetProperty("result", out JsonElement result) ? result : default);
                }
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or EndOfStreamException)
        {
        }
        finally
        {
            foreach (TaskCompletionSource<JsonElement> t in _pending.Values)
                t.TrySetException(new IOException("the server closed its output. stderr:\n" + Stderr));
        }
    }

    private async Task<string?> ReadHeaderLineAsync()
    {
        var bytes = new List<byte>();
        byte[] one = new byte[1];
        while (true)
        {
            int n = await _stdout.ReadAsync(one);
            if (n == 0)
                return null;
            if (one[0] == '\n')
                return Encoding.ASCII.GetString([.. bytes]).TrimEnd('\r');
            bytes.Add(one[0]);
        }
    }

    /// <summary>shutdown + exit, then waits (bounded) for the process to end.</summary>
    public async Task<int> StopAsync()
    {
        await RequestAsync("shutdown", null, TimeSpan.FromSeconds(30));
        await NotifyAsync("exit", null);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync(new CancellationTokenSource(5000).Token);
            }
        }
        catch (Exception e) when (e is InvalidOperationException or OperationCanceledException)
        {
        }
        await Task.WhenAny(_reader, Task.Delay(2000));
        _process.Dispose();
        _writeGate.Dispose();
    }
}

public sealed class LspErrorException(int code, string message) : Exception(message)
{
    public int Code { get; } = code;
}
