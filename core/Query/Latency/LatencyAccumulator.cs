namespace Devtools.Core.Query.Latency;

/// <summary>Running figures of one group: counters, time range and a latency sketch.</summary>
internal sealed class LatencyAccumulator(double relativeAccuracy)
{
    private readonly LatencySketch _latencies = new(relativeAccuracy);
    private long _serverErrors;
    private long _clientErrors;
    private long _firstTime = long.MaxValue;
    private long _lastTime = long.MinValue;

    public long Count => _latencies.Count;

    public void Add(long latencyNs, bool isServerError, bool isClientError, long timeUnixNs)
    {
        _latencies.Add(latencyNs);
        _serverErrors += isServerError ? 1 : 0;
        _clientErrors += isClientError ? 1 : 0;
        _firstTime = Math.Min(_firstTime, timeUnixNs);
        _lastTime = Math.Max(_lastTime, timeUnixNs);
    }

    public LatencyStats ToStats(double windowSeconds)
    {
        long count = Count;
        return new LatencyStats(
            count,
            _serverErrors,
            _clientErrors,
            ErrorRate: (double)_serverErrors / count,
            ClientErrorRate: (double)_clientErrors / count,
            P50Ns: _latencies.Quantile(0.50),
            P90Ns: _latencies.Quantile(0.90),
            P99Ns: _latencies.Quantile(0.99),
            MinLatencyNs: _latencies.Min,
            MaxLatencyNs: _latencies.Max,
            FirstTimeUnixNs: _firstTime,
            LastTimeUnixNs: _lastTime,
            RatePerSecond: windowSeconds > 0 ? count / windowSeconds : 0);
    }
}
