using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;

namespace Devtools.Host.Demo;

/// <summary>What the load loop sent and got back: the ground truth for the capture.</summary>
public sealed class LoadResult
{
    private long _started;
    private long _completed;
    private long _failed;

    /// <summary>Requests begun.</summary>
    public long Started => Interlocked.Read(ref _started);

    /// <summary>Requests that got a whole response.</summary>
    public long Completed => Interlocked.Read(ref _completed);

    public long Failed => Interlocked.Read(ref _failed);

    internal void CountStarted() => Interlocked.Increment(ref _started);

    internal void CountCompleted() => Interlocked.Increment(ref _completed);

    internal void CountFailed() => Interlocked.Increment(ref _failed);
}

/// <summary>
/// A bounded mix of requests against the sample service: a few workers, a target
/// rate, a stop after a duration or a request count, whichever comes first.
/// </summary>
public sealed class LoadGenerator(Uri baseAddress, int workers, double requestsPerSecond, long maxRequests)
{
    private static readonly (string Method, string Path, int Weight)[] Mix =
    [
        ("GET", "/orders/{id}", 40),
        ("GET", "/health", 10),
        ("POST", "/orders", 15),
        ("GET", "/orders?count=10", 10),
        ("DELETE", "/orders/{id}", 5),
        ("GET", "/slow?ms=40", 8),
        ("GET", "/error", 4),
        ("GET", "/static/logo", 5),
        ("GET", "/big?kb=64", 3),
    ];

    private CancellationToken _abort;

    public LoadResult Result { get; } = new();

    /// <summary>
    /// Sends until <paramref name="duration"/> passes or the count is reached; requests
    /// in flight then finish normally (so every one is complete on the wire).
    /// <paramref name="cancellationToken"/> (Ctrl-C) abandons them instead.
    /// </summary>
    public async Task RunAsync(TimeSpan duration, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(duration);
        _abort = cancellationToken;
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = workers, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) };
        using var client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var tasks = new Task[workers];
        for (int w = 0; w < workers; w++)
        {
            int seed = w;
            tasks[w] = Task.Run(() => WorkerAsync(client, seed, stop.Token), CancellationToken.None);
        }
        await Task.WhenAll(tasks);
    }

    private async Task WorkerAsync(HttpClient client, int seed, CancellationToken cancellationToken)
    {
        var random = new Random(seed);
        int totalWeight = Mix.Sum(m => m.Weight);
        double interval = workers / Math.Max(1, requestsPerSecond);
        var clock = Stopwatch.StartNew();
        long mine = 0;
        while (!cancellationToken.IsCancellationRequested && Result.Started < maxRequests)
        {
            double due = mine * interval;
            double wait = due - clock.Elapsed.TotalSeconds;
            if (wait > 0)
            {
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(wait), cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
            mine++;
            int pick = random.Next(totalWeight);
            var entry = Mix[0];
            foreach (var m in Mix)
            {
                if (pick < m.Weight)
                {
                    entry = m;
                    break;
                }
                pick -= m.Weight;
            }
            string path = entry.Path.Replace("{id}", random.Next(1, 500).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
            using var request = new HttpRequestMessage(new HttpMethod(entry.Method), path);
            if (entry.Method == "POST")
                request.Content = new StringContent($"{{\"item\":\"item-{random.Next(7)}\",\"quantity\":{random.Next(1, 9)}}}", Encoding.UTF8, "application/json");
            if (path == "/static/logo" && random.Next(2) == 0)
                request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"logo-v1\""));
            try
            {
                Result.CountStarted();
                using HttpResponseMessage response = await client.SendAsync(request, _abort);
                await response.Content.CopyToAsync(Stream.Null, _abort);
                Result.CountCompleted();
            }
            catch (OperationCanceledException)
            {
                break;
            }
            catch (HttpRequestException)
            {
                Result.CountFailed();
            }
        }
    }
}
