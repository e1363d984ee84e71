using System.Buffers.Binary;
using Apache.Arrow;
using Apache.Arrow.Arrays;
using Apache.Arrow.Types;
using Devtools.Core.Query.Latency;
using Devtools.Core.Storage;
using Devtools.Core.Storage.Tables;

namespace Devtools.Core.Query.Sql;

/// <summary>
/// Per-statement rate, error rate and latency percentiles, rows grouped by (upid, normalised
/// statement), for <c>devtools top</c>. Reads pgsql_events (statement in <c>req</c>; an error
/// is a <c>resp</c> starting with "ERROR", "FATAL" or "PANIC", or a multi-statement
/// <c>resp</c> containing "; ERROR: ") and mysql_events (statement in <c>req_body</c>; an
/// error is <c>resp_status</c> 2, ERR), telling them apart by their columns. Errors count
/// as server errors; SQL has no client errors.
/// </summary>
public static class SqlStatementStats
{
    private const double NanosPerSecond = 1e9;

    /// <summary>Pixie's mysql resp_status for an ERR packet (0 unknown, 1 none, 2 ERR, 3 OK).</summary>
    public const long MysqlErrStatus = 2;

    /// <summary>Aggregates the rows of <paramref name="table"/> selected by <paramref name="query"/>.</summary>
    public static LatencyAggregation<SqlStatementKey> Compute(ITable table, SqlStatsQuery query)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(query);
        SqlTableKind kind = KindOf(table.Schema)
            ?? throw new ArgumentException($"{table.Name} has the columns of neither pgsql_events nor mysql_events.", nameof(table));

        var aggregator = new LatencyAggregator<SqlStatementKey>(query.MaxStatements);
        var normalizer = new SqlNormalizer(kind == SqlTableKind.Mysql ? SqlDialect.MySql : SqlDialect.PostgreSql);
        long firstSeen = long.MaxValue;
        long lastSeen = long.MinValue;
        foreach (RowSelection selection in table.Scan(query.FromUnixNs, query.ToUnixNs))
        {
            RecordBatch batch = selection.RecordBatch;
            var time = (TimestampArray)batch.Column("time_");
            var upids = (FixedSizeBinaryArray)batch.Column("upid");
            var latency = (Int64Array)batch.Column("latency");
            var statements = (StringArray)batch.Column(kind == SqlTableKind.Pgsql ? "req" : "req_body");
            StringArray? responses = kind == SqlTableKind.Pgsql ? (StringArray)batch.Column("resp") : null;
            Int64Array? statuses = kind == SqlTableKind.Mysql ? (Int64Array)batch.Column("resp_status") : null;
            Int64Array? roles = query.TraceRole is null ? null : batch.Column("trace_role") as Int64Array;
            foreach (int row in selection)
            {
                ReadOnlySpan<byte> upid = upids.GetBytes(row);
                if (query.Pid is uint pid && BinaryPrimitives.ReadUInt32BigEndian(upid[4..]) != pid)
                    continue;
                if (query.TraceRole is long role && (roles?.GetValue(row) ?? 0) != role)
                    continue;
                bool error = responses is not null
                    ? IsPgsqlError(responses.GetBytes(row))
                    : statuses!.GetValue(row) == MysqlErrStatus;
                long at = time.Values[row];
                var key = new SqlStatementKey(query.ByProcess ? Upid.ReadBigEndian(upid) : default, normalizer.Normalize(statements.GetBytes(row)));
                aggregator.Add(key, latency.GetValue(row) ?? 0, isServerError: error, isClientError: false, at);
                firstSeen = Math.Min(firstSeen, at);
                lastSeen = Math.Max(lastSeen, at);
            }
        }
        return aggregator.GetResult(WindowSeconds(query, firstSeen, lastSeen));
    }

    /// <summary>A pgsql_events resp that reports an error (see the class remarks).</summary>
    public static bool IsPgsqlError(ReadOnlySpan<byte> response) =>
        response.StartsWith("ERROR"u8) || response.StartsWith("FATAL"u8) || response.StartsWith("PANIC"u8)
        || response.IndexOf("; ERROR: "u8) >= 0;

    private static SqlTableKind? KindOf(Schema schema)
    {
        if (schema.GetFieldIndex("latency") < 0 || schema.GetFieldIndex("upid") < 0 || schema.GetFieldIndex("time_") < 0)
            return null;
        // req_cmd tells them apart: PostgreSQL's message name, MySQL's command byte.
        if (Has(schema, "req_cmd", ArrowTypeId.String) && Has(schema, "req", ArrowTypeId.String) && Has(schema, "resp", ArrowTypeId.String))
            return SqlTableKind.Pgsql;
        if (Has(schema, "req_cmd", ArrowTypeId.Int64) && Has(schema, "req_body", ArrowTypeId.String) && Has(schema, "resp_status", ArrowTypeId.Int64))
            return SqlTableKind.Mysql;
        return null;
    }

    private static bool Has(Schema schema, string name, ArrowTypeId type)
    {
        int index = schema.GetFieldIndex(name);
        return index >= 0 && schema.GetFieldByIndex(index).DataType.TypeId == type;
    }

    /// <summary>
    /// The query's window when it has both ends; otherwise the span of the matched rows, at least
    /// one second so a handful of statements does not read as thousands per second.
    /// </summary>
    private static double WindowSeconds(SqlStatsQuery query, long firstSeen, long lastSeen)
    {
        if (query.FromUnixNs != long.MinValue && query.ToUnixNs != long.MaxValue)
            return Math.Max(query.ToUnixNs - query.FromUnixNs, 1) / NanosPerSecond;
        if (firstSeen > lastSeen)
            return 1;
        long from = query.FromUnixNs != long.MinValue ? query.FromUnixNs : firstSeen;
        long to = query.ToUnixNs != long.MaxValue ? query.ToUnixNs : lastSeen;
        return Math.Max((to - from) / NanosPerSecond, 1);
    }

    private enum SqlTableKind : byte
    {
        Pgsql,
        Mysql,
    }
}
