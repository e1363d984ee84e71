using Apache.Arrow;

namespace Devtools.Core.Storage.Schemas;

/// <summary>
/// Every table's name, schema and builder factory. Schemas come from the builders themselves, so
/// there is exactly one definition of each table's columns.
/// </summary>
public static class TableSchemas
{
    private static readonly Dictionary<string, Func<RecordBatchBuilder>> s_factories = new(StringComparer.Ordinal)
    {
        [TableNames.HttpEvents] = () => new HttpEventsBuilder(),
        [TableNames.PgsqlEvents] = () => new PgsqlEventsBuilder(),
        [TableNames.MysqlEvents] = () => new MysqlEventsBuilder(),
        [TableNames.RedisEvents] = () => new RedisEventsBuilder(),
        [TableNames.DnsEvents] = () => new DnsEventsBuilder(),
        [TableNames.ConnStats] = () => new ConnStatsBuilder(),
        [TableNames.ProcessStats] = () => new ProcessStatsBuilder(),
        [TableNames.StackTraces] = () => new StackTracesBuilder(),
    };

    // Builders allocate nothing until the first append, so making one per table to read its
    // schema is cheap.
    private static readonly Dictionary<string, Schema> s_schemas =
        s_factories.ToDictionary(pair => pair.Key, pair => pair.Value().Schema, StringComparer.Ordinal);

    /// <summary>Every table name, in a stable order.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        TableNames.HttpEvents,
        TableNames.PgsqlEvents,
        TableNames.MysqlEvents,
        TableNames.RedisEvents,
        TableNames.DnsEvents,
        TableNames.ConnStats,
        TableNames.ProcessStats,
        TableNames.StackTraces,
    ];

    /// <summary>The schema of <paramref name="tableName"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such table.</exception>
    public static Schema Get(string tableName) =>
        s_schemas.TryGetValue(tableName, out Schema? schema)
            ? schema
            : throw new KeyNotFoundException($"There is no table named '{tableName}'.");

    /// <summary>Looks up the schema of <paramref name="tableName"/>.</summary>
    public static bool TryGet(string tableName, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Schema? schema) =>
        s_schemas.TryGetValue(tableName, out schema);

    /// <summary>A new, empty builder for <paramref name="tableName"/>.</summary>
    public static RecordBatchBuilder CreateBuilder(string tableName) =>
        s_factories.TryGetValue(tableName, out Func<RecordBatchBuilder>? factory)
            ? factory()
            : throw new KeyNotFoundException($"There is no table named '{tableName}'.");
}
