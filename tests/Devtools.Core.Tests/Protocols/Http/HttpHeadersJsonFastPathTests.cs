using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Devtools.Core.Protocols.Http;

namespace Devtools.Core.Tests.Protocols.Http;

/// <summary>
/// The one-pass writer must produce byte for byte what the straightforward algorithm does
/// (<see cref="ReferenceJson"/>: collect, join repeats, escape everything, stop at the bound),
/// whichever of its shortcuts a block takes or gives up on.
/// </summary>
public class HttpHeadersJsonFastPathTests
{
    private static readonly string[] Names =
    [
        "Host", "host", "HOST", "Accept", "accept", "User-Agent", "Content-Type", "Set-Cookie", "set-cookie", "Cookie",
        "Authorization", "Proxy-Authorization", "X-Api-Key", "X-Auth-Token", "X-Request-Id", "A", "ab", "abc", "X",
        // More than 16 bytes, alike in their first and last eight: their keys collide.
        "X-Custom-1-Header", "X-Custom-2-Header", "x-custom-1-header",
        "Access-Control-Allow-Origin", "Transfer-Encoding", "X-Tokenish-Thing", "Te\u00e9st", "Te\u00e9st",
    ];

    private static readonly string[] Values =
    [
        "", "1", "value", "Bearer abc.def", "Basic", "a, b", " padded ", "\t tabbed\t", "q\"uote", "back\\slash",
        "caf\u00e9", "tab\tinside", "cr\rinside", "nul\0inside", "ctl\u0001", "long-" + new string('v', 70), "ünï",
    ];

    public static TheoryData<int> Seeds()
    {
        var seeds = new TheoryData<int>();
        for (int seed = 0; seed < 40; seed++)
            seeds.Add(seed);
        return seeds;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void MatchesTheStraightforwardAlgorithmOnRandomBlocks(int seed)
    {
        var random = new Random(seed);
        for (int round = 0; round < 50; round++)
        {
            byte[] lines = RandomLines(random, random.Next(0, 12), plainOnly: round % 2 == 0);
            byte[] trailers = random.Next(4) == 0 ? RandomLines(random, random.Next(0, 3), plainOnly: false) : [];
            HttpHeaders headers = HttpHeaders.FromHttp1Lines(lines, trailers);
            foreach (bool redact in (bool[])[true, false])
            {
                foreach (int max in (int[])[8192, random.Next(2, 200)])
                {
                    string expected = ReferenceJson(headers, max, redact);
                    string actual = Write(headers, max, redact, out bool complete);
                    Assert.True(expected == actual, $"seed {seed} round {round} max {max} redact {redact}\n{Encoding.Latin1.GetString(lines)}\nexpected {expected}\nactual   {actual}");
                    Assert.Equal(expected == ReferenceJson(headers, 1 << 20, redact), complete);
                    Assert.True(Encoding.UTF8.GetByteCount(actual) <= max);
                    using JsonDocument document = JsonDocument.Parse(actual);
                }
            }
        }
    }

    [Fact]
    public void WritesNamesWhoseKeysCollideAsTheDistinctNamesTheyAre()
    {
        Assert.Equal(
            "{\"X-Custom-1-Header\":\"a\",\"X-Custom-2-Header\":\"b\"}",
            Json("X-Custom-1-Header: a\r\nX-Custom-2-Header: b\r\n"));
    }

    [Fact]
    public void WritesEveryFieldOfALargeHead()
    {
        var lines = new StringBuilder();
        for (int i = 0; i < 80; i++)
            lines.Append(CultureInfo.InvariantCulture, $"X-F{i}: {i}\r\n");
        using JsonDocument document = JsonDocument.Parse(Json(lines.ToString()));
        Assert.Equal(80, document.RootElement.EnumerateObject().Count());
        Assert.Equal("79", document.RootElement.GetProperty("X-F79").GetString());
    }

    [Theory]
    [InlineData("X: cr\rinside\r\n", "{\"X\":\"cr\\rinside\"}")]
    [InlineData("X: a\tb\r\n", "{\"X\":\"a\\tb\"}")]
    [InlineData("X: a\r\r\n", "{\"X\":\"a\\r\"}")]
    [InlineData("X: last\r", "{\"X\":\"last\"}")]
    [InlineData("X: bare\nY: lf\n", "{\"X\":\"bare\",\"Y\":\"lf\"}")]
    [InlineData("no colon\r\n: empty name\r\nX: 1\r\n", "{\"X\":\"1\"}")]
    [InlineData("X: a:b:c\r\n", "{\"X\":\"a:b:c\"}")]
    [InlineData("X: \"q\" \\\r\n", "{\"X\":\"\\\"q\\\" \\\\\"}")]
    public void EscapesWhatTheLinesHoldWhereverItIs(string lines, string expected)
    {
        Assert.Equal(expected, Json(lines));
    }

    [Fact]
    public void JoinsARepeatThatOnlyTheTrailersBring()
    {
        HttpHeaders headers = HttpHeaders.FromHttp1Lines("A: 1\r\nB: 2\r\n"u8, "a: 3\r\n\r\n"u8);
        Assert.Equal("{\"A\":\"1, 3\",\"B\":\"2\"}", Write(headers, 8192, redact: true, out _));
    }

    [Fact]
    public void WritesAFieldListLikeLines()
    {
        byte[] store = Encoding.Latin1.GetBytes("hostexample.comauthorizationBearer xxx-q\"v\u00e9");
        HttpFieldRange[] fields = [new(0, 4, 4, 11), new(15, 13, 28, 9), new(37, 3, 40, 3)];
        HttpHeaders headers = HttpHeaders.FromFieldList(store, fields);
        Assert.Equal(ReferenceJson(headers, 8192, redact: true), Write(headers, 8192, redact: true, out _));
        Assert.Equal("{\"host\":\"example.com\",\"authorization\":\"Bearer <redacted>\",\"x-q\":\"\\\"v\\u00e9\"}", Write(headers, 8192, redact: true, out _));
    }

    private static string Json(string lines) => Write(HttpHeaders.FromHttp1Lines(Encoding.Latin1.GetBytes(lines)), 8192, redact: true, out _);

    private static string Write(HttpHeaders headers, int max, bool redact, out bool complete)
    {
        var output = new ArrayBufferWriter<byte>();
        complete = HttpHeadersJson.Write(headers, output, max, redact);
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    private static byte[] RandomLines(Random random, int count, bool plainOnly)
    {
        var bytes = new List<byte>();
        for (int i = 0; i < count; i++)
        {
            string name = Names[random.Next(Names.Length)];
            string value = Values[random.Next(Values.Length)];
            if (plainOnly && (name.Any(c => c > 0x7E) || value.Any(c => c < 0x20 || c > 0x7E || c is '"' or '\\')))
                continue;
            switch (random.Next(12))
            {
                case 0:
                    bytes.AddRange(Encoding.Latin1.GetBytes("no colon here"));
                    break;
                case 1:
                    bytes.AddRange(Encoding.Latin1.GetBytes($": {value}"));
                    break;
                case 2:
                    // Raw UTF-8 rather than Latin-1: valid multi-byte sequences pass through.
                    bytes.AddRange(Encoding.UTF8.GetBytes($"{name}: {value}"));
                    break;
                default:
                    bytes.AddRange(Encoding.Latin1.GetBytes($"{name}:{(random.Next(2) == 0 ? " " : "")}{value}"));
                    break;
            }
            bool last = i == count - 1;
            switch (random.Next(last ? 5 : 4))
            {
                case 0:
                    bytes.Add((byte)'\n');
                    break;
                case 4:
                    // The last line without its end.
                    break;
                default:
                    bytes.AddRange("\r\n"u8.ToArray());
                    break;
            }
        }
        return [.. bytes];
    }

    /// <summary>
    /// The definition, written for clarity: fields in order, a repeated name (ASCII
    /// case-insensitive; names with other bytes never match) joined under its first
    /// spelling, secrets redacted, every byte escaped that JSON or UTF-8 requires,
    /// members kept whole within the bound.
    /// </summary>
    private static string ReferenceJson(HttpHeaders headers, int max, bool redact)
    {
        var fields = new List<(byte[] Name, byte[] Value)>();
        foreach (HttpHeader header in headers)
            fields.Add((header.Name.ToArray(), header.Value.ToArray()));
        max = Math.Max(2, max);
        var json = new StringBuilder("{");
        int written = 1;
        var done = new bool[fields.Count];
        for (int i = 0; i < fields.Count; i++)
        {
            if (done[i])
                continue;
            var member = new StringBuilder();
            if (written > 1)
                member.Append(',');
            member.Append('"').Append(Escape(fields[i].Name)).Append("\":\"").Append(Value(fields[i].Name, fields[i].Value, redact));
            for (int j = i + 1; j < fields.Count; j++)
            {
                if (Ascii.EqualsIgnoreCase(fields[i].Name, fields[j].Name))
                {
                    done[j] = true;
                    member.Append(", ").Append(Value(fields[j].Name, fields[j].Value, redact));
                }
            }
            member.Append('"');
            int size = Encoding.UTF8.GetByteCount(member.ToString());
            if (written + size + 1 > max)
                break;
            json.Append(member);
            written += size;
        }
        return json.Append('}').ToString();
    }

    private static string Value(byte[] name, byte[] value, bool redact)
    {
        if (!redact || !IsSecret(name))
            return Escape(value);
        string lower = AsciiLower(name);
        int space = Array.IndexOf(value, (byte)' ');
        string scheme = lower is "authorization" or "proxy-authorization" && space > 0 ? Escape(value.AsSpan(0, space + 1)) : "";
        return scheme + "<redacted>";
    }

    private static bool IsSecret(byte[] name)
    {
        string lower = AsciiLower(name);
        return lower is "authorization" or "proxy-authorization" or "cookie" or "set-cookie"
            || lower.Contains("token", StringComparison.Ordinal) || lower.Contains("secret", StringComparison.Ordinal)
            || lower.Contains("password", StringComparison.Ordinal) || lower.Contains("api-key", StringComparison.Ordinal)
            || lower.Contains("apikey", StringComparison.Ordinal) || lower.Contains("api_key", StringComparison.Ordinal);
    }

    /// <summary>Bytes as Latin-1 characters with only A-Z lowered, as ASCII case-insensitive matching sees them.</summary>
    private static string AsciiLower(byte[] name) =>
        new([.. name.Select(b => (char)(b is >= (byte)'A' and <= (byte)'Z' ? b + 32 : b))]);

    private static string Escape(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder();
        while (!bytes.IsEmpty)
        {
            byte b = bytes[0];
            if (b >= 0x80 && Rune.DecodeFromUtf8(bytes, out Rune rune, out int length) == OperationStatus.Done)
            {
                text.Append(rune.ToString());
                bytes = bytes[length..];
                continue;
            }
            text.Append(b switch
            {
                (byte)'"' => "\\\"",
                (byte)'\\' => "\\\\",
                (byte)'\n' => "\\n",
                (byte)'\r' => "\\r",
                (byte)'\t' => "\\t",
                < 0x20 or >= 0x80 => $"\\u00{b:x2}",
                _ => ((char)b).ToString(),
            });
            bytes = bytes[1..];
        }
        return text.ToString();
    }
}
