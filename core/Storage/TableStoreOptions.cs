using Devtools.Core.Storage.Schemas;

namespace Devtools.Core.Storage;

/// <summary>
/// Memory limits of the <see cref="TableStore"/>. Pixie gives its table store about 1.25 GB per
/// node with 40% for http_events; Devtools runs next to the developer's own services, so the
/// default total is 256 MiB with the same http_events share.
/// </summary>
public sealed record TableStoreOptions
{
    /// <summary>Default <see cref="TotalBudgetBytes"/>: 256 MiB.</summary>
    public const long DefaultTotalBudgetBytes = 256L << 20;

    /// <summary>
    /// Default share of the total per table. http_events gets Pixie's 40%; the SQL tables carry
    /// query text so they get more than redis and dns, whose rows are small; stack traces are
    /// long strings; the two stats tables are fixed-size samples.
    /// </summary>
    public static IReadOnlyDictionary<string, double> DefaultShares { get; } = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        [TableNames.HttpEvents] = 0.40,
        [TableNames.PgsqlEvents] = 0.10,
        [TableNames.MysqlEvents] = 0.10,
        [TableNames.RedisEvents] = 0.075,
        [TableNames.DnsEvents] = 0.05,
        [TableNames.ConnStats] = 0.10,
        [TableNames.ProcessStats] = 0.075,
        [TableNames.StackTraces] = 0.10,
    };

    /// <summary>Bytes all tables together may retain.</summary>
    public long TotalBudgetBytes { get; init; } = DefaultTotalBudgetBytes;

    /// <summary>Fraction of <see cref="TotalBudgetBytes"/> per table name; must cover every table and add up to at most 1.</summary>
    public IReadOnlyDictionary<string, double> Shares { get; init; } = DefaultShares;

    /// <summary>Rows per sealed batch.</summary>
    public int MaxBatchRows { get; init; } = 4096;

    /// <summary>Longest time a committed row may stay invisible to readers.</summary>
    public TimeSpan SealAfter { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Clock for <see cref="SealAfter"/>.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The byte budget of <paramref name="tableName"/>.</summary>
    public long BudgetFor(string tableName) =>
        Shares.TryGetValue(tableName, out double share)
            ? (long)(TotalBudgetBytes * share)
            : throw new KeyNotFoundException($"No budget share for table '{tableName}'.");

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(TotalBudgetBytes);
        ArgumentNullException.ThrowIfNull(Shares);
        double sum = 0;
        foreach (string table in TableSchemas.Names)
        {
            if (!Shares.TryGetValue(table, out double share) || share < 0 || double.IsNaN(share))
            {
                throw new ArgumentException($"Shares must give table '{table}' a share between 0 and 1.", nameof(Shares));
            }

            sum += share;
        }

        if (sum > 1.0 + 1e-9)
        {
            throw new ArgumentException($"Shares add up to {sum:0.###}, more than the whole budget.", nameof(Shares));
        }
    }
}
