using System.Diagnostics.CodeAnalysis;
using Devtools.Core.Storage.Schemas;
using Devtools.Core.Storage.Tables;

namespace Devtools.Core.Storage;

/// <summary>
/// Every table of a Devtools session, each with its share of the memory budget. The capture
/// loop is the single writer of all of them; queries and exporters read concurrently.
/// </summary>
public sealed class TableStore
{
    // Large rows must not make one batch a big slice of a table's budget, or eviction would
    // throw away that much at once.
    private const int BatchesPerBudget = 16;
    private const long MaxBatchBytes = 8L << 20;
    private const long MinBatchBytes = 64L << 10;

    private readonly Dictionary<string, Table> _byName = new(StringComparer.Ordinal);

    /// <summary>Creates empty tables sized by <paramref name="options"/> (defaults when null).</summary>
    public TableStore(TableStoreOptions? options = null)
    {
        Options = options ?? new TableStoreOptions();
        Options.Validate();

        HttpEvents = Add(new HttpEventsBuilder());
        PgsqlEvents = Add(new PgsqlEventsBuilder());
        MysqlEvents = Add(new MysqlEventsBuilder());
        RedisEvents = Add(new RedisEventsBuilder());
        DnsEvents = Add(new DnsEventsBuilder());
        ConnStats = Add(new ConnStatsBuilder());
        ProcessStats = Add(new ProcessStatsBuilder());
        StackTraces = Add(new StackTracesBuilder());
        All = [HttpEvents, PgsqlEvents, MysqlEvents, RedisEvents, DnsEvents, ConnStats, ProcessStats, StackTraces];
    }

    /// <summary>The options the store was built with.</summary>
    public TableStoreOptions Options { get; }

    /// <summary><c>http_events</c>.</summary>
    public Table<HttpEventsBuilder> HttpEvents { get; }

    /// <summary><c>pgsql_events</c>.</summary>
    public Table<PgsqlEventsBuilder> PgsqlEvents { get; }

    /// <summary><c>mysql_events</c>.</summary>
    public Table<MysqlEventsBuilder> MysqlEvents { get; }

    /// <summary><c>redis_events</c>.</summary>
    public Table<RedisEventsBuilder> RedisEvents { get; }

    /// <summary><c>dns_events</c>.</summary>
    public Table<DnsEventsBuilder> DnsEvents { get; }

    /// <summary><c>conn_stats</c>.</summary>
    public Table<ConnStatsBuilder> ConnStats { get; }

    /// <summary><c>process_stats</c>.</summary>
    public Table<ProcessStatsBuilder> ProcessStats { get; }

    /// <summary><c>stack_traces.beta</c>.</summary>
    public Table<StackTracesBuilder> StackTraces { get; }

    /// <summary>Every table, in <see cref="TableSchemas.Names"/> order.</summary>
    public IReadOnlyList<Table> All { get; }

    /// <summary>Bytes retained by all tables together.</summary>
    public long RetainedBytes => All.Sum(table => table.RetainedBytes);

    /// <summary>The table called <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such table.</exception>
    public Table this[string name] =>
        _byName.TryGetValue(name, out Table? table) ? table : throw new KeyNotFoundException($"There is no table named '{name}'.");

    /// <summary>Looks up a table by name.</summary>
    public bool TryGetTable(string name, [NotNullWhen(true)] out Table? table) => _byName.TryGetValue(name, out table);

    /// <summary>Writer: seals every table's pending rows (e.g. before an export or at shutdown).</summary>
    public void SealAll()
    {
        foreach (Table table in All)
        {
            table.Seal();
        }
    }

    /// <summary>Writer: <see cref="Table.Tick"/> on every table; call every ~100 ms from the capture loop.</summary>
    public void Tick()
    {
        foreach (Table table in All)
        {
            table.Tick();
        }
    }

    private Table<TBuilder> Add<TBuilder>(TBuilder builder)
        where TBuilder : RecordBatchBuilder
    {
        long budget = Options.BudgetFor(builder.TableName);
        var table = new Table<TBuilder>(builder, new TableOptions
        {
            BudgetBytes = budget,
            MaxBatchRows = Options.MaxBatchRows,
            MaxBatchBytes = Math.Clamp(budget / BatchesPerBudget, MinBatchBytes, MaxBatchBytes),
            SealAfter = Options.SealAfter,
            TimeProvider = Options.TimeProvider,
        });
        _byName.Add(table.Name, table);
        return table;
    }
}
