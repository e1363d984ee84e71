namespace Devtools.Core.Storage.Schemas;

/// <summary>Table names, identical to Pixie's so existing PxL habits and tools carry over.</summary>
public static class TableNames
{
    /// <summary>HTTP/1.x and HTTP/2 requests.</summary>
    public const string HttpEvents = "http_events";

    /// <summary>PostgreSQL queries.</summary>
    public const string PgsqlEvents = "pgsql_events";

    /// <summary>MySQL queries.</summary>
    public const string MysqlEvents = "mysql_events";

    /// <summary>Redis commands.</summary>
    public const string RedisEvents = "redis_events";

    /// <summary>DNS queries.</summary>
    public const string DnsEvents = "dns_events";

    /// <summary>Per-connection traffic counters.</summary>
    public const string ConnStats = "conn_stats";

    /// <summary>Per-process resource counters.</summary>
    public const string ProcessStats = "process_stats";

    /// <summary>Sampled CPU stack traces.</summary>
    public const string StackTraces = "stack_traces.beta";
}
