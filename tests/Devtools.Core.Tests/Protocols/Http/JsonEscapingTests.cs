using System.Text;
using Devtools.Core.Common;
using Devtools.Core.Protocols.Http;

namespace Devtools.Core.Tests.Protocols.Http;

public class JsonEscapingTests
{
    [Fact]
    public void PlainLinesAgreeWithTheByteRuleAtEveryPositionAndLength()
    {
        // Lengths around both vector widths, a special byte (or line end) at every position.
        byte[] probes = [(byte)'"', (byte)'\\', 0x00, 0x09, 0x1F, 0x7F, 0x80, 0xC3, 0xFF, (byte)'\r', (byte)'\n', (byte)'a'];
        for (int length = 0; length <= 70; length++)
        {
            for (int position = 0; position < length; position++)
            {
                foreach (byte probe in probes)
                {
                    byte[] block = Filler(length);
                    block[position] = probe;
                    Assert.True(Reference(block) == JsonEscaping.IsPlainLines(block), $"length {length}, 0x{probe:x2} at {position}");
                    if (probe == (byte)'\r' && position + 1 < length)
                    {
                        // A CR that ends a line, the LF perhaps in the next vector.
                        block[position + 1] = (byte)'\n';
                        Assert.True(JsonEscaping.IsPlainLines(block), $"CRLF at {position} of {length}");
                    }
                }
            }
        }
    }

    [Fact]
    public void PlainLinesAgreeWithTheByteRuleOnRandomBlocks()
    {
        var random = new Random(7);
        byte[] alphabet = [.. "abc: \r\n\r\n\r\n"u8, (byte)'"', 0x01, 0xE9];
        for (int round = 0; round < 5000; round++)
        {
            byte[] block = new byte[random.Next(0, 130)];
            for (int i = 0; i < block.Length; i++)
                block[i] = random.Next(8) == 0 ? alphabet[random.Next(alphabet.Length)] : (byte)random.Next(0x20, 0x7F);
            Assert.Equal(Reference(block), JsonEscaping.IsPlainLines(block));
            Assert.Equal(!block.Any(JsonEscaping.IsSpecial), JsonEscaping.IsPlain(block));
        }
    }

    [Fact]
    public void SpecialBytesAreThoseJsonOrUtf8CheckingNeed()
    {
        for (int b = 0; b <= 0xFF; b++)
            Assert.Equal(b < 0x20 || b >= 0x80 || b == '"' || b == '\\', JsonEscaping.IsSpecial((byte)b));
    }

    [Fact]
    public void FieldLineBreaksFindEveryColonAndLineFeedInOrder()
    {
        var random = new Random(3);
        for (int round = 0; round < 2000; round++)
        {
            byte[] block = new byte[random.Next(0, 100)];
            for (int i = 0; i < block.Length; i++)
                block[i] = (byte)"ab:\n\r x"[random.Next(7)];
            int start = block.Length == 0 ? 0 : random.Next(block.Length);
            var scanner = new ByteScanner<FieldLineBreaks>(block, start);
            var found = new List<int>();
            for (int index = scanner.Next(); index >= 0; index = scanner.Next())
                found.Add(index);
            Assert.Equal(Enumerable.Range(start, block.Length - start).Where(i => block[i] is (byte)':' or (byte)'\n'), found);
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
                Assert.Equal(HeaderNameKey.Of(bytes), HeaderNameKey.Of(variant));
            }
        }
        Assert.NotEqual(HeaderNameKey.Of("Accept-Encoding"u8), HeaderNameKey.Of("Accept-Language"u8));
        Assert.NotEqual(HeaderNameKey.Of("ab"u8), HeaderNameKey.Of("ba"u8));
    }

    private static byte[] Filler(int length)
    {
        byte[] block = new byte[length];
        for (int i = 0; i < length; i++)
            block[i] = (byte)('a' + (i % 26));
        return block;
    }

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
}
