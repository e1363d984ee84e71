using System.Runtime.InteropServices;
using Devtools.Core.Capture.SocketTrace;

namespace Devtools.Core.Tests.Capture;

/// <summary>
/// The C# mirrors of bpf/socket_trace.h must match the C layout byte for byte:
/// a mismatch would decode every event wrongly without any error.
/// </summary>
public sealed class SocketTraceLayoutTests
{
    [Fact]
    public void Struct_sizes_match_the_C_header()
    {
        Assert.Equal(16, Marshal.SizeOf<ConfigStruct>());
        Assert.Equal(32, Marshal.SizeOf<EventHeader>());
        Assert.Equal(80, Marshal.SizeOf<OpenEvent>());
        Assert.Equal(48, Marshal.SizeOf<CloseEvent>());
        Assert.Equal(56, Marshal.SizeOf<DataEvent>());
        Assert.Equal(8, Marshal.SizeOf<ConnKey>());
        Assert.Equal(80, Marshal.SizeOf<DatagramEvent>());
        Assert.Equal(DatagramEventLayout.AddrOffset, (int)Marshal.OffsetOf<DatagramEvent>(nameof(DatagramEvent.Addr)));
    }

    [Fact]
    public void Field_offsets_match_the_C_header()
    {
        Assert.Equal(8, (int)Marshal.OffsetOf<EventHeader>(nameof(EventHeader.TimestampNs)));
        Assert.Equal(16, (int)Marshal.OffsetOf<EventHeader>(nameof(EventHeader.Pid)));
        Assert.Equal(24, (int)Marshal.OffsetOf<EventHeader>(nameof(EventHeader.Generation)));
        Assert.Equal(OpenEventLayout.LocalAddrOffset, (int)Marshal.OffsetOf<OpenEvent>(nameof(OpenEvent.LocalAddr)));
        Assert.Equal(OpenEventLayout.RemoteAddrOffset, (int)Marshal.OffsetOf<OpenEvent>(nameof(OpenEvent.RemoteAddr)));
        Assert.Equal(32, (int)Marshal.OffsetOf<DataEvent>(nameof(DataEvent.StreamOffset)));
        Assert.Equal(52, (int)Marshal.OffsetOf<DataEvent>(nameof(DataEvent.Direction)));
    }

    [Fact]
    public void C_header_declares_the_same_sizes()
    {
        // The header is the source of truth; check the constants we rely on are still there.
        string header = File.ReadAllText(Path.Combine(RepositoryRoot(), "bpf", "socket_trace.h"));
        Assert.Contains("#define DT_CHUNK_MAX 16384", header, StringComparison.Ordinal);
        Assert.Contains("DT_DROP_CONN_MAP_FULL = 8", header, StringComparison.Ordinal);
        Assert.Equal(9, Enum.GetValues<KernelDropReason>().Length);
    }

    [Theory]
    [InlineData(2, new byte[] { 127, 0, 0, 1 }, "127.0.0.1")]
    [InlineData(10, new byte[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 10, 1, 2, 3 }, "10.1.2.3")]
    [InlineData(10, new byte[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1 }, "::1")]
    [InlineData(1, new byte[] { 1 }, "-")]
    public void Addresses_are_formatted_as_users_expect(int family, byte[] address, string expected)
    {
        var bytes = new byte[16];
        address.CopyTo(bytes, 0);
        Assert.Equal(expected, SocketTracer.FormatAddress(family, bytes));
    }

    internal static string RepositoryRoot()
    {
        string? dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "Devtools.sln")))
            dir = Path.GetDirectoryName(dir);
        return dir ?? throw new InvalidOperationException("Cannot find the repository root above " + AppContext.BaseDirectory);
    }
}
