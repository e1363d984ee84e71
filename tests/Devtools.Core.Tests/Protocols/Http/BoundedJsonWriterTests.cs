using System.Buffers;
using System.Text;
using Devtools.Core.Protocols.Http;

namespace Devtools.Core.Tests.Protocols.Http;

/// <summary>
/// <see cref="BoundedJsonWriter.WriteEscaped"/> escapes block by block, with shortcuts for
/// quotes and for a value's last bytes; whatever the value and the room, it must write
/// what escaping byte by byte writes, and overflow exactly when that does not fit.
/// </summary>
public class BoundedJsonWriterTests
{
    private static readonly string[] Pieces =
    [
        "a", "plain text", "\"", "\\", "\"\"", "{\"type\":\"view\",\"at\":17}", "caf\u00e9", "\t", "\n", "\u0001",
        "0123456789abcdef", "x", "\u00e9\u00e9", "\\\"\\\"",
    ];

    public static TheoryData<int> Seeds()
    {
        var seeds = new TheoryData<int>();
        for (int seed = 0; seed < 60; seed++)
            seeds.Add(seed);
        return seeds;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Writes_what_escaping_byte_by_byte_writes(int seed)
    {
        var random = new Random(seed);
        for (int round = 0; round < 200; round++)
        {
            var text = new List<byte>();
            int pieces = random.Next(0, 12);
            for (int p = 0; p < pieces; p++)
                text.AddRange(Encoding.UTF8.GetBytes(Pieces[random.Next(Pieces.Length)]));
            if (random.Next(4) == 0)
                text.Add((byte)random.Next(0x80, 0x100));
            byte[] value = [.. text];
            byte[] expected = Reference(value);
            int room = random.Next(2) == 0 ? expected.Length + random.Next(0, 64) : random.Next(0, expected.Length + 2);

            var destination = new byte[room];
            var writer = new BoundedJsonWriter(destination);
            writer.WriteEscaped(value);

            bool fits = expected.Length <= room;
            Assert.Equal(!fits, writer.Overflowed);
            if (fits)
                Assert.Equal(expected, destination[..writer.Position]);
        }
    }

    [Fact]
    public void Escapes_every_quote_of_a_long_quoted_value()
    {
        byte[] value = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("\"k\":\"v\\\",", 20)));
        var destination = new byte[1024];
        var writer = new BoundedJsonWriter(destination);
        writer.WriteEscaped(value);
        Assert.False(writer.Overflowed);
        Assert.Equal(Reference(value), destination[..writer.Position]);
    }

    /// <summary>The rule, one byte (or UTF-8 sequence) at a time.</summary>
    private static byte[] Reference(ReadOnlySpan<byte> value)
    {
        var output = new List<byte>();
        while (!value.IsEmpty)
        {
            byte b = value[0];
            if (b >= 0x80)
            {
                if (Rune.DecodeFromUtf8(value, out _, out int length) == OperationStatus.Done)
                {
                    output.AddRange(value[..length].ToArray());
                    value = value[length..];
                    continue;
                }
                output.AddRange(Encoding.ASCII.GetBytes($"\\u00{b:x2}"));
            }
            else if (b == (byte)'"' || b == (byte)'\\')
            {
                output.Add((byte)'\\');
                output.Add(b);
            }
            else if (b == (byte)'\n')
            {
                output.AddRange("\\n"u8.ToArray());
            }
            else if (b == (byte)'\r')
            {
                output.AddRange("\\r"u8.ToArray());
            }
            else if (b == (byte)'\t')
            {
                output.AddRange("\\t"u8.ToArray());
            }
            else if (b < 0x20)
            {
                output.AddRange(Encoding.ASCII.GetBytes($"\\u00{b:x2}"));
            }
            else
            {
                output.Add(b);
            }
            value = value[1..];
        }
        return [.. output];
    }
}
