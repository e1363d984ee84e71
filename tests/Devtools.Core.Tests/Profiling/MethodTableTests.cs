using Devtools.Core.Profiling.EventPipe;

namespace Devtools.Core.Tests.Profiling;

public sealed class MethodTableTests
{
    [Fact]
    public void Finds_the_body_containing_an_address()
    {
        var table = new MethodTable();
        table.AddMethod(0x2000, 0x100, methodId: 2, token: 0x06000002, moduleId: 7, "App.Cart", "Total", fromRundown: true);
        table.AddMethod(0x1000, 0x80, methodId: 1, token: 0x06000001, moduleId: 7, "App.Cart", "Add", fromRundown: true);

        Assert.Equal("App.Cart.Add", table.Find(0x1000)?.Name);
        Assert.Equal("App.Cart.Add", table.Find(0x107f)?.Name);
        Assert.Null(table.Find(0x1080));
        Assert.Equal("App.Cart.Total", table.Find(0x20ff)?.Name);
        Assert.Null(table.Find(0x0fff));
        Assert.Null(table.Find(0x2100));
    }

    [Fact]
    public void A_map_before_its_body_waits_for_it_as_rundowns_send_them()
    {
        var table = new MethodTable();
        table.AddILMap(methodId: 5, [0, 10], [0, 4]);
        table.AddMethod(0x1000, 0x40, methodId: 5, token: 0x06000005, moduleId: 1, "A", "M", fromRundown: true);
        Assert.Equal(4, table.Find(0x1010)!.ILMap!.ILOffsetAt(0x10));
    }

    [Fact]
    public void A_map_after_its_body_goes_to_that_body_and_tier_ups_keep_their_own()
    {
        var table = new MethodTable();
        table.AddMethod(0x1000, 0x40, methodId: 5, token: 0x06000005, moduleId: 1, "A", "M", fromRundown: false);
        table.AddILMap(methodId: 5, [0, 10], [0, 4]);
        // Tier 1: a new body of the same method, with its own map.
        table.AddMethod(0x3000, 0x20, methodId: 5, token: 0x06000005, moduleId: 1, "A", "M", fromRundown: false);
        table.AddILMap(methodId: 5, [0, 2], [0, 9]);

        Assert.Equal(4, table.Find(0x1010)!.ILMap!.ILOffsetAt(0x10));
        Assert.Equal(9, table.Find(0x3010)!.ILMap!.ILOffsetAt(0x10));
    }

    [Fact]
    public void A_reused_address_keeps_the_latest_body()
    {
        var table = new MethodTable();
        table.AddMethod(0x1000, 0x40, methodId: 1, token: 0x06000001, moduleId: 1, "A", "Old", fromRundown: true);
        table.AddMethod(0x1000, 0x40, methodId: 2, token: 0x06000002, moduleId: 1, "A", "New", fromRundown: false);
        Assert.Equal("A.New", table.Find(0x1001)?.Name);
        Assert.Equal(1, table.Count);
    }

    [Fact]
    public void IL_map_handles_prolog_epilog_and_unmapped_code()
    {
        // prolog, IL 0 at 8, IL 6 at 20, unmapped helper code at 30, epilog at 40
        var map = new ILToNativeMap([40, 0, 8, 20, 30], [-3, -2, 0, 6, -1]);
        Assert.Equal(0, map.ILOffsetAt(2));
        Assert.Equal(0, map.ILOffsetAt(8));
        Assert.Equal(6, map.ILOffsetAt(25));
        Assert.Equal(6, map.ILOffsetAt(35));
        Assert.Equal(6, map.ILOffsetAt(44));
    }
}
