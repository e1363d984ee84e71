using System.Buffers.Binary;
using System.Text.Json;
using Apache.Arrow;
using Apache.Arrow.Arrays;
using Devtools.Core.Query.Common;
using Devtools.Core.Query.Latency;
using Devtools.Core.Storage;
using Devtools.Core.Storage.Schemas;
using Devtools.Core.Storage.Tables;

namespace Devtools.Core.Query.Dns;

/// <summary>
/// Lookup rate, error rate and latency percentiles from dns_events, grouped by (upid, query
/// name, query type) for <c>devtools top</c>. Names are grouped ignoring ASCII case.
/// </summary>
/// <remarks>
/// An error is any answer whose RCODE is not NOERROR, NXDOMAIN included: a name that does
/// not exist is usually a misconfiguration worth seeing (a typo, a missing search-domain
/// entry) rather than a success. Errors are reported as server errors (ErrorRate); no
/// lookup is a client error.
/// </remarks>
public static class DnsQueryStats
{
    /// <summary>Room for a name as JSON holds it (a 255-octet name with every octet escaped, backslashes escaped again) and a type mnemonic.</summary>
    private const int MaxNameBytes = 2048;
    private const int MaxTypeBytes = 32;

    /// <summary>Aggregates the rows of <paramref name="dnsEvents"/> selected by <paramref name="query"/>.</summary>
    public static LatencyAggregation<DnsQueryKey> Compute(ITable dnsEvents, DnsStatsQuery query)
    {
        ArgumentNullException.ThrowIfNull(dnsEvents);
        if (dnsEvents.Name != TableNames.DnsEvents)
        {
            throw new ArgumentException($"Expected the {TableNames.DnsEvents} table, got {dnsEvents.Name}.", nameof(dnsEvents));
        }

        return Compute(dnsEvents.Snapshot(), query);
    }

    /// <summary>Aggregates the rows of a dns_events snapshot selected by <paramref name="query"/>.</summary>
    public static LatencyAggregation<DnsQueryKey> Compute(TableSnapshot snapshot, DnsStatsQuery query)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(query);

        var aggregator = new LatencyAggregator<DnsQueryKey>(query.MaxGroups);
        var names = new Utf8StringCache(maxEntries: 4096, maxCachedBytes: MaxNameBytes);
        var types = new Utf8StringCache();
        Span<byte> name = stackalloc byte[MaxNameBytes];
        Span<byte> type = stackalloc byte[MaxTypeBytes];
        long firstSeen = long.MaxValue;
        long lastSeen = long.MinValue;
        foreach (RowSelection selection in snapshot.Scan(query.FromUnixNs, query.ToUnixNs))
        {
            var rows = new DnsColumns(selection.RecordBatch);
            foreach (int row in selection)
            {
                ReadOnlySpan<byte> upidBytes = rows.Upid.GetBytes(row);
                if (query.Pid is uint pid && BinaryPrimitives.ReadUInt32BigEndian(upidBytes[4..]) != pid)
                {
                    continue;
                }

                long time = rows.Time.Values[row];
                FirstQuestion(rows.ReqBody.GetBytes(row), name, out int nameLength, type, out int typeLength);
                LowerAscii(name[..nameLength]);
                var key = new DnsQueryKey(Upid.ReadBigEndian(upidBytes), names.Get(name[..nameLength]), types.Get(type[..typeLength]));
                long rcode = Rcode(rows.RespHeader.GetBytes(row));
                aggregator.Add(key, rows.Latency.GetValue(row) ?? 0, isServerError: rcode != 0, isClientError: false, time);
                firstSeen = Math.Min(firstSeen, time);
                lastSeen = Math.Max(lastSeen, time);
            }
        }

        return aggregator.GetResult(QueryWindow.Seconds(query.FromUnixNs, query.ToUnixNs, firstSeen, lastSeen));
    }

    /// <summary>
    /// Copies name and type of the first entry of req_body's "queries" (unescaped); lengths 0
    /// when there is none or a value does not fit.
    /// </summary>
    internal static void FirstQuestion(ReadOnlySpan<byte> reqBody, Span<byte> name, out int nameLength, Span<byte> type, out int typeLength)
    {
        nameLength = 0;
        typeLength = 0;
        var reader = new Utf8JsonReader(reqBody);
        try
        {
            // {"queries":[{"name":"…","type":"…"},…],…}
            bool inQueries = false;
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName when reader.CurrentDepth == 1:
                        inQueries = reader.ValueTextEquals("queries"u8);
                        break;
                    case JsonTokenType.PropertyName when inQueries && reader.CurrentDepth == 3:
                        bool isName = reader.ValueTextEquals("name"u8);
                        bool isType = reader.ValueTextEquals("type"u8);
                        if (!reader.Read())
                            return;
                        if (reader.TokenType == JsonTokenType.String && (isName || isType))
                        {
                            Span<byte> destination = isName ? name : type;
                            int length = reader.HasValueSequence || reader.ValueSpan.Length > destination.Length
                                ? 0
                                : reader.CopyString(destination);
                            if (isName)
                                nameLength = length;
                            else
                                typeLength = length;
                        }
                        break;
                    case JsonTokenType.EndObject when inQueries && reader.CurrentDepth == 2:
                        return;
                }
            }
        }
        catch (JsonException)
        {
            // A row written by something else: group what was read so far.
        }
    }

    /// <summary>resp_header's "rcode"; 0 when missing.</summary>
    internal static long Rcode(ReadOnlySpan<byte> respHeader)
    {
        var reader = new Utf8JsonReader(respHeader);
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals("rcode"u8))
                    return reader.Read() && reader.TryGetInt64(out long rcode) ? rcode : 0;
            }
        }
        catch (JsonException)
        {
        }
        return 0;
    }

    private static void LowerAscii(Span<byte> text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] is >= (byte)'A' and <= (byte)'Z')
                text[i] |= 0x20;
        }
    }

    /// <summary>The dns_events columns the aggregation reads, looked up once per batch.</summary>
    private readonly struct DnsColumns(RecordBatch batch)
    {
        public TimestampArray Time { get; } = (TimestampArray)batch.Column("time_");

        public FixedSizeBinaryArray Upid { get; } = (FixedSizeBinaryArray)batch.Column("upid");

        public StringArray ReqBody { get; } = (StringArray)batch.Column("req_body");

        public StringArray RespHeader { get; } = (StringArray)batch.Column("resp_header");

        public Int64Array Latency { get; } = (Int64Array)batch.Column("latency");
    }
}
