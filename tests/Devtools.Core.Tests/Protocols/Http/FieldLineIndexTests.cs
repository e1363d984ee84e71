using System.Text;
using Devtools.Core.Protocols.Http;

namespace Devtools.Core.Tests.Protocols.Http;

public class FieldLineIndexTests
{
    [Fact]
    public void PlainAgreesWithTheByteRuleAtEveryPositionAndLength()
    {
        // Lengths around the chunk size and its multiples, a special byte (or line end) at every position.
        byte[] probes = [(byte)'"', (byte)'\\', 0x00, 0x09, 0x1F, 0x7F, 0x80, 0xC3, 0xFF, (byte)'\r', (byte)'\n', (byte)':'];
        for (int length = 0; length <= 100; length++)
        {
            for (int position = 0; position < length; position++)
            {
                foreach (byte probe in probes)
                {
                    byte[] block = Filler(length);
                    block[position] = probe;
                    Assert.True(Reference(block) == Index(block, out _), $"length {length}, 0x{probe:x2} at {position}");
                    if (probe == (byte)'\r' && position + 1 < length)
                    {
                        // A CR that ends a line, the LF perhaps in the next chunk.
                        block[position + 1] = (byte)'\n';
                        Assert.True(Index(block, out _), $"CRLF at {position} of {length}");
                    }
                }
            }
        }
    }

    [Fact]
    public void FindsEveryLineFeedAndColonAndAgreesOnPlainBlocksAtRandom()
    {
        var random = new Random(7);
        byte[] alphabet = [.. "ab: \r\n\r\n\r\n::"u8, (byte)'"', 0x01, 0xE9];
        for (int round = 0; round < 2000; round++)
        {
            byte[] block = new byte[random.Next(0, 200)];
            for (int i = 0; i < block.Length; i++)
                block[i] = random.Next(6) == 0 ? alphabet[random.Next(alphabet.Length)] : (byte)random.Next(0x20, 0x7F);
            Assert.Equal(Reference(block), Index(block, out FoundBytes found));
            Assert.Equal(Positions(block, (byte)'\n'), found.LineFeeds);
            Assert.Equal(Positions(block, (byte)':'), found.Colons);
        }
    }

    [Fact]
    public void SpecialBytesAreThoseJsonOrUtf8CheckingNeed()
    {
        for (int b = 0; b <= 0xFF; b++)
        {
            Assert.Equal(b < 0x20 || b >= 0x80 || b == '"' || b == '\\', JsonEscaping.IsSpecial((byte)b));
            Assert.Equal(JsonEscaping.IsSpecial((byte)b), !JsonEscaping.IsPlain([(byte)b]));
        }
    }

    [Fact]
    public void KeysOfNamesEqualIgnoringCaseAreEqual()
    {
        var random = new Random(5);
        foreach (string name in (string[])["a", "ab", "abc", "Host", "Accept", "Content-Type", "X-Request-Id-Long-Name", "proxy-authorization", "x^y_z`{|}~"])
        {
            byte[] bytes = Encoding.ASCII.GetBytes(name);
            for (int round = 0; round < 50; round++)
            {
                byte[] variant = [.. bytes.Select(b => random.Next(2) == 0 ? (byte)char.ToUpperInvariant((char)b) : (byte)char.ToLowerInvariant((char)b))];
                Assert.Equal(FoldedName.Of(bytes).Key, FoldedName.Of(variant).Key);
            }
        }
        Assert.NotEqual(FoldedName.Of("Accept-Encoding"u8).Key, FoldedName.Of("Accept-Language"u8).Key);
        Assert.NotEqual(FoldedName.Of("ab"u8).Key, FoldedName.Of("ba"u8).Key);
    }

    [Fact]
    public void KnownNamesAreNeverSecretAndAreRecognisedInAnyCase()
    {
        foreach (string name in KnownHeaderNames.Names)
        {
            string lower = name.ToLowerInvariant();
            bool secret = lower is "cookie" or "set-cookie" or "authorization" or "proxy-authorization"
                || ((string[])["token", "secret", "password", "api-key", "apikey", "api_key"]).Any(w => lower.Contains(w, StringComparison.Ordinal));
            Assert.False(secret, name);
            Assert.True(Known(name), name);
            Assert.True(Known(name.ToUpperInvariant()), name);
            if (name.Length > 16)
                Assert.False(Known(name[..8] + "x" + name[9..]), name);
        }
        foreach (string name in (string[])["X-Auth-Token", "Authorization", "Cookie", "X-Requestid", "Hosts", "Content-Typ", "Transfer-Encodin", "Access-Control-Allow-Token", "Access-Control-Tokens-Origin"])
            Assert.False(Known(name), name);
    }

    private static bool Known(string name)
    {
        byte[] bytes = Encoding.ASCII.GetBytes(name);
        return KnownHeaderNames.Contains(bytes, FoldedName.Of(bytes));
    }

    private static byte[] Filler(int length)
    {
        byte[] block = new byte[length];
        for (int i = 0; i < length; i++)
            block[i] = (byte)('a' + (i % 26));
        return block;
    }

    private static bool Index(byte[] block, out FoundBytes found)
    {
        int chunks = FieldLineIndex.ChunkCount(block.Length);
        var index = new FieldLineIndex(block, new uint[chunks], new uint[chunks]);
        found = new FoundBytes(Walk(block, (byte)'\n', index), Walk(block, (byte)':', index));
        return index.IsPlain;
    }

    /// <summary>Checks the search from every start position, and returns the positions it walks to.</summary>
    private static List<int> Walk(byte[] block, byte value, FieldLineIndex index)
    {
        for (int from = 0; from <= block.Length + 40; from++)
        {
            int expected = from < block.Length ? Array.IndexOf(block, value, from) : -1;
            Assert.Equal(expected, Next(index, value, from));
        }
        var positions = new List<int>();
        for (int at = Next(index, value, 0); at >= 0; at = Next(index, value, at + 1))
            positions.Add(at);
        return positions;
    }

    private static int Next(FieldLineIndex index, byte value, int from) => value == (byte)':' ? index.NextColon(from) : index.NextLineFeed(from);

    private static List<int> Positions(byte[] block, byte value) => [.. Enumerable.Range(0, block.Length).Where(i => block[i] == value)];

    private static bool Reference(byte[] block)
    {
        for (int i = 0; i < block.Length; i++)
        {
            byte b = block[i];
            bool lineEnd = b == (byte)'\n' || (b == (byte)'\r' && i + 1 < block.Length && block[i + 1] == (byte)'\n');
            if (JsonEscaping.IsSpecial(b) && !lineEnd)
                return false;
        }
        return true;
    }

    private sealed record FoundBytes(List<int> LineFeeds, List<int> Colons);
}
