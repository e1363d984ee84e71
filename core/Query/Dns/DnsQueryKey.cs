using Devtools.Core.Storage;

namespace Devtools.Core.Query.Dns;

/// <summary>What DNS lookups are grouped by: the process that made or served them, the name asked and the type.</summary>
/// <param name="Upid">The traced process.</param>
/// <param name="Name">The first question's name, ASCII letters lowercased (names compare case-insensitively).</param>
/// <param name="Type">The question's type mnemonic, e.g. "AAAA".</param>
public readonly record struct DnsQueryKey(Upid Upid, string Name, string Type);
