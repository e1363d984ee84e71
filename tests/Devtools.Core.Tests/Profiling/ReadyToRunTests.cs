using Devtools.Core.Profiling.Symbols;

namespace Devtools.Core.Tests.Profiling;

public sealed class ReadyToRunTests
{
    [Theory]
    [InlineData(new byte[] { 0x54 }, 42u, 1)]                         // xxxxxxx0: 7 bits
    [InlineData(new byte[] { 0xa1, 0x1f }, 2024u, 2)]                 // xxxxxx01: 14 bits
    [InlineData(new byte[] { 0x0b, 0x35, 0x0c }, 100_001u, 3)]        // xxxxx011: 21 bits
    [InlineData(new byte[] { 0x07, 0x00, 0x00, 0x10 }, 1u << 24, 4)]   // xxxx0111: 28 bits
    [InlineData(new byte[] { 0x0f, 0x78, 0x56, 0x34, 0x12 }, 0x12345678u, 5)] // xxx01111, then 32 bits
    public void Native_format_unsigned_values_decode_from_their_length_prefix(byte[] bytes, uint expected, int length)
    {
        int next = NativeFormat.DecodeUnsigned(bytes, 0, out uint value);

        Assert.Equal(expected, value);
        Assert.Equal(length, next);
    }

    [Fact]
    public void Truncated_encodings_are_refused()
    {
        Assert.Equal(-1, NativeFormat.DecodeUnsigned([0xa1], 0, out _));
        Assert.Equal(-1, NativeFormat.DecodeUnsigned([], 0, out _));
    }

    [Fact]
    public void Corelib_precompiled_methods_are_named_like_the_perf_map_names_them()
    {
        string corelib = typeof(object).Assembly.Location;
        using ReadyToRunMethods? methods = ReadyToRunMethods.TryRead(corelib);
        Assert.NotNull(methods);
        Assert.True(methods.Count > 10_000, $"{methods.Count} methods");

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (uint start in methods.Starts)
        {
            Assert.True(methods.TryFind(start, out string name));
            names.Add(name);
        }
        Assert.Contains("System.Text.Unicode.Utf8Utility::TranscodeToUtf8(char*,int32,uint8*,int32,char*&,uint8*&)", names);
        Assert.Contains("System.DateTime::get_UtcNow()", names);
        Assert.False(methods.TryFind(0, out _));
    }

    [Fact]
    public void Il_only_assemblies_have_no_precompiled_methods()
    {
        // The test assembly itself is IL only.
        Assert.Null(ReadyToRunMethods.TryRead(typeof(ReadyToRunTests).Assembly.Location));
        Assert.Null(ReadyToRunMethods.TryRead("/nonexistent.dll"));
    }
}
