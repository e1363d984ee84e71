using Devtools.Core.Storage;

namespace Devtools.Core.Query.Redis;

/// <summary>What Redis commands are grouped by: the traced process and the command ("GET", "CLIENT SETNAME").</summary>
/// <param name="Upid">The traced process (the server, or the client when tracing the client side).</param>
/// <param name="Command">req_cmd: upper-case, with the subcommand of container commands.</param>
public readonly record struct RedisCommandKey(Upid Upid, string Command);
