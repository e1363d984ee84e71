using Devtools.Core.Storage;

namespace Devtools.Core.Query.Mysql;

/// <summary>What MySQL commands are grouped by: the traced process and the command ("COM_QUERY", "COM_STMT_EXECUTE").</summary>
/// <param name="Upid">The traced process.</param>
/// <param name="Command">The command's name, see <see cref="Protocols.Mysql.MysqlCommands.Name"/>.</param>
public readonly record struct MysqlCommandKey(Upid Upid, string Command);
