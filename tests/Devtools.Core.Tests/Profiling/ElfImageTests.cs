using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Devtools.Core.Profiling.Symbols;

namespace Devtools.Core.Tests.Profiling;

public sealed class ElfImageTests
{
    private const string Source = """
        static volatile unsigned long sink;
        __attribute__((noinline)) void devtools_test_exported(unsigned long n) { for (unsigned long i = 0; i < n; i++) sink += i; }
        __attribute__((noinline)) static void devtools_test_static(unsigned long n) { devtools_test_exported(n * 2); }
        int main(int argc, char **argv) { (void)argv; devtools_test_static((unsigned long)argc); return 0; }
        """;

    [Fact]
    public void Resolves_an_address_in_this_process_through_maps_file_offset_and_symbols()
    {
        // libc is a shared object loaded at a random base: the full path a sampled address takes.
        nint libc = NativeLibrary.Load("libc.so.6");
        ulong address = (ulong)NativeLibrary.GetExport(libc, "getpid");
        ProcessMappings maps = ProcessMappings.Read((uint)Environment.ProcessId);
        Assert.True(maps.TryFind(address, out Mapping mapping), "getpid is in an executable mapping");

        ElfImage? image = ElfImage.TryRead(mapping.Path);
        Assert.NotNull(image);
        Assert.True(image.TryFileOffsetToAddress(address - mapping.Start + mapping.FileOffset, out ulong vaddr));
        Assert.True(image.Symbols.TryFind(vaddr, out string name, out ulong offset));
        Assert.Contains("getpid", name, StringComparison.Ordinal);
        Assert.Equal(0UL, offset);
    }

    [Theory]
    [InlineData("-no-pie")]
    [InlineData("-pie")]
    public void Finds_static_and_exported_functions_of_a_compiled_binary(string pie)
    {
        string binary = Compile(pie);
        ElfImage? image = ElfImage.TryRead(binary);
        Assert.NotNull(image);
        Dictionary<string, ulong> nm = Nm(binary);

        foreach (string function in (string[])["devtools_test_exported", "devtools_test_static", "main"])
        {
            Assert.True(image.Symbols.TryFind(nm[function] + 3, out string name, out ulong offset), function);
            Assert.Equal(function, name);
            Assert.Equal(3UL, offset);
        }
        Assert.Matches("^[0-9a-f]{40}$", image.BuildId);
        Assert.Equal(image.BuildId, ElfImage.TryReadBuildId(binary));
    }

    [Fact]
    public void File_offsets_of_a_non_pie_binary_map_to_its_link_addresses()
    {
        string binary = Compile("-no-pie");
        ElfImage image = ElfImage.TryRead(binary)!;
        ulong main = Nm(binary)["main"];
        // "LOAD 0x001000 0x0000000000401000 ..." from readelf: file offset and address of each segment.
        (ulong offset, ulong vaddr) = Run("readelf", ["-lW", binary]).Split('\n')
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(p => p.Length > 5 && p[0] == "LOAD")
            .Select(p => (Hex(p[1]), Hex(p[2]), Hex(p[4])))
            .Where(s => main >= s.Item2 && main < s.Item2 + s.Item3)
            .Select(s => (s.Item1, s.Item2))
            .Single();
        Assert.NotEqual(offset, vaddr);

        Assert.True(image.TryFileOffsetToAddress(main - vaddr + offset, out ulong address));
        Assert.Equal(main, address);
    }

    private static ulong Hex(string text) => ulong.Parse(text.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    [Fact]
    public void Files_that_are_not_elf_are_refused()
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "MZ not an elf file at all, just text that is long enough for a header....");
            Assert.Null(ElfImage.TryRead(path));
            Assert.Null(ElfImage.TryReadBuildId(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string Compile(string pie)
    {
        string dir = Path.Combine(Path.GetTempPath(), "devtools-elf-tests");
        Directory.CreateDirectory(dir);
        string source = Path.Combine(dir, "test.c");
        string binary = Path.Combine(dir, $"test{pie}-{Environment.ProcessId}");
        if (File.Exists(binary))
            return binary;
        File.WriteAllText(source, Source);
        Run("gcc", ["-O1", "-g", "-fno-omit-frame-pointer", pie, "-o", binary, source]);
        return binary;
    }

    private static Dictionary<string, ulong> Nm(string binary)
    {
        var symbols = new Dictionary<string, ulong>(StringComparer.Ordinal);
        foreach (string line in Run("nm", [binary]).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 3 && parts[1] is "T" or "t")
                symbols[parts[2]] = ulong.Parse(parts[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        }
        return symbols;
    }

    private static string Run(string file, string[] arguments)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in arguments)
            info.ArgumentList.Add(argument);
        using Process process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {file}");
        string output = process.StandardOutput.ReadToEnd();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{file} failed (install gcc: scripts/setup.sh test): {error}");
        return output;
    }
}
