using System.Buffers;
using System.Text;
using System.Text.Json;
using Devtools.Core.Protocols.Redis;

namespace Devtools.Core.Tests.Protocols.Redis;

/// <summary>Values become JSON strings: valid, exactly escaped, whatever their bytes and wherever the escapes fall.</summary>
public class RedisTextTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void ValuesAreEscapedExactlyAndDecodeBack(int seed)
    {
        var random = new Random(seed);
        byte[] alphabet = [.. "abc{}:,\" \\\n\r\t\u0001\u007f"u8, 0xC3, 0xA9, 0xE2, 0x82, 0xAC, 0xF0, 0x9F, 0x98, 0x80, 0xFF, 0x80];
        for (int round = 0; round < 3000; round++)
        {
            byte[] value = new byte[random.Next(0, 80)];
            for (int i = 0; i < value.Length; i++)
                value[i] = random.Next(3) == 0 ? (byte)random.Next(256) : alphabet[random.Next(alphabet.Length)];

            var message = new RedisMessage();
            Assert.True(RedisText.TryAppendValue(ref message, default, default, value, value.Length, quoted: true, limit: 4096));
            string json = Encoding.UTF8.GetString(message.Text);
            Assert.Equal(Reference(value), json);
            Assert.Equal(Decoded(value), JsonSerializer.Deserialize<string>(json));
            message.Release();
        }
    }

    [Fact]
    public void EscapesCutByTheLimitLeaveNothingBehind()
    {
        byte[] value = Encoding.UTF8.GetBytes(new string('"', 100));
        var message = new RedisMessage();
        Assert.False(RedisText.TryAppendValue(ref message, ","u8, default, value, value.Length, quoted: true, limit: 150));
        Assert.Equal(0, message.TextLength);
        Assert.True(RedisText.TryAppendValue(ref message, ","u8, default, value, value.Length, quoted: true, limit: 203));
        Assert.Equal(203, message.TextLength);
        message.Release();
    }

    /// <summary>The escaping spelled out byte by byte: what the fast writer must produce.</summary>
    private static string Reference(byte[] value)
    {
        var text = new StringBuilder("\"");
        ReadOnlySpan<byte> rest = value;
        while (!rest.IsEmpty)
        {
            byte b = rest[0];
            if (b >= 0x80 && Rune.DecodeFromUtf8(rest, out Rune rune, out int length) == OperationStatus.Done)
            {
                text.Append(rune.ToString());
                rest = rest[length..];
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
            rest = rest[1..];
        }
        return text.Append('"').ToString();
    }

    /// <summary>What a JSON reader gets back: UTF-8 where it is valid, each other byte as its Latin-1 character.</summary>
    private static string Decoded(byte[] value)
    {
        var text = new StringBuilder();
        ReadOnlySpan<byte> rest = value;
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf8(rest, out Rune rune, out int length) == OperationStatus.Done)
            {
                text.Append(rune.ToString());
                rest = rest[length..];
            }
            else
            {
                text.Append((char)rest[0]);
                rest = rest[1..];
            }
        }
        return text.ToString();
    }
}
