using Devtools.Core.Capture;
using Devtools.Core.Capture.SocketTrace;
using Devtools.Core.Query.Http;

namespace Devtools.Integration.Tests.Infrastructure;

/// <summary>Starting real eBPF capture in tests, and reading back what it captured.</summary>
public static class Capture
{
    /// <summary>
    /// Starts a capture (node-wide unless <paramref name="pid"/>). The test process
    /// itself is traced too: several tests use it as the HTTP client.
    /// </summary>
    public static CaptureSession Start(int pid = 0)
    {
        if (!CaptureEnvironment.HasBpfPrivileges())
            throw new InvalidOperationException("The integration tests load real BPF programs: run them as root (./test.sh does, in CI).");
        return CaptureSession.Start(new CaptureOptions
        {
            Tracer = new SocketTracerOptions { TargetPid = pid, ExcludeSelf = false },
        });
    }

    /// <summary>Stops the capture and returns every http_events row, asserting nothing was lost on the way.</summary>
    public static List<HttpEvent> StopAndRead(CaptureSession session)
    {
        CaptureSummary summary = session.Stop();
        Assert.Null(session.Fault);
        Assert.Equal(0UL, summary.DroppedEvents);
        return HttpEvent.ReadAll(session.Tables.HttpEvents);
    }
}

/// <summary>What a client sent and got back for one request: the ground truth a row must match.</summary>
public sealed record ClientExchange(string Method, string Path, long Status, long ReqBodySize, long RespBodySize, long ClientLatencyNs)
{
    public string Key => $"{Method} {Path} -> {Status} req {ReqBodySize} B resp {RespBodySize} B";
}

public static class ExchangeAssert
{
    /// <summary>
    /// Every exchange appears exactly once among <paramref name="rows"/> (same method,
    /// path, status and body sizes, in order), with 0 &lt; latency ≤ what the client measured.
    /// </summary>
    public static void EachCapturedOnce(IReadOnlyList<ClientExchange> expected, IEnumerable<HttpEvent> rows, string side)
    {
        List<HttpEvent> ordered = [.. rows.OrderBy(r => r.TimeUnixNs)];
        string Describe() => string.Join("\n", ordered.Select(r => $"  {r.ReqMethod} {r.ReqPath} -> {r.RespStatus} req {r.ReqBodySize} B resp {r.RespBodySize} B latency {r.LatencyNs / 1e6:0.000} ms"));
        Assert.True(
            expected.Count == ordered.Count,
            $"{side}: expected {expected.Count} requests, captured {ordered.Count}:\n{Describe()}");
        for (int i = 0; i < expected.Count; i++)
        {
            ClientExchange e = expected[i];
            HttpEvent r = ordered[i];
            string actual = $"{r.ReqMethod} {r.ReqPath} -> {r.RespStatus} req {r.ReqBodySize} B resp {r.RespBodySize} B";
            Assert.True(e.Key == actual, $"{side}: request {i}: expected {e.Key}, captured {actual}\nall captured:\n{Describe()}");
            Assert.True(r.LatencyNs > 0, $"{side}: request {i} ({e.Key}) has latency {r.LatencyNs} ns");
            Assert.True(
                r.LatencyNs <= e.ClientLatencyNs,
                $"{side}: request {i} ({e.Key}) latency {r.LatencyNs / 1e6:0.000} ms exceeds what the client measured, {e.ClientLatencyNs / 1e6:0.000} ms");
        }
    }
}
