using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using Apache.Arrow;
using Apache.Arrow.Arrays;
using Devtools.Core.Query.Common;
using Devtools.Core.Query.Latency;
using Devtools.Core.Query.Paths;
using Devtools.Core.Storage;
using Devtools.Core.Storage.Schemas;
using Devtools.Core.Storage.Tables;

namespace Devtools.Core.Query.Http;

/// <summary>
/// Per-endpoint request rate, error rate and latency percentiles from http_events: rows grouped
/// by (upid, req_method, path template of req_path). Server errors are status ≥ 500, client
/// errors 400–499. A gRPC request's path names a method (/package.Service/Method), not a
/// resource: it is kept as it is rather than templated.
/// </summary>
public static class HttpEndpointStats
{
    private const double NanosPerMilli = 1e6;
    private const int StackPathChars = 1024;

    /// <summary>content_type of gRPC rows (Protocols.Http.HttpContentType.Grpc).</summary>
    private const long GrpcContentType = 2;

    /// <summary>Aggregates the rows of <paramref name="httpEvents"/> selected by <paramref name="query"/>.</summary>
    public static HttpEndpointReport Compute(ITable httpEvents, HttpEndpointQuery query)
    {
        ArgumentNullException.ThrowIfNull(httpEvents);
        if (httpEvents.Name != TableNames.HttpEvents)
        {
            throw new ArgumentException($"Expected the {TableNames.HttpEvents} table, got {httpEvents.Name}.", nameof(httpEvents));
        }

        return Compute(httpEvents.Snapshot(), query);
    }

    /// <summary>Aggregates the rows of an http_events snapshot selected by <paramref name="query"/>.</summary>
    public static HttpEndpointReport Compute(TableSnapshot snapshot, HttpEndpointQuery query)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(query);

        var aggregator = new LatencyAggregator<HttpEndpointKey>(query.MaxEndpoints);
        var methods = new Utf8StringCache();
        var paths = new Utf8StringCache();
        long firstSeen = long.MaxValue;
        long lastSeen = long.MinValue;
        foreach (RowSelection selection in snapshot.Scan(query.FromUnixNs, query.ToUnixNs))
        {
            var rows = new HttpColumns(selection.RecordBatch);
            foreach (int row in selection)
            {
                ReadOnlySpan<byte> upidBytes = rows.Upid.GetBytes(row);
                if (query.Pid is uint pid && BinaryPrimitives.ReadUInt32BigEndian(upidBytes[4..]) != pid)
                {
                    continue;
                }

                if (query.MajorVersion is int version && rows.MajorVersion.GetValue(row) != version)
                {
                    continue;
                }

                bool grpc = rows.ContentType.GetValue(row) == GrpcContentType;

                long time = rows.Time.Values[row];
                long status = rows.Status.GetValue(row) ?? 0;
                var key = new HttpEndpointKey(
                    Upid.ReadBigEndian(upidBytes),
                    rows.Method.IsNull(row) ? string.Empty : methods.Get(rows.Method.GetBytes(row)),
                    rows.Path.IsNull(row) ? "/" : grpc ? GrpcPath(rows.Path.GetBytes(row), paths) : NormalizePath(rows.Path.GetBytes(row)));
                aggregator.Add(key, rows.Latency.GetValue(row) ?? 0, isServerError: status >= 500, isClientError: status is >= 400 and < 500, time);
                firstSeen = Math.Min(firstSeen, time);
                lastSeen = Math.Max(lastSeen, time);
            }
        }

        double windowSeconds = QueryWindow.Seconds(query.FromUnixNs, query.ToUnixNs, firstSeen, lastSeen);
        LatencyAggregation<HttpEndpointKey> result = aggregator.GetResult(windowSeconds);
        HttpEndpointStat[] endpoints = result.Groups
            .Select(group => ToStat(group.Key, group.Stats))
            .ToArray();
        return new HttpEndpointReport(endpoints, result.Other, result.TotalCount, result.OverflowCount, windowSeconds);
    }

    /// <summary>A gRPC method path as sent (without a query, which gRPC does not use anyway).</summary>
    private static string GrpcPath(ReadOnlySpan<byte> utf8, Utf8StringCache cache)
    {
        int query = utf8.IndexOfAny((byte)'?', (byte)'#');
        return cache.Get(query >= 0 ? utf8[..query] : utf8);
    }

    private static string NormalizePath(ReadOnlySpan<byte> utf8)
    {
        char[]? rented = null;
        Span<char> chars = utf8.Length <= StackPathChars
            ? stackalloc char[StackPathChars]
            : (rented = ArrayPool<char>.Shared.Rent(utf8.Length));
        try
        {
            int length = Encoding.UTF8.GetChars(utf8, chars);
            return PathTemplate.Normalize(chars[..length]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    private static HttpEndpointStat ToStat(HttpEndpointKey key, LatencyStats stats) => new(
        key.Upid,
        key.Upid.Pid,
        key.Method,
        key.PathTemplate,
        stats.Count,
        stats.RatePerSecond,
        P50Ms: stats.P50Ns / NanosPerMilli,
        P90Ms: stats.P90Ns / NanosPerMilli,
        P99Ms: stats.P99Ns / NanosPerMilli,
        MaxMs: stats.MaxLatencyNs / NanosPerMilli,
        stats.ErrorRate,
        stats.ClientErrorRate,
        stats.ServerErrors,
        stats.ClientErrors,
        FirstSeenUnixNs: stats.FirstTimeUnixNs,
        LastSeenUnixNs: stats.LastTimeUnixNs);

    /// <summary>The http_events columns the aggregation reads, looked up once per batch.</summary>
    private readonly struct HttpColumns(RecordBatch batch)
    {
        public TimestampArray Time { get; } = (TimestampArray)batch.Column("time_");

        public FixedSizeBinaryArray Upid { get; } = (FixedSizeBinaryArray)batch.Column("upid");

        public StringArray Method { get; } = (StringArray)batch.Column("req_method");

        public StringArray Path { get; } = (StringArray)batch.Column("req_path");

        public Int64Array Status { get; } = (Int64Array)batch.Column("resp_status");

        public Int64Array Latency { get; } = (Int64Array)batch.Column("latency");

        public Int64Array MajorVersion { get; } = (Int64Array)batch.Column("major_version");

        public Int64Array ContentType { get; } = (Int64Array)batch.Column("content_type");
    }
}
