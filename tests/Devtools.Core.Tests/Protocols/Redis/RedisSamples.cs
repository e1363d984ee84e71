using System.Text;

namespace Devtools.Core.Tests.Protocols.Redis;

/// <summary>A realistic RESP2 conversation: what a web application says to its cache.</summary>
internal static class RedisSamples
{
    public const string UserJson = "{\"id\":42,\"name\":\"Ada\",\"roles\":[\"admin\"]}";

    /// <summary>Builds a command the way clients send it: an array of bulk strings.</summary>
    public static string Command(params string[] parts)
    {
        var text = new StringBuilder();
        text.Append('*').Append(parts.Length).Append("\r\n");
        foreach (string part in parts)
            text.Append('$').Append(Encoding.UTF8.GetByteCount(part)).Append("\r\n").Append(part).Append("\r\n");
        return text.ToString();
    }

    public static string Bulk(string value) => $"${Encoding.UTF8.GetByteCount(value)}\r\n{value}\r\n";

    public static readonly (string Request, string Response, string Expected)[] Exchanges =
    [
        (Command("PING"), "+PONG\r\n", "Command PING [] -> PONG"),
        (Command("CLIENT", "SETNAME", "web-1"), "+OK\r\n", "Command CLIENT SETNAME [\"web-1\"] -> OK"),
        (Command("set", "user:42", UserJson, "EX", "60"), "+OK\r\n",
            "Command SET [\"user:42\",\"{\\\"id\\\":42,\\\"name\\\":\\\"Ada\\\",\\\"roles\\\":[\\\"admin\\\"]}\",\"EX\",\"60\"] -> OK"),
        (Command("GET", "user:42"), Bulk(UserJson),
            "Command GET [\"user:42\"] -> " + UserJson),
        (Command("GET", "user:missing"), "$-1\r\n", "Command GET [\"user:missing\"] -> <NULL>"),
        (Command("INCR", "hits"), ":42\r\n", "Command INCR [\"hits\"] -> 42"),
        (Command("MGET", "a", "b", "c"), "*3\r\n$1\r\n1\r\n$-1\r\n$2\r\nzz\r\n", "Command MGET [\"a\",\"b\",\"c\"] -> [\"1\",null,\"zz\"]"),
        (Command("HGETALL", "h"), "*4\r\n$4\r\nname\r\n$3\r\nAda\r\n$3\r\nage\r\n$2\r\n36\r\n", "Command HGETALL [\"h\"] -> [\"name\",\"Ada\",\"age\",\"36\"]"),
        (Command("CONFIG", "GET", "maxmemory"), "*2\r\n$9\r\nmaxmemory\r\n$1\r\n0\r\n", "Command CONFIG GET [\"maxmemory\"] -> [\"maxmemory\",\"0\"]"),
        (Command("LRANGE", "queue", "0", "-1"), "*0\r\n", "Command LRANGE [\"queue\",\"0\",\"-1\"] -> []"),
        (Command("XINFO", "STREAM", "events"), "-ERR no such key\r\n", "Command XINFO STREAM [\"events\"] -> -ERR no such key (error)"),
        (Command("NOSUCH", "x"), "-ERR unknown command 'NOSUCH', with args beginning with: 'x' \r\n",
            "Command NOSUCH [\"x\"] -> -ERR unknown command 'NOSUCH', with args beginning with: 'x'  (error)"),
        (Command("MULTI"), "+OK\r\n", "Command MULTI [] -> OK"),
        (Command("SET", "a", "1"), "+QUEUED\r\n", "Command SET [\"a\",\"1\"] -> QUEUED"),
        (Command("INCR", "a"), "+QUEUED\r\n", "Command INCR [\"a\"] -> QUEUED"),
        (Command("EXEC"), "*2\r\n+OK\r\n:2\r\n", "Command EXEC [] -> [\"OK\",2]"),
        (Command("ZRANGE", "board", "0", "1", "WITHSCORES"), "*2\r\n*2\r\n$3\r\nann\r\n$3\r\n1.5\r\n*2\r\n$3\r\nbob\r\n$1\r\n2\r\n",
            "Command ZRANGE [\"board\",\"0\",\"1\",\"WITHSCORES\"] -> [[\"ann\",\"1.5\"],[\"bob\",\"2\"]]"),
        (Command("DEL", "user:42", "session:\u00e9t\u00e9"), ":1\r\n", "Command DEL [\"user:42\",\"session:\u00e9t\u00e9\"] -> 1"),
        ("PING\r\n", "+PONG\r\n", "Command PING [] -> PONG"),
        ("set greeting \"hello world\"\r\n", "+OK\r\n", "Command SET [\"greeting\",\"hello world\"] -> OK"),
    ];

    public static byte[] AllRequests => Encoding.UTF8.GetBytes(string.Concat(Exchanges.Select(e => e.Request)));

    public static byte[] AllResponses => Encoding.UTF8.GetBytes(string.Concat(Exchanges.Select(e => e.Response)));

    public static string[] Expected => [.. Exchanges.Select(e => e.Expected)];
}
