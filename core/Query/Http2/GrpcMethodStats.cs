using System.Buffers.Binary;
using Apache.Arrow;
using Apache.Arrow.Arrays;
using Devtools.Core.Query.Common;
using Devtools.Core.Query.Http;
using Devtools.Core.Query.Latency;
using Devtools.Core.Storage;
using Devtools.Core.Storage.Schemas;
using Devtools.Core.Storage.Tables;

namespace Devtools.Core.Query.Http2;

/// <summary>
/// Per-method call rate, error rate and latency percentiles of gRPC from http_events: rows of
/// HTTP/2 (major_version 2) with content_type gRPC (2), grouped by (upid, service, method) of
/// req_path. A call's outcome is its grpc-status (read from resp_headers), not the HTTP status,
/// which is 200 for failed calls too: codes a caller caused (INVALID_ARGUMENT, NOT_FOUND,
/// ALREADY_EXISTS, PERMISSION_DENIED, FAILED_PRECONDITION, OUT_OF_RANGE, UNAUTHENTICATED,
/// CANCELLED) are client errors, the other non-zero codes server errors. A call without
/// grpc-status (reset, cut short) counts as a server error unless its HTTP status says otherwise.
/// </summary>
public static class GrpcMethodStats
{
    private const double NanosPerSecond = 1e9;
    private const long GrpcContentType = 2;

    /// <summary>Aggregates the gRPC rows of <paramref name="httpEvents"/> selected by <paramref name="query"/>.</summary>
    public static LatencyAggregation<GrpcMethodKey> Compute(ITable httpEvents, GrpcMethodQuery query)
    {
        ArgumentNullException.ThrowIfNull(httpEvents);
        if (httpEvents.Name != TableNames.HttpEvents)
            throw new ArgumentException($"Expected the {TableNames.HttpEvents} table, got {httpEvents.Name}.", nameof(httpEvents));
        return Compute(httpEvents.Snapshot(), query);
    }

    /// <summary>Aggregates the gRPC rows of an http_events snapshot selected by <paramref name="query"/>.</summary>
    public static LatencyAggregation<GrpcMethodKey> Compute(TableSnapshot snapshot, GrpcMethodQuery query)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(query);
        var aggregator = new LatencyAggregator<GrpcMethodKey>(query.MaxMethods);
        var names = new Utf8StringCache();
        long firstSeen = long.MaxValue;
        long lastSeen = long.MinValue;
        foreach (RowSelection selection in snapshot.Scan(query.FromUnixNs, query.ToUnixNs))
        {
            var rows = new Columns(selection.RecordBatch);
            foreach (int row in selection)
            {
                if (rows.MajorVersion.GetValue(row) != 2 || rows.ContentType.GetValue(row) != GrpcContentType)
                    continue;
                ReadOnlySpan<byte> upid = rows.Upid.GetBytes(row);
                if (query.Pid is uint pid && BinaryPrimitives.ReadUInt32BigEndian(upid[4..]) != pid)
                    continue;
                SplitPath(rows.Path.IsNull(row) ? default : rows.Path.GetBytes(row), out ReadOnlySpan<byte> service, out ReadOnlySpan<byte> method);
                var key = new GrpcMethodKey(Upid.ReadBigEndian(upid), names.Get(service), names.Get(method));
                GrpcOutcome outcome = Outcome(rows.RespHeaders.GetBytes(row), rows.Status.GetValue(row) ?? 0);
                long time = rows.Time.Values[row];
                aggregator.Add(key, rows.Latency.GetValue(row) ?? 0, outcome == GrpcOutcome.ServerError, outcome == GrpcOutcome.ClientError, time);
                firstSeen = Math.Min(firstSeen, time);
                lastSeen = Math.Max(lastSeen, time);
            }
        }
        return aggregator.GetResult(WindowSeconds(query, firstSeen, lastSeen));
    }

    /// <summary>What a grpc-status code says about who failed.</summary>
    public static GrpcOutcome Classify(int grpcStatus) => grpcStatus switch
    {
        0 => GrpcOutcome.Ok,
        1 or 3 or 5 or 6 or 7 or 9 or 11 or 16 => GrpcOutcome.ClientError,
        _ => GrpcOutcome.ServerError,
    };

    /// <summary>"/package.Service/Method" split at its last slash; anything else is all method.</summary>
    private static void SplitPath(ReadOnlySpan<byte> path, out ReadOnlySpan<byte> service, out ReadOnlySpan<byte> method)
    {
        int slash = path.LastIndexOf((byte)'/');
        if (slash > 0 && path[0] == (byte)'/')
        {
            service = path[1..slash];
            method = path[(slash + 1)..];
            return;
        }
        service = default;
        method = path;
    }

    /// <summary>The call's outcome from the grpc-status member of resp_headers (the headers JSON), else its HTTP status.</summary>
    private static GrpcOutcome Outcome(ReadOnlySpan<byte> responseHeaders, long httpStatus)
    {
        ReadOnlySpan<byte> member = "\"grpc-status\":\""u8;
        int at = responseHeaders.IndexOf(member);
        if (at >= 0)
        {
            ReadOnlySpan<byte> value = responseHeaders[(at + member.Length)..];
            int code = 0;
            int digits = 0;
            while (digits < value.Length && digits < 9 && value[digits] is >= (byte)'0' and <= (byte)'9')
                code = (code * 10) + (value[digits++] - '0');
            if (digits > 0)
                return Classify(code);
        }
        return httpStatus is >= 400 and < 500 ? GrpcOutcome.ClientError : GrpcOutcome.ServerError;
    }

    private static double WindowSeconds(GrpcMethodQuery query, long firstSeen, long lastSeen)
    {
        if (query.FromUnixNs != long.MinValue && query.ToUnixNs != long.MaxValue)
            return Math.Max(query.ToUnixNs - query.FromUnixNs, 1) / NanosPerSecond;
        if (firstSeen > lastSeen)
            return 1;
        long from = query.FromUnixNs != long.MinValue ? query.FromUnixNs : firstSeen;
        long to = query.ToUnixNs != long.MaxValue ? query.ToUnixNs : lastSeen;
        return Math.Max((to - from) / NanosPerSecond, 1);
    }

    /// <summary>The http_events columns the aggregation reads, looked up once per batch.</summary>
    private readonly struct Columns(RecordBatch batch)
    {
        public TimestampArray Time { get; } = (TimestampArray)batch.Column("time_");

        public FixedSizeBinaryArray Upid { get; } = (FixedSizeBinaryArray)batch.Column("upid");

        public StringArray Path { get; } = (StringArray)batch.Column("req_path");

        public StringArray RespHeaders { get; } = (StringArray)batch.Column("resp_headers");

        public Int64Array Status { get; } = (Int64Array)batch.Column("resp_status");

        public Int64Array Latency { get; } = (Int64Array)batch.Column("latency");

        public Int64Array MajorVersion { get; } = (Int64Array)batch.Column("major_version");

        public Int64Array ContentType { get; } = (Int64Array)batch.Column("content_type");
    }
}

/// <summary>How a gRPC call ended, for error rates.</summary>
public enum GrpcOutcome : byte
{
    Ok,
    ClientError,
    ServerError,
}
