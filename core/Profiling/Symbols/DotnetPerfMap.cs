using Microsoft.Diagnostics.NETCore.Client;

namespace Devtools.Core.Profiling.Symbols;

/// <summary>The perf map could not be turned on; the message says why and what to do instead.</summary>
public sealed class PerfMapException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Turns a running .NET process's perf map on (and off again) through its
/// diagnostics IPC channel: DiagnosticsClient.EnablePerfMap, .NET 8 and later.
/// The runtime then writes /tmp/perf-PID.map, starting with the methods already
/// compiled, so JIT frames get names without restarting the process.
/// </summary>
public sealed class DotnetPerfMap : IDisposable
{
    private readonly DiagnosticsClient _client;
    private bool _enabled;

    private DotnetPerfMap(DiagnosticsClient client) => _client = client;

    /// <summary>Enables the perf map of <paramref name="pid"/>; throws <see cref="PerfMapException"/> when it cannot.</summary>
    public static DotnetPerfMap Enable(int pid)
    {
        var client = new DiagnosticsClient(pid);
        var map = new DotnetPerfMap(client);
        try
        {
            client.EnablePerfMap(PerfMapType.PerfMap);
        }
        catch (Exception e) when (e is ServerNotAvailableException or UnsupportedCommandException or ServerErrorException or TimeoutException or IOException or UnauthorizedAccessException)
        {
            throw new PerfMapException(
                $"Cannot enable the perf map of process {pid}: {e.Message} It must be a .NET 8+ process with diagnostics on (DOTNET_EnableDiagnostics not 0), reachable from here (same user or root, same /tmp); otherwise start it with DOTNET_PerfMapEnabled=1.",
                e);
        }
        map._enabled = true;
        return map;
    }

    /// <summary>Stops the perf map again (JIT-heavy phases run slower while it is written).</summary>
    public void Dispose()
    {
        if (!_enabled)
            return;
        _enabled = false;
        try
        {
            _client.DisablePerfMap();
        }
        catch (Exception e) when (e is ServerNotAvailableException or UnsupportedCommandException or ServerErrorException or TimeoutException or IOException or UnauthorizedAccessException)
        {
            // The process is gone or no longer answers: nothing left to turn off.
        }
    }
}
