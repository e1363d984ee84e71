namespace Devtools.Core.Profiling.EventPipe.Requests;

/// <summary>
/// A request between Kestrel's RequestStart and the moment its row can be written
/// (RequestStop, and the status when it is awaited). Pooled: one per request in flight.
/// </summary>
internal sealed class PendingRequest
{
    public long StartNs;
    public long StopNs;
    public bool Stopped;
    public bool HasStatus;
    public int Status;
    public int MajorVersion;
    public int MinorVersion;
    public ulong ConnectionKey;
    public string Method = string.Empty;
    public string Path = string.Empty;
    public string Query = string.Empty;

    /// <summary>Environment.TickCount64 when the stop arrived and the status was still missing.</summary>
    public long ParkedAtMs;

    public void Clear()
    {
        StartNs = StopNs = 0;
        Stopped = HasStatus = false;
        Status = MajorVersion = MinorVersion = 0;
        ConnectionKey = 0;
        Method = Path = Query = string.Empty;
        ParkedAtMs = 0;
    }
}
