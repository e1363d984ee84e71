using Devtools.Core.Profiling.Symbols;

namespace Devtools.Core.Tests.Profiling;

public sealed class KernelSymbolsTests
{
    private const string Kallsyms = """
        ffffffff81000000 T _stext
        ffffffff81001000 T do_syscall_64
        ffffffff81001800 t helper_static
        ffffffff81002000 D some_data
        ffffffff81003000 W weak_function
        ffffffffc0a01000 t nf_hook_thing	[nf_tables]
        """;

    [Fact]
    public void Finds_the_function_at_or_below_an_address_with_the_offset()
    {
        KernelSymbols symbols = KernelSymbols.Parse(new StringReader(Kallsyms));

        Assert.True(symbols.TryFind(0xffffffff81001010, out string name, out ulong offset));
        Assert.Equal("do_syscall_64", name);
        Assert.Equal(0x10UL, offset);
        Assert.True(symbols.TryFind(0xffffffff81001800, out name, out offset));
        Assert.Equal("helper_static", name);
        Assert.Equal(0UL, offset);
    }

    [Fact]
    public void Keeps_code_symbols_only_and_drops_the_module_column()
    {
        KernelSymbols symbols = KernelSymbols.Parse(new StringReader(Kallsyms));

        Assert.Equal(5, symbols.Count);
        // The data symbol is skipped: an address in it belongs to the function below.
        Assert.True(symbols.TryFind(0xffffffff81002004, out string name, out _));
        Assert.Equal("helper_static", name);
        Assert.True(symbols.TryFind(0xffffffffc0a01020, out name, out _));
        Assert.Equal("nf_hook_thing", name);
    }

    [Fact]
    public void Addresses_below_every_symbol_are_not_found()
    {
        KernelSymbols symbols = KernelSymbols.Parse(new StringReader(Kallsyms));

        Assert.False(symbols.TryFind(0xffffffff80000000, out _, out _));
    }

    [Fact]
    public void Hidden_addresses_make_the_table_unusable_instead_of_wrong()
    {
        // What an unprivileged reader sees with kptr_restrict: every address is zero.
        KernelSymbols symbols = KernelSymbols.Parse(new StringReader("0000000000000000 T _stext\n0000000000000000 T do_syscall_64\n"));

        Assert.False(symbols.IsUsable);
        Assert.False(symbols.TryFind(0xffffffff81001010, out _, out _));
    }

    [Fact]
    public void The_real_kallsyms_parses_with_thousands_of_functions()
    {
        KernelSymbols symbols = KernelSymbols.Load();

        // As root addresses are visible; as another user they may be hidden: both are handled.
        if (symbols.IsUsable)
            Assert.True(symbols.Count > 1000);
    }
}
