using Devtools.Core.Capture;
using Devtools.Core.Query.Dns;
using Devtools.Core.Query.Http;
using Devtools.Core.Query.Http2;
using Devtools.Core.Query.Mysql;
using Devtools.Core.Query.Redis;
using Devtools.Core.Query.Sql;
using Spectre.Console;

namespace Devtools.Host.Rendering;

/// <summary>What `devtools top PROTOCOL` groups by, per protocol.</summary>
public static class TopViews
{
    public static IReadOnlyList<(string Name, string Description)> Catalog { get; } =
    [
        ("http", "HTTP/1.x endpoints: method and path template (ids replaced)."),
        ("http2", "HTTP/2 endpoints: method and path."),
        ("grpc", "gRPC methods: service and method, errors from grpc-status."),
        ("pgsql", "PostgreSQL statements, normalised (literals replaced by ?)."),
        ("mysql", "MySQL/MariaDB statements, normalised (literals replaced by ?)."),
        ("mysql-commands", "MySQL/MariaDB commands (COM_QUERY, COM_STMT_EXECUTE, …)."),
        ("redis", "Redis commands (GET, SET, HGETALL, …); errors are -ERR replies."),
        ("dns", "DNS queries: name and type; errors are NXDOMAIN, SERVFAIL and other failure codes."),
    ];

    /// <summary>The table of <paramref name="protocol"/> over [from, to).</summary>
    public static Table Build(string protocol, CaptureSession session, uint? pid, long fromUnixNs, long toUnixNs, string caption)
    {
        ArgumentNullException.ThrowIfNull(session);
        var tables = session.Tables;
        Func<Devtools.Core.Storage.Upid, string> name = session.Processes.GetName;
        switch (protocol)
        {
            case "http":
            case "http2":
                var httpQuery = new HttpEndpointQuery { FromUnixNs = fromUnixNs, ToUnixNs = toUnixNs, Pid = pid, MajorVersion = protocol == "http" ? 1 : 2 };
                return EndpointTable.Build(HttpEndpointStats.Compute(tables.HttpEvents, httpQuery), name, caption);
            case "grpc":
                return AggregationTable.Build(
                    GrpcMethodStats.Compute(tables.HttpEvents, new GrpcMethodQuery { FromUnixNs = fromUnixNs, ToUnixNs = toUnixNs, Pid = pid }),
                    ["SERVICE", "METHOD"],
                    k => (k.Upid, [k.Service, k.Method]),
                    name,
                    caption);
            case "pgsql":
            case "mysql":
                var sqlQuery = new SqlStatsQuery { FromUnixNs = fromUnixNs, ToUnixNs = toUnixNs, Pid = pid };
                return AggregationTable.Build(
                    SqlStatementStats.Compute(protocol == "pgsql" ? tables.PgsqlEvents : tables.MysqlEvents, sqlQuery),
                    ["STATEMENT"],
                    k => (k.Upid, [AggregationTable.Clip(k.Statement)]),
                    name,
                    caption);
            case "mysql-commands":
                return AggregationTable.Build(
                    MysqlCommandStats.Compute(tables.MysqlEvents, new MysqlCommandQuery { FromUnixNs = fromUnixNs, ToUnixNs = toUnixNs, Pid = pid }),
                    ["COMMAND"],
                    k => (k.Upid, [k.Command]),
                    name,
                    caption);
            case "redis":
                return AggregationTable.Build(
                    RedisCommandStats.Compute(tables.RedisEvents, new RedisCommandQuery { FromUnixNs = fromUnixNs, ToUnixNs = toUnixNs, Pid = pid }),
                    ["COMMAND"],
                    k => (k.Upid, [k.Command]),
                    name,
                    caption);
            case "dns":
                return AggregationTable.Build(
                    DnsQueryStats.Compute(tables.DnsEvents, new DnsStatsQuery { FromUnixNs = fromUnixNs, ToUnixNs = toUnixNs, Pid = pid }),
                    ["NAME", "TYPE"],
                    k => (k.Upid, [AggregationTable.Clip(k.Name), k.Type]),
                    name,
                    caption);
            default:
                throw new ArgumentException($"Unknown protocol '{protocol}'.", nameof(protocol));
        }
    }
}
