using System.Text;
using Devtools.Core.Profiling.EventPipe;
using Devtools.Core.Profiling.EventPipe.Requests;

namespace Devtools.Core.Tests.Profiling;

public sealed class RequestParsingTests
{
    [Theory]
    [InlineData("HTTP/1.1", 1, 1)]
    [InlineData("HTTP/1.0", 1, 0)]
    [InlineData("HTTP/2", 2, 0)]
    [InlineData("HTTP/3", 3, 0)]
    [InlineData("", 0, 0)]
    [InlineData("SPDY/9", 0, 0)]
    public void Versions(string text, int major, int minor) => Assert.Equal((major, minor), RequestFields.Version(text));

    [Theory]
    [InlineData("127.0.0.1:5000", "127.0.0.1", 5000)]
    [InlineData("[::1]:443", "::1", 443)]
    [InlineData("[::ffff:10.1.2.3]:80", "10.1.2.3", 80)]
    [InlineData("unix:/tmp/kestrel.sock", "-", 0)]
    [InlineData("", "-", 0)]
    public void Endpoints(string text, string address, int port) => Assert.Equal((address, port), RequestFields.Endpoint(text));

    [Fact]
    public void Standard_methods_share_one_string()
    {
        Assert.Same("GET", RequestFields.Method("GET".AsSpan()));
        Assert.Equal("PROPFIND", RequestFields.Method("PROPFIND".AsSpan()));
    }

    [Fact]
    public void Keys_depend_only_on_the_text()
    {
        Assert.Equal(RequestFields.Key("0HNQBMJC6SI3G:00000001"), RequestFields.Key(new string("0HNQBMJC6SI3G:00000001".ToCharArray())));
        Assert.NotEqual(RequestFields.Key("0HNQBMJC6SI3G:00000001"), RequestFields.Key("0HNQBMJC6SI3G:00000002"));
    }

    [Fact]
    public void Reads_a_DiagnosticSource_event_payload_as_the_runtime_writes_it()
    {
        // SourceName, EventName, then a UInt16 count of {Key, Value} pairs: UTF-16LE, NUL-terminated.
        var bytes = new List<byte>();
        void String(string s) => bytes.AddRange(Encoding.Unicode.GetBytes(s + "\0"));
        String("Microsoft.AspNetCore");
        String("Microsoft.AspNetCore.Hosting.EndRequest");
        bytes.AddRange(BitConverter.GetBytes((ushort)2));
        String("TraceIdentifier");
        String("0HN:00000001");
        String("StatusCode");
        String("404");

        var reader = new EventPayloadReader([.. bytes]);
        Assert.True(reader.TryReadString(out ReadOnlySpan<char> source));
        Assert.Equal("Microsoft.AspNetCore", source.ToString());
        Assert.True(reader.TryReadString(out ReadOnlySpan<char> name));
        Assert.Equal("Microsoft.AspNetCore.Hosting.EndRequest", name.ToString());
        Assert.True(reader.TryReadUInt16(out ushort count));
        Assert.Equal(2, count);
        var pairs = new List<string>();
        for (int i = 0; i < count; i++)
        {
            Assert.True(reader.TryReadString(out ReadOnlySpan<char> key));
            Assert.True(reader.TryReadString(out ReadOnlySpan<char> value));
            pairs.Add($"{key}={value}");
        }
        Assert.Equal(["TraceIdentifier=0HN:00000001", "StatusCode=404"], pairs);
        Assert.False(reader.TryReadString(out _));
        Assert.False(reader.TryReadUInt16(out _));
    }

    [Fact]
    public void Source_paths_map_by_longest_prefix()
    {
        var map = new SourcePathMap([new("/src/", "/home/me/shop/"), new("/src/Lib/", "/home/me/lib/")]);
        Assert.Equal("/home/me/shop/Cart.cs", map.Map("/src/Cart.cs"));
        Assert.Equal("/home/me/lib/Money.cs", map.Map("/src/Lib/Money.cs"));
        Assert.Equal("/elsewhere/X.cs", map.Map("/elsewhere/X.cs"));
    }

    [Fact]
    public void Names_an_address_by_the_library_mapped_there()
    {
        nint libc = System.Runtime.InteropServices.NativeLibrary.Load("libc.so.6");
        ulong getpid = (ulong)System.Runtime.InteropServices.NativeLibrary.GetExport(libc, "getpid");
        var map = new NativeModuleMap(Environment.ProcessId);
        (string Module, ulong Offset)? found = map.Find(getpid);
        Assert.NotNull(found);
        Assert.StartsWith("libc", found.Value.Module, StringComparison.Ordinal);
        Assert.Null(map.Find(8));
    }

    [Fact]
    public void Parses_file_backed_mappings_only()
    {
        Assert.True(NativeModuleMap.TryParse("7f1c2a000000-7f1c2a200000 r-xp 00010000 08:01 1234   /usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.12/libcoreclr.so", out var m));
        Assert.Equal((0x7f1c2a000000UL, 0x7f1c2a200000UL, 0x10000UL, "libcoreclr.so"), (m.Start, m.End, m.FileOffset, m.Name));
        Assert.False(NativeModuleMap.TryParse("7f1c2a000000-7f1c2a200000 rw-p 00000000 00:00 0 ", out _));
        Assert.False(NativeModuleMap.TryParse("7ffd1000-7ffd2000 rw-p 00000000 00:00 0      [stack]", out _));
    }
}
