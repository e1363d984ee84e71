using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace Devtools.Integration.Tests.Infrastructure;

/// <summary>
/// A real server or client process started by a test: output captured, stopped
/// (with its children) on dispose, so nothing outlives the test.
/// </summary>
public sealed class ManagedProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Lock _gate = new();

    private ManagedProcess(Process process)
    {
        _process = process;
    }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_gate)
                return _output.ToString();
        }
    }

    public static ManagedProcess Start(string fileName, IEnumerable<string> arguments, string? workingDirectory = null, IDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (string argument in arguments)
            info.ArgumentList.Add(argument);
        if (environment is not null)
        {
            foreach ((string key, string value) in environment)
                info.Environment[key] = value;
        }
        var process = Process.Start(info) ?? throw new InvalidOperationException($"Cannot start {fileName}");
        var managed = new ManagedProcess(process);
        process.OutputDataReceived += (_, e) => managed.Append(e.Data);
        process.ErrorDataReceived += (_, e) => managed.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return managed;
    }

    /// <summary>Runs a client to completion (bounded by <paramref name="timeout"/>) and returns its output.</summary>
    public static (int ExitCode, string Output) Run(string fileName, IEnumerable<string> arguments, TimeSpan timeout)
    {
        using ManagedProcess p = Start(fileName, arguments);
        if (!p._process.WaitForExit(timeout))
            throw new TimeoutException($"{fileName} did not finish within {timeout}: {p.Output}");
        p._process.WaitForExit();
        return (p._process.ExitCode, p.Output);
    }

    /// <summary>Waits (up to <paramref name="timeout"/>) for the process to exit and for its output to be read to the end.</summary>
    public bool WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
            return false;
        _process.WaitForExit();
        return true;
    }

    /// <summary>Waits until something accepts connections on 127.0.0.1:<paramref name="port"/>.</summary>
    public void WaitForPort(int port, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"The process exited ({_process.ExitCode}) before listening on {port}:\n{Output}");
            try
            {
                using var client = new TcpClient();
                client.Connect("127.0.0.1", port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(50);
            }
        }
        throw new TimeoutException($"Nothing listened on port {port} within {timeout}:\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (_gate)
        {
            if (_output.Length < 1 << 20)
                _output.AppendLine(line);
        }
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
        }
        _process.Dispose();
    }
}
