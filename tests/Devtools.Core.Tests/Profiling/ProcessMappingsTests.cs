using Devtools.Core.Profiling.Symbols;

namespace Devtools.Core.Tests.Profiling;

public sealed class ProcessMappingsTests
{
    private const string Maps = """
        55d0c0a00000-55d0c0a01000 r--p 00000000 fe:00 1234                       /usr/bin/hot
        55d0c0a01000-55d0c0a02000 r-xp 00001000 fe:00 1234                       /usr/bin/hot
        7f00aa000000-7f00aa010000 r-xs 0000e000 00:01 3115                       /memfd:doublemapper (deleted)
        7f00ab000000-7f00ab100000 r-xp 00000000 00:00 0
        7f00ac000000-7f00ac200000 r-xp 00028000 fe:00 99                         /usr/lib/x86_64-linux-gnu/libc.so.6
        7f00ad000000-7f00ad001000 r-xp 00000000 fe:00 77                         /opt/app/lib with space.so (deleted)
        7ffd1234a000-7ffd1234c000 r-xp 00000000 00:00 0                          [vdso]
        """;

    [Fact]
    public void Keeps_executable_mappings_and_finds_the_one_holding_an_address()
    {
        ProcessMappings maps = ProcessMappings.Parse(new StringReader(Maps));

        Assert.Equal(6, maps.Count);
        Assert.True(maps.TryFind(0x7f00ac000123, out Mapping libc));
        Assert.Equal("/usr/lib/x86_64-linux-gnu/libc.so.6", libc.Path);
        Assert.Equal(0x28000UL, libc.FileOffset);
        Assert.Equal("libc.so.6", libc.ModuleName);
        Assert.True(libc.IsFile);
        Assert.False(maps.TryFind(0x55d0c0a00010, out _)); // not executable
    }

    [Fact]
    public void Anonymous_memfd_and_special_mappings_are_not_files()
    {
        ProcessMappings maps = ProcessMappings.Parse(new StringReader(Maps));

        Assert.True(maps.TryFind(0x7f00aa000010, out Mapping memfd));
        Assert.False(memfd.IsFile);
        Assert.True(maps.TryFind(0x7f00ab000010, out Mapping anon));
        Assert.False(anon.IsFile);
        Assert.Equal("[anon]", anon.ModuleName);
        Assert.True(maps.TryFind(0x7ffd1234a010, out Mapping vdso));
        Assert.Equal("[vdso]", vdso.Path);
        Assert.False(vdso.IsFile);
    }

    [Fact]
    public void Deleted_files_and_paths_with_spaces_keep_their_path()
    {
        ProcessMappings maps = ProcessMappings.Parse(new StringReader(Maps));

        Assert.True(maps.TryFind(0x7f00ad000010, out Mapping lib));
        Assert.Equal("/opt/app/lib with space.so", lib.Path);
        Assert.Equal(77UL, lib.Inode);
    }
}
