using Devtools.Core.Storage;

namespace Devtools.Core.Query.Sql;

/// <summary>What SQL requests are grouped by: the traced process and the normalised statement.</summary>
/// <param name="Upid">The traced process (client or server, as traced).</param>
/// <param name="Statement">The statement with its literals replaced, see <see cref="SqlNormalizer"/>.</param>
public readonly record struct SqlStatementKey(Upid Upid, string Statement);
